import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from "@/lib/limits";
import { routing, type Locale } from "./routing";

/** The page's locale from its params; unknown locales are a 404. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

export async function groupLabels(): Promise<Record<StakeholderGroup, string>> {
  const t = await getTranslations("groups");
  return Object.fromEntries(STAKEHOLDER_GROUPS.map((g) => [g, t(g)])) as Record<StakeholderGroup, string>;
}

export async function languageLabels(): Promise<Record<Locale, string>> {
  const t = await getTranslations("languages");
  return Object.fromEntries(routing.locales.map((l) => [l, t(l)])) as Record<Locale, string>;
}

/** Content stored in both languages: the Hindi text when there is one, else English marked as such. */
export function localised(locale: Locale, en: string, hi: string | null): { text: string; lang?: string } {
  if (locale === "hi" && hi) return { text: hi };
  return locale === "hi" ? { text: en, lang: "en" } : { text: en };
}
