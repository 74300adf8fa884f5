/**
 * After an action redirects (post/redirect/get), the page it lands on says what happened: `?done=<key>` for a
 * confirmation (catalogue "done") or `?failed=<key>` for a refusal (catalogue "errors"). A query parameter, not a
 * cookie or server memory, so it works without JavaScript and on any app instance; the keys come from a closed
 * catalogue, so a crafted link can only show one of our own sentences.
 */
export const DONE_PARAM = "done";
export const FAILED_PARAM = "failed";

export function withOutcome(path: string, outcome: string | null | { failed: string }): string {
  if (outcome === null) return path;
  const [beforeHash = "", hash] = path.split("#", 2);
  const url = new URL(beforeHash, "http://samvad.invalid");
  url.searchParams.delete(DONE_PARAM);
  url.searchParams.delete(FAILED_PARAM);
  if (typeof outcome === "string") url.searchParams.set(DONE_PARAM, outcome);
  else url.searchParams.set(FAILED_PARAM, outcome.failed);
  return url.pathname + url.search + (hash === undefined ? "" : `#${hash}`);
}
