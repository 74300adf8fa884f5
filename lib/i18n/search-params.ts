import type { PageStart } from "@/db/queries/comments";
import { COMMENT_SORTS, MAX_ID, type CommentSort } from "@/lib/limits";

type Search = Record<string, string | string[] | undefined>;

/** The query parameter that opens the "withdraw this endorsement?" step of an endorsement panel. */
export const WITHDRAW_ENDORSEMENT_PARAM = "withdrawEndorsement";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
export const positiveInt = (v: string | undefined) => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_ID ? n : null;
};

/** The comment list's state from the URL: order, position, and which reply, edit, report or withdraw step is open. */
export function commentListParams(search: Search) {
  const sortRaw = one(search.sort);
  const sort: CommentSort = COMMENT_SORTS.includes(sortRaw as CommentSort) ? (sortRaw as CommentSort) : "newest";
  const after = one(search.after);
  const from = positiveInt(one(search.from));
  const validAfter = after && /^(\d{1,10}\.)?\d{1,10}$/.test(after) && after.split(".").every((x) => Number(x) <= MAX_ID);
  const start: PageStart = from ? { from } : validAfter ? { after } : {};
  const position: Record<string, string> = from ? { from: String(from) } : start.after ? { after: start.after } : {};
  return {
    sort,
    start,
    position,
    replyTo: positiveInt(one(search.reply)),
    editId: positiveInt(one(search.edit)),
    reportId: positiveInt(one(search.report)),
    // The "withdraw …?" confirmation steps (shown only for the viewer's own comment or endorsement).
    withdrawId: positiveInt(one(search.withdraw)),
    withdrawEndorsementId: withdrawEndorsementParam(search),
  };
}

/** Which endorsement's withdrawal the page was opened to confirm, if any. */
export function withdrawEndorsementParam(search: Search): number | null {
  return positiveInt(one(search[WITHDRAW_ENDORSEMENT_PARAM]));
}
