import { getTranslations } from "next-intl/server";
import { COMMENT_SORTS } from "@/lib/limits";
import type { CommentSort } from "./view-types";

const LABEL_KEYS = { newest: "sortNewest", oldest: "sortOldest", replies: "sortReplies" } as const satisfies Record<CommentSort, string>;

/** Choosing the order is a plain GET form: it works without JavaScript and gives a shareable URL. */
export async function CommentListControls({ basePath, sort }: { basePath: string; sort: CommentSort }) {
  const t = await getTranslations("comments");
  return (
    <form method="get" action={`${basePath}#comments`} className="mt-6 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="comment-sort" className="block font-semibold">
          {t("sortLabel")}
        </label>
        <select id="comment-sort" name="sort" defaultValue={sort} className="mt-1 min-h-11 rounded border-2 border-slate-600 bg-white px-2">
          {COMMENT_SORTS.map((value) => (
            <option key={value} value={value}>
              {t(LABEL_KEYS[value])}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="min-h-11 cursor-pointer rounded border-2 border-blue-800 px-4 font-semibold text-blue-900 hover:bg-blue-50"
      >
        {t("sortApply")}
      </button>
    </form>
  );
}
