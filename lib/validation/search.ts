import { z } from "zod";
import { SEARCH_QUERY_MAX } from "@/lib/limits";

/** The result groups of the search page, in the order they are shown. */
export const SEARCH_GROUPS = ["principles", "comments", "summaries", "organisations"] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

/** Results per group on the overview; a group opened on its own shows more per page. */
export const SEARCH_OVERVIEW_LIMIT = 5;
export const SEARCH_PAGE_SIZE = 20;
/** Deep pages of a full-text match are never what anyone wants, and each costs an ever larger offset. */
export const SEARCH_PAGE_MAX = 50;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * The search page's query string. `q` is trimmed with its runs of white space collapsed; a query longer than
 * SEARCH_QUERY_MAX is refused with a message rather than cut, so nobody reads results for words they did not
 * send. An unknown group or page means "none" and "1".
 */
export const searchParamsSchema = z.object({
  q: z.preprocess(
    // NUL dropped: PostgreSQL text cannot hold U+0000, and the search query would fail with it (a 500).
    (v) => (typeof one(v) === "string" ? String(one(v)).replaceAll("\0", "").replace(/\s+/g, " ").trim() : ""),
    z.string().max(SEARCH_QUERY_MAX, "searchTooLong"),
  ),
  group: z.preprocess(one, z.enum(SEARCH_GROUPS).optional().catch(undefined)),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).catch(1)),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

export type ParsedSearch = { ok: true; params: SearchParams } | { ok: false; error: string; q: string };

export function parseSearchParams(search: Record<string, string | string[] | undefined>): ParsedSearch {
  const parsed = searchParamsSchema.safeParse(search);
  if (parsed.success) return { ok: true, params: parsed.data };
  const raw = one(search.q);
  return {
    ok: false,
    error: parsed.error.issues[0]?.message ?? "searchTooLong",
    q: typeof raw === "string" ? raw.slice(0, SEARCH_QUERY_MAX) : "",
  };
}
