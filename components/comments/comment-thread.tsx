import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";
import { CommentReportForm } from "@/components/moderation/comment-report-form";
import type { Locale } from "@/lib/i18n/routing";
import { mayReplyTo } from "@/lib/rules/comments";
import { CommentForm } from "./comment-form";
import { CommentItem, commentWords } from "./comment-item";
import { EditCommentForm } from "./edit-comment-form";
import type { CommentSort, CommentView } from "./view-types";

export interface ThreadView {
  locale: Locale;
  viewerId: string | null;
  /** Replies, withdrawals and edits of replies are taken (comment period and counter-comment window). */
  canWrite: boolean;
  /** New top-level comments and their edits are taken (the comment period only). */
  canComment: boolean;
  referencePrefix: string;
  /**
   * The page answers a form posted without JavaScript whose session had ended: the open reply or edit form is
   * shown anyway, so the action's answer (the text kept, "sign in again, then post again") has a form to fill.
   */
  keepForms?: boolean;
  consultationSlug: string;
  principleSlug: string;
  basePath: string;
  sort: CommentSort;
  /** The position query of the current page (after= or from=), kept in reply and edit links. */
  position: Record<string, string>;
  replyTo: number | null;
  editId: number | null;
  reportId: number | null;
  /** The viewer's own comment whose withdrawal the page was opened to confirm (`?withdraw=<id>`). */
  withdrawId: number | null;
  canReport: boolean;
  ledgerHref: string;
  policyHref: string;
  principlePosition: number;
  summaryHref: string;
  stamp: string;
  organisations: { id: string; name: string }[];
}

/**
 * Threads with their replies nested (at most three levels), built from the two queries' rows. Pages pass the rows
 * through `toCommentView` first, so hidden and withdrawn comments arrive without their author's identity.
 */
export async function CommentThreads({ threads, replies, view }: { threads: CommentView[]; replies: CommentView[]; view: ThreadView }) {
  const words = await commentWords();
  const { t, tm } = words;
  const children = new Map<number, CommentView[]>();
  for (const r of replies) {
    const list = children.get(r.parentId ?? 0) ?? [];
    list.push(r);
    children.set(r.parentId ?? 0, list);
  }
  const pageHref = (extra: Record<string, string>) => {
    const q = new URLSearchParams({ ...(view.sort !== "newest" ? { sort: view.sort } : {}), ...view.position, ...extra });
    return `${view.basePath}?${q.toString()}`;
  };

  // A visitor's pages carry no form words; a form kept for an answer after the session ended needs them.
  const withWords = (form: ReactNode) =>
    view.viewerId === null ? <ClientMessages namespaces={["comments", "stances"]}>{form}</ClientMessages> : form;

  const render = (c: CommentView) => {
    const kids = children.get(c.id) ?? [];
    const editable = view.canWrite && (c.parentId !== null || view.canComment);
    const editing =
      editable && view.editId === c.id && (c.authorId === view.viewerId || view.keepForms) && c.state === "published" && c.body ? (
        <>
          <p className="mt-2">
            <a href={view.policyHref} className="text-blue-900 underline">
              {tm("policyLink")}
            </a>
          </p>
          {withWords(
            <EditCommentForm
              commentId={c.id}
              body={c.body}
              stance={c.stance}
              cancelHref={pageHref({}) + `#comment-${c.id}`}
              permalink={`${pageHref({ edit: String(c.id) })}#comment-${c.id}`}
            />,
          )}
        </>
      ) : null;
    const replying =
      view.replyTo === c.id && view.canWrite && mayReplyTo(c) ? (
        <section id={`reply-${c.id}`} aria-label={t("replyHeading", { id: c.id })} className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="mb-2 font-semibold">{t("replyHeading", { id: c.id })}</h3>
          <p className="mb-2">
            <a href={view.policyHref} className="text-blue-900 underline">
              {tm("policyLink")}
            </a>
          </p>
          {withWords(
            <CommentForm
              consultationSlug={view.consultationSlug}
              principleSlug={view.principleSlug}
              formToken={crypto.randomUUID()}
              stamp={view.stamp}
              organisations={view.organisations}
              parentId={c.id}
              idPrefix={`reply-${c.id}`}
              permalink={`${pageHref({ reply: String(c.id) })}#reply-${c.id}`}
            />,
          )}
        </section>
      ) : null;
    const reporting =
      view.reportId === c.id && view.canReport && c.authorId !== view.viewerId && c.state === "published" ? (
        <section id={`report-${c.id}`} aria-label={tm("reportHeading", { id: c.id })} className="mt-4 border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{tm("reportHeading", { id: c.id })}</h3>
          <CommentReportForm commentId={c.id} />
        </section>
      ) : null;
    return (
      <li key={c.id}>
        <CommentItem
          words={words}
          comment={c}
          locale={view.locale}
          viewerId={view.viewerId}
          canWrite={view.canWrite}
          canComment={view.canComment}
          referencePrefix={view.referencePrefix}
          pageHref={pageHref}
          editing={editing}
          replying={replying}
          reporting={reporting}
          confirmingWithdrawal={view.withdrawId === c.id}
          canReport={view.canReport}
          ledgerHref={view.ledgerHref}
          principlePosition={view.principlePosition}
          summaryHref={view.summaryHref}
        />
        {kids.length ? (
          <ol aria-label={t("repliesLabel", { id: c.id })} className="comment-replies">
            {kids.map(render)}
          </ol>
        ) : null}
      </li>
    );
  };

  return (
    <ol className="space-y-4" data-testid="comment-list">
      {threads.map(render)}
    </ol>
  );
}
