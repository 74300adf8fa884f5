import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { fillLimitTokens } from "./limit-tokens";
import { routing, type Locale } from "./routing";

// The filled catalogue is the same for every request: worked out once per language and process.
const filled = new Map<Locale, ReturnType<typeof fillLimitTokens>>();

async function messagesFor(locale: Locale) {
  let messages = filled.get(locale);
  if (!messages) {
    messages = fillLimitTokens((await import(`./messages/${locale}.json`)).default, locale);
    filled.set(locale, messages);
  }
  return messages;
}

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return { locale, messages: await messagesFor(locale), timeZone: "Asia/Kolkata" };
});
