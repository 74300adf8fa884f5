import { defineRouting } from "next-intl/routing";
import { locales } from "@/db/schema/enums";

// Every page has a URL per language (/en/…, /hi/…): shareable, bookmarkable, and the switch is a plain link.
export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
});

export type Locale = (typeof routing.locales)[number];
