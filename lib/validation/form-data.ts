/**
 * The string fields of a submitted form, for zod to parse and for the form to refill. Only the named fields are
 * read: Next's own hidden fields ($ACTION_…) and anything extra a replayed post carries are ignored. NUL
 * characters are dropped: PostgreSQL text cannot hold U+0000, so one would fail the insert (a 500), and it never
 * means anything in a form's text. Whatever is not form data reads as an empty form.
 */
export function readForm(formData: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  // React hands an action the arguments a JS-off post lists in its $ACTION_<n>:<k> field, so a hand-made post can
  // shift the form data out of place (null, a number, the previous state): that is an empty form, never a 500.
  if (!(formData instanceof FormData)) return out;
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value.replaceAll("\0", "");
  }
  return out;
}

/** What a schema's own messages look like: catalogue keys under "errors" (camelCase), never a sentence. */
const CATALOGUE_KEY = /^[a-z][A-Za-z0-9]*$/;

/**
 * zod issues → first message key per field. The schemas name catalogue keys under "errors"; where zod speaks for
 * itself instead (a field missing from a hand-made post reaches zod's own "Invalid input: expected string…"), the
 * field gets the general "fieldInvalid", never a key the catalogue lacks.
 */
export function fieldErrorKeys(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= CATALOGUE_KEY.test(issue.message) ? issue.message : "fieldInvalid";
  }
  return out;
}
