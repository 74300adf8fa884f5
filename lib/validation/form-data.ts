/**
 * The string fields of a submitted form, for zod to parse and for the form to refill. Only the named fields are
 * read: Next's own hidden fields ($ACTION_…) and anything extra a replayed post carries are ignored. NUL
 * characters are dropped: PostgreSQL text cannot hold U+0000, so one would fail the insert (a 500), and it never
 * means anything in a form's text.
 */
export function readForm(formData: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = formData.get(name);
    if (typeof value === "string") out[name] = value.replaceAll("\0", "");
  }
  return out;
}

/** zod issues → first message key per field. The keys are catalogue keys under "errors". */
export function fieldErrorKeys(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    out[field] ??= issue.message;
  }
  return out;
}
