import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AppealForm } from "@/components/moderation/appeal-forms";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listNotifications } from "@/db/queries/moderation-queue";
import { listOtherNotifications } from "@/db/queries/notifications";
import { requireUser } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { grievanceReference } from "@/lib/rules/privacy";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("moderation"))("notificationsTitle") };
}

export default async function NotificationsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const user = await requireUser();
  const db = await getDb();
  const [items, others] = await Promise.all([listNotifications(db, user.id), listOtherNotifications(db, user.id)]);
  const t = await getTranslations("moderation");
  const tn = await getTranslations("notificationsList");
  const titleOf = (en: string | null, hi: string | null) => (locale === "hi" && hi ? hi : (en ?? ""));
  const textOf = (n: (typeof others)[number]): string | null => {
    switch (n.kind) {
      case "reply":
        return tn("reply");
      case "citation":
        return tn("citation", { principle: titleOf(n.principleTitle, n.principleTitleHi), version: n.summaryVersion ?? 0 });
      case "consultation_opened":
      case "consultation_closing":
        return tn(n.kind, { title: titleOf(n.consultationTitle, n.consultationTitleHi) });
      case "cosign_request":
        return tn("cosign_request", { by: n.byOrganisation ?? "", organisation: n.organisationName ?? "" });
      case "grievance":
        return n.grievanceId && n.grievanceCreatedAt
          ? tn("grievance", { reference: grievanceReference(n.grievanceId, n.grievanceCreatedAt) })
          : null;
      default:
        return null;
    }
  };
  const linkClass = "inline-flex min-h-11 items-center text-blue-900 underline";
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("notificationsTitle")}</PageHeading>
      <p className="mt-2">
        <Link href="/notifications/settings" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {tn("settingsLink")}
        </Link>
      </p>
      <section aria-labelledby="other-notifications" className="mt-6">
        <h2 id="other-notifications" className="text-2xl font-bold">
          {tn("otherHeading")}
        </h2>
        {others.length === 0 ? <p className="mt-2">{tn("otherEmpty")}</p> : null}
        <ol className="mt-4 space-y-4" data-testid="other-notifications">
          {others.map((n) => (
            <li key={n.id} className="rounded border border-slate-300 p-4" data-testid="other-notification" data-kind={n.kind}>
              <p className="font-semibold">{textOf(n)}</p>
              <p className="text-sm text-slate-700">{formatDateTime(n.createdAt, locale)}</p>
              {n.kind === "grievance" && n.grievanceResolvedAt ? <p>{tn("grievanceResolved")}</p> : null}
              {n.kind === "reply" && n.commentId ? (
                <Link href={`/comments/${n.commentId}`} className="inline-flex min-h-11 items-center text-blue-900 underline">
                  {tn("replyLink")}
                </Link>
              ) : n.kind === "citation" && n.principleConsultationSlug && n.principleSlug ? (
                <Link
                  href={`/consultations/${n.principleConsultationSlug}/principles/${n.principleSlug}/summary`}
                  className="inline-flex min-h-11 items-center text-blue-900 underline"
                >
                  {tn("citationLink")}
                </Link>
              ) : n.kind === "cosign_request" ? (
                <Link href="/cosign" className={linkClass}>
                  {tn("cosignLink")}
                </Link>
              ) : n.kind === "grievance" ? (
                <Link href="/admin/grievances" className={linkClass}>
                  {tn("grievanceLink")}
                </Link>
              ) : n.consultationSlug ? (
                <Link href={`/consultations/${n.consultationSlug}`} className="inline-flex min-h-11 items-center text-blue-900 underline">
                  {tn("consultationLink")}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
      <h2 className="mt-8 text-2xl font-bold">{tn("decisionsHeading")}</h2>
      {items.length === 0 ? <p className="mt-4">{t("notificationsEmpty")}</p> : null}
      <ol className="mt-6 space-y-4" data-testid="notifications">
        {items.map((n) => {
          const action = t(`actions.${n.action}`);
          return (
            <li
              key={n.decisionId}
              className="rounded border border-slate-300 p-4"
              data-testid="notification"
              data-action={n.action}
              data-superseded={n.superseded || undefined}
            >
              <p className="font-semibold">
                {n.commentId
                  ? t("notificationAbout", { id: n.decisionId, comment: n.commentId, action })
                  : t("notificationAccount", { id: n.decisionId, action })}
                {n.ruleNumber ? ` (${t("underRule", { n: n.ruleNumber })})` : ""}
              </p>
              <p className="text-sm text-slate-700">{formatDateTime(n.at, locale)}</p>
              {n.note ? <p className="mt-1">{t("noteFromModerator", { note: n.note })}</p> : null}
              {n.commentId ? (
                <p className="mt-1">
                  <Link href={`/comments/${n.commentId}`} className="text-blue-900 underline">
                    {t("openComment")}
                  </Link>
                </p>
              ) : null}
              {/* Whether it may still be appealed is the query's answer: not once the comment is restored or the block lifted. */}
              {n.appealable ? (
                <section aria-label={t("appealHeading")} className="mt-3">
                  <h2 className="font-semibold">{t("appealHeading")}</h2>
                  <AppealForm decisionId={n.decisionId} />
                </section>
              ) : n.appealId ? (
                <p className="mt-2 font-medium" data-testid="appeal-state">
                  {n.appealOutcome
                    ? t("appealOutcome", { outcome: n.appealOutcome === "reversed" ? t("appealReversed") : t("appealUpheld") })
                    : n.superseded
                      ? t("decisionNoLongerInForce")
                      : t("appealFiled")}
                </p>
              ) : n.superseded ? (
                <p className="mt-2" data-testid="decision-superseded">
                  {t("decisionNoLongerInForce")}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
