/** Only same-site paths are followed after sign-in: "/x" yes, "//evil.example" and "https://…" no. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // A Location header takes printable ASCII only (addresses we make are percent-encoded): a control character
  // could split the header, and other text (a U+FFFD from bytes that were not UTF-8) makes Node refuse it, a 500.
  if (/[^\x21-\x7e]/.test(value)) return fallback;
  return value;
}
