import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";
import { fillLimitTokens } from "@/lib/i18n/limit-tokens";
import type { Language } from "@/lib/limits";

const catalogues = { en: fillLimitTokens(en, "en"), hi: fillLimitTokens(hi, "hi") };

/**
 * The catalogue's "email" messages in the recipient's language, outside a request: mail is written where the
 * triggering write happens (a query, a background job), not where the recipient is reading a page.
 */
export function mailText(language: Language): (key: string, values?: Record<string, string | number>) => string {
  const t = createTranslator({ locale: language, messages: catalogues[language] ?? catalogues.en, namespace: "email" });
  return (key, values) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}
