import type { Locale } from "./routing";

// Dates shown as day-month-year in India Standard Time (stored in UTC); numbers grouped the Indian way.
// Building an Intl.DateTimeFormat costs far more than using one, and a page formats a date per comment, so
// each format is built once per language and process.
const dateOptions: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Asia/Kolkata",
  numberingSystem: "latn",
};
const dateTimeOptions: Intl.DateTimeFormatOptions = { ...dateOptions, hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "dateTime", locale: Locale): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "hi" ? "hi-IN" : "en-IN", kind === "date" ? dateOptions : dateTimeOptions);
    formats.set(key, f);
  }
  return f;
}

export function formatDate(date: Date, locale: Locale): string {
  return formatter("date", locale).format(date);
}

export function formatDateTime(date: Date, locale: Locale): string {
  return formatter("dateTime", locale).format(date);
}
