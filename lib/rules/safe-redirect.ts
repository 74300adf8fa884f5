/** Only same-site paths are followed after sign-in: "/x" yes, "//evil.example" and "https://…" no. */
export function safeRedirectPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must never reach a Location header
  if (/[\u0000-\u001f]/.test(value)) return fallback;
  return value;
}
