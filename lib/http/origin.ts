/**
 * State-changing route handlers accept only same-origin requests. Browsers send Origin on every POST; a
 * request without it (a script, curl) is allowed only when it carries no cookies to ride on.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return !req.headers.get("cookie");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
