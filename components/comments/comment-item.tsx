import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CampaignGroup, CosignedBy } from "@/components/campaigns/campaign-group";
import { ConfirmStep } from "@/components/ui/confirm-step";
import { withdrawOwnComment } from "@/lib/actions/comments";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { mayReplyTo } from "@/lib/rules/comments";
import { referenceNumber } from "@/lib/rules/reference-number";
import { LinkedText } from "./linked-text";
import { isPlaceholder, type CommentView } from "./view-types";

/** The translators a comment needs, fetched once per list rather than once per comment. */
export interface CommentWords {
  t: Awaited<ReturnType<typeof getTranslations<"comments">>>;
  tm: Awaited<ReturnType<typeof getTranslations<"moderation">>>;
  tsum: Awaited<ReturnType<typeof getTranslations<"summary">>>;
  tg: Awaited<ReturnType<typeof getTranslations<"groups">>>;
  ts: Awaited<ReturnType<typeof getTranslations<"stances">>>;
}

export async function commentWords(): Promise<CommentWords> {
  const [t, tm, tsum, tg, ts] = await Promise.all([
    getTranslations("comments"),
    getTranslations("moderation"),
    getTranslations("summary"),
    getTranslations("groups"),
    getTranslations("stances"),
  ]);
  return { t, tm, tsum, tg, ts };
}

interface Props {
  words: CommentWords;
  comment: CommentView;
  locale: Locale;
  viewerId: string | null;
  canWrite: boolean;
  /** New top-level comments (and their edits) are taken: false in the counter-comment window, where only replies are. */
  canComment: boolean;
  /** The consultation's reference prefix: each comment shows its reference number (PC-2026-000123). */
  referencePrefix: string;
  /** The principle page URL with the current sort and position, for reply and edit links. */
  pageHref: (extra: Record<string, string>) => string;
  editing: ReactNode;
  replying: ReactNode;
  reporting: ReactNode;
  /** The page was opened to confirm withdrawing this comment (`?withdraw=<id>`). */
  confirmingWithdrawal: boolean;
  /** Signed in and not blocked: may report others' comments (also after the consultation closes). */
  canReport: boolean;
  ledgerHref: string;
  principlePosition: number;
  summaryHref: string;
}

// Short classes defined in app/globals.css: a comment's markup is sent twice and repeated dozens of times.
const actionLink = "comment-action";
const frame = "comment";

/** Only its author withdraws a comment, and only one that is still up (published or awaiting moderation). */
function mayWithdraw(c: CommentView, viewerId: string | null): boolean {
  return viewerId !== null && c.authorId === viewerId && (c.state === "published" || c.state === "awaiting_moderation");
}

/**
 * What stays of a hidden or withdrawn comment: its place in the thread (so replies still make sense), the
 * author's stakeholder group, why it is gone and when. Never the author's name, designation or organisation:
 * a placeholder must not tie a named person to a removal.
 */
function Placeholder({ c, locale, ledgerHref, words }: { c: CommentView; locale: Locale; ledgerHref: string; words: CommentWords }) {
  const { t, tm, tg } = words;
  return (
    <article
      id={`comment-${c.id}`}
      aria-labelledby={`comment-${c.id}-author`}
      className={`${frame} bg-slate-50`}
      data-testid="comment"
      data-comment-id={c.id}
      data-state={c.state}
    >
      <header className="comment-meta">
        <p>
          <span id={`comment-${c.id}-author`} className="comment-author" data-testid="placeholder-group">
            {t("placeholderGroup", { group: tg(c.stakeholderGroup) })}
          </span>
        </p>
        <p>
          <a href={`/${locale}/comments/${c.id}`} aria-label={t("permalink", { id: c.id })} className="comment-link">
            {t("reference", { id: c.id })}
          </a>
          {" · "}
          <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, locale)}</time>
        </p>
      </header>
      {c.state === "withdrawn" ? (
        <p className="mt-3 italic text-slate-800" data-testid="withdrawn-notice">
          {t("withdrawn", { date: formatDateTime(c.withdrawnAt ?? c.createdAt, locale) })}
        </p>
      ) : (
        <p className="mt-3 italic text-slate-800" data-testid="hidden-notice">
          <a href={ledgerHref} className="text-blue-900 underline">
            {c.hiddenRule ? tm("hiddenUnderRule", { n: c.hiddenRule }) : tm("hiddenPending")}
          </a>
        </p>
      )}
    </article>
  );
}

/**
 * Who wrote it: the name and designation, or, for a personal comment whose author chose to show only their
 * group, "A participant from <group>" (the query never sends that name); a submission received by post, by
 * email or at a meeting says so, with its date and the submitter's name.
 */
function Byline({ c, own, locale, words }: { c: CommentView; own: boolean; locale: Locale; words: CommentWords }) {
  const { t, tg } = words;
  const group = tg(c.stakeholderGroup);
  const groupOnly = !c.nameShown && !c.offPlatformChannel;
  return (
    <>
      <p>
        {c.authorErased ? (
          <span id={`comment-${c.id}-author`} className="comment-author" data-testid="former-participant">
            {t("formerParticipant", { group })}
          </span>
        ) : groupOnly ? (
          <span id={`comment-${c.id}-author`} className="comment-author" data-testid="group-only">
            {t("participantFrom", { group })}
          </span>
        ) : (
          <>
            {/* <bdi>: a right-to-left override typed into a name or designation cannot turn the text after it around. */}
            <bdi id={`comment-${c.id}-author`} className="comment-author">
              {c.authorName}
            </bdi>
            {c.authorDesignation ? (
              <>
                , <bdi>{c.authorDesignation}</bdi>
              </>
            ) : null}
            {` · ${group}`}
          </>
        )}
        {groupOnly && own && !c.authorErased ? <span className="ml-1 text-slate-700">{t("groupOnlyOwn")}</span> : null}
      </p>
      {c.offPlatformChannel && c.receivedAt ? (
        <p className="font-medium text-slate-900" data-testid="off-platform">
          {t(`offPlatform.${c.offPlatformChannel}`, { date: formatDate(c.receivedAt, locale) })}
        </p>
      ) : null}
    </>
  );
}

export function CommentItem(p: Props) {
  const { comment: c, locale, viewerId, canWrite, pageHref, editing, replying, reporting } = p;
  if (isPlaceholder(c.state)) {
    // A reply under a placeholder keeps its place: the list of replies is rendered by the thread, around this.
    return <Placeholder c={c} locale={locale} ledgerHref={p.ledgerHref} words={p.words} />;
  }
  const { t, tm, tsum, ts } = p.words;
  const own = viewerId !== null && c.authorId === viewerId;
  const withdrawable = canWrite && mayWithdraw(c, viewerId);
  const confirming = withdrawable && p.confirmingWithdrawal && !editing;
  return (
    <article
      id={`comment-${c.id}`}
      aria-labelledby={`comment-${c.id}-author`}
      className={frame}
      data-testid="comment"
      data-comment-id={c.id}
      data-state={c.state}
    >
      <header className="comment-meta">
        <Byline c={c} own={own} locale={locale} words={p.words} />
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
        <CosignedBy
          names={c.cosignedBy}
          locale={locale}
          commentId={c.id}
          mayInvite={own && p.canComment && c.parentId === null && !!c.organisationName && c.state !== "withdrawn"}
        />
        <p>
          <a href={`/${locale}/comments/${c.id}`} aria-label={t("permalink", { id: c.id })} className="comment-link">
            {t("reference", { id: c.id })}
          </a>
          {" · "}
          <span data-testid="reference-number">{t("referenceNumber", { ref: referenceNumber(p.referencePrefix, c.id, c.createdAt) })}</span>
          {" · "}
          <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, locale)}</time>
          {" · "}
          <span data-testid="comment-language">{t(`writtenIn.${c.language}`)}</span>
          {c.editedAt ? (
            <>
              {" · "}
              <a href={`/${locale}/comments/${c.id}/history`} className="comment-link" data-testid="edited-mark">
                {t("edited", { date: formatDateTime(c.editedAt, locale) })}
                <span className="sr-only"> ({t("historyLink", { id: c.id })})</span>
              </a>
            </>
          ) : null}
        </p>
        {c.citedInVersion ? (
          <p data-testid="cited-mark">
            <a href={`${p.summaryHref}?version=${c.citedInVersion}#cited-${c.id}`} className="font-medium text-green-900 underline">
              {tsum("citedMark", { n: p.principlePosition, v: c.citedInVersion })}
            </a>
          </p>
        ) : null}
      </header>
      {c.state === "awaiting_moderation" ? <p className="mt-2 font-medium text-amber-900">{t("awaiting")}</p> : null}
      <p className="comment-stance" data-testid="stance">
        {t("stanceLabel", { stance: ts(c.stance) })}
      </p>
      {editing ?? (c.body ? <LinkedText text={c.body} lang={c.language} testId="comment-body" /> : null)}
      <CampaignGroup commentId={c.id} signers={c.campaignSigners} locale={locale} returnTo={`${pageHref({})}#comment-${c.id}`} />
      {confirming ? (
        <ConfirmStep
          id={`withdraw-${c.id}`}
          heading={t("withdrawQuestion", { id: c.id })}
          explanation={t("withdrawExplain")}
          action={withdrawOwnComment}
          fields={{ commentId: String(c.id) }}
          confirmLabel={t("withdrawConfirm", { id: c.id })}
          pendingLabel={t("withdrawing")}
          cancelHref={`${pageHref({})}#comment-${c.id}`}
          cancelLabel={t("withdrawCancel", { id: c.id })}
          testId="withdraw-confirm"
        />
      ) : canWrite && !editing ? (
        <div className="mt-2 flex flex-wrap gap-x-5">
          {mayReplyTo(c) ? (
            <a href={`${pageHref({ reply: String(c.id) })}#reply-${c.id}`} className={actionLink} aria-label={t("replyTo", { id: c.id })}>
              {t("reply")}
            </a>
          ) : null}
          {own && c.state === "published" && (c.parentId !== null || p.canComment) ? (
            <a
              href={`${pageHref({ edit: String(c.id) })}#comment-${c.id}`}
              className={actionLink}
              aria-label={t("editComment", { id: c.id })}
            >
              {t("edit")}
            </a>
          ) : null}
          {withdrawable ? (
            <a
              href={`${pageHref({ withdraw: String(c.id) })}#withdraw-${c.id}`}
              className={actionLink}
              aria-label={t("withdrawComment", { id: c.id })}
              data-testid="withdraw-link"
            >
              {t("withdraw")}
            </a>
          ) : null}
        </div>
      ) : null}
      {p.canReport && !own && c.state === "published" && !reporting ? (
        <a
          href={`${pageHref({ report: String(c.id) })}#report-${c.id}`}
          className={actionLink}
          aria-label={tm("reportComment", { id: c.id })}
        >
          {tm("report")}
        </a>
      ) : null}
      {reporting}
      {replying}
    </article>
  );
}
