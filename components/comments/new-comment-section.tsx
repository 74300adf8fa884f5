import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ConsultationPhase } from "@/lib/rules/consultation-phase";
import { CommentForm } from "./comment-form";

interface Props {
  locale: Locale;
  phase: ConsultationPhase;
  /** Signed in, or answering a comment form whose session ended (its text must come back in the form). */
  showForm: boolean;
  signedIn: boolean;
  /** The participant has commented before: the name-or-group choice needs no prominent explanation. */
  commented: boolean;
  /** End of the counter-comment window, in which only replies are taken. */
  counterClosesAt: Date | null;
  signInHref: string;
  /** The principle page's path; the form's permalink. */
  basePath: string;
  policyHref: string;
  consultationSlug: string;
  principleSlug: string;
  stamp: string;
  organisations: { id: string; name: string }[];
}

/**
 * Above the comments: the form for a new top-level comment in the comment period; in the counter-comment window
 * a notice that only replies are accepted, until when; otherwise why nothing can be added, or how to sign in.
 */
export async function NewCommentSection(p: Props) {
  const t = await getTranslations("comments");
  const tm = await getTranslations("moderation");
  if (p.phase === "counter_comments") {
    return (
      <p className="mt-3 rounded border-l-4 border-amber-700 bg-amber-50 px-4 py-2" data-testid="replies-only-notice">
        {t("repliesOnlyNotice", { date: formatDate(p.counterClosesAt ?? new Date(), p.locale) })}
        {p.signedIn ? null : (
          <>
            {" "}
            <a href={p.signInHref} className="text-blue-900 underline">
              {t("signInPrompt")}
            </a>
          </>
        )}
      </p>
    );
  }
  if (p.phase !== "comments") {
    return (
      <p className="mt-3 rounded border-l-4 border-slate-600 bg-slate-100 px-4 py-2" data-testid="read-only-notice">
        {p.phase === "closed" ? t("closedNotice") : t("upcomingNotice")}
      </p>
    );
  }
  if (!p.showForm) {
    return (
      <p className="mt-3">
        <a href={p.signInHref} className="text-blue-900 underline">
          {t("signInPrompt")}
        </a>
      </p>
    );
  }
  const section = (
    <section aria-labelledby="comment-form-heading" className="mt-4">
      <h3 id="comment-form-heading" className="mb-2 text-xl font-semibold">
        {t("formHeading")}
      </h3>
      <p className="mb-3">
        <a href={p.policyHref} className="text-blue-900 underline">
          {tm("policyLink")}
        </a>
      </p>
      <CommentForm
        consultationSlug={p.consultationSlug}
        principleSlug={p.principleSlug}
        formToken={crypto.randomUUID()}
        stamp={p.stamp}
        organisations={p.organisations}
        idPrefix="new-comment"
        firstComment={p.signedIn && !p.commented}
        permalink={`${p.basePath}#new-comment`}
      />
    </section>
  );
  // A visitor's pages carry no form words; the answer to a form whose session ended needs them.
  return p.signedIn ? section : <ClientMessages namespaces={["comments", "stances"]}>{section}</ClientMessages>;
}
