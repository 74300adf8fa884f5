import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { ThreadComment } from "@/db/queries/comments";
import { withdrawOwnComment } from "@/lib/actions/comments";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { LinkedText } from "./linked-text";

interface Props {
  comment: ThreadComment;
  locale: Locale;
  viewerId: string | null;
  canWrite: boolean;
  /** The principle page URL with the current sort and position, for reply and edit links. */
  pageHref: (extra: Record<string, string>) => string;
  editing: ReactNode;
  replying: ReactNode;
  reporting: ReactNode;
  /** Signed in and not blocked: may report others' comments (also after the consultation closes). */
  canReport: boolean;
  ledgerHref: string;
  principlePosition: number;
  summaryHref: string;
}

const actionLink = "inline-flex min-h-11 items-center text-blue-900 underline underline-offset-2";

export async function CommentItem({ comment: c, locale, viewerId, canWrite, pageHref, editing, replying, reporting, canReport, ledgerHref, principlePosition, summaryHref }: Props) {
  const t = await getTranslations("comments");
  const tm = await getTranslations("moderation");
  const tsum = await getTranslations("summary");
  const tg = await getTranslations("groups");
  const ts = await getTranslations("stances");
  const own = viewerId !== null && c.authorId === viewerId;
  const withdrawn = c.state === "withdrawn";
  return (
    <article id={`comment-${c.id}`} aria-labelledby={`comment-${c.id}-author`} className="scroll-mt-4 rounded border border-slate-300 p-4 target:border-2 target:border-blue-800" data-testid="comment" data-comment-id={c.id} data-state={c.state}>
      <header className="text-sm text-slate-800">
        <p>
          <span id={`comment-${c.id}-author`} className="text-base font-semibold text-slate-900">{c.authorName}</span>
          {c.authorDesignation ? <span>, {c.authorDesignation}</span> : null}
          {" · "}
          <span>{tg(c.stakeholderGroup)}</span>
        </p>
        <p data-testid="capacity">
          {c.organisationName ? (
            <>
              {t("onBehalf", { organisation: c.organisationName })}
              {c.organisationVerified ? (
                <span className="ml-1 inline-flex items-center rounded bg-green-100 px-1.5 font-medium text-green-900">
                  <span aria-hidden="true">✓ </span>
                  <span className="sr-only">{t("verifiedLabel")}</span>
                  <span aria-hidden="true">{t("verified")}</span>
                </span>
              ) : null}
            </>
          ) : (
            t("personal")
          )}
        </p>
        <p>
          <Link href={`/comments/${c.id}`} aria-label={t("permalink", { id: c.id })} className="text-blue-900 underline underline-offset-2">
            {t("reference", { id: c.id })}
          </Link>
          {" · "}
          <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, locale)}</time>
          {c.editedAt && !withdrawn ? (
            <>
              {" · "}
              <Link href={`/comments/${c.id}/history`} className="text-blue-900 underline underline-offset-2" data-testid="edited-mark">
                {t("edited", { date: formatDateTime(c.editedAt, locale) })}
                <span className="sr-only"> ({t("historyLink", { id: c.id })})</span>
              </Link>
            </>
          ) : null}
        </p>
        {c.citedInVersion ? (
          <p data-testid="cited-mark">
            <a href={`${summaryHref}?version=${c.citedInVersion}#cited-${c.id}`} className="font-medium text-green-900 underline">
              {tsum("citedMark", { n: principlePosition, v: c.citedInVersion })}
            </a>
          </p>
        ) : null}
      </header>
      {withdrawn ? (
        <p className="mt-3 italic text-slate-800" data-testid="withdrawn-notice">
          {t("withdrawn", { date: formatDateTime(c.withdrawnAt ?? c.createdAt, locale) })}
        </p>
      ) : c.state === "hidden" ? (
        <p className="mt-3 italic text-slate-800" data-testid="hidden-notice">
          <a href={ledgerHref} className="text-blue-900 underline">
            {c.hiddenRule ? tm("hiddenUnderRule", { n: c.hiddenRule }) : tm("hiddenPending")}
          </a>
        </p>
      ) : (
        <>
          {c.state === "awaiting_moderation" ? <p className="mt-2 font-medium text-amber-900">{t("awaiting")}</p> : null}
          <p className="mt-3 inline-block rounded bg-slate-100 px-2 text-sm font-semibold text-slate-900" data-testid="stance">
            {t("stanceLabel", { stance: ts(c.stance) })}
          </p>
          {editing ?? (c.body ? <div className="mt-2" data-testid="comment-body"><LinkedText text={c.body} lang={c.language !== locale ? c.language : undefined} /></div> : null)}
        </>
      )}
      {canWrite && !withdrawn && !editing ? (
        <div className="mt-2 flex flex-wrap gap-x-5">
          {c.depth < 2 && c.state === "published" ? (
            <a href={pageHref({ reply: String(c.id) }) + `#reply-${c.id}`} className={actionLink} aria-label={t("replyTo", { id: c.id })}>{t("reply")}</a>
          ) : null}
          {own && c.state === "published" ? (
            <a href={pageHref({ edit: String(c.id) }) + `#comment-${c.id}`} className={actionLink} aria-label={t("editComment", { id: c.id })}>{t("edit")}</a>
          ) : null}
          {own ? (
            <form action={withdrawOwnComment}>
              <input type="hidden" name="commentId" value={c.id} />
              <button type="submit" className={`${actionLink} cursor-pointer`} aria-label={t("withdrawComment", { id: c.id })}>{t("withdraw")}</button>
            </form>
          ) : null}
        </div>
      ) : null}
      {canReport && !own && c.state === "published" && !reporting ? (
        <a href={pageHref({ report: String(c.id) }) + `#report-${c.id}`} className={actionLink} aria-label={tm("reportComment", { id: c.id })}>{tm("report")}</a>
      ) : null}
      {reporting}
      {replying}
    </article>
  );
}
