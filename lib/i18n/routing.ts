import { defineRouting } from "next-intl/routing";
import { LOCALES } from "@/lib/limits";

// Every page has a URL per language (/en/…, /hi/…): shareable, bookmarkable, and the switch is a plain link.
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: "en",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
