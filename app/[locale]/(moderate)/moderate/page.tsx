import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { LinkedText } from "@/components/comments/linked-text";
import { AppealDecisionForm } from "@/components/moderation/appeal-forms";
import { BlockForm } from "@/components/moderation/block-form";
import { ConsultationPicker } from "@/components/moderation/consultation-picker";
import { DecisionForm } from "@/components/moderation/decision-form";
import { OffPlatformMark } from "@/components/moderation/off-platform-mark";
import { ThresholdForm } from "@/components/moderation/threshold-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getStaffConsultation, listConsultations } from "@/db/queries/consultations";
import { listModerationQueue } from "@/db/queries/moderation-queue";
import { listModerationRules } from "@/db/queries/moderation-rules";
import { togglePreModeration } from "@/lib/actions/moderation";
import { requireStaff } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ consultation?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("moderation"))("queueTitle") };
}

/** Moderators and admins only: a visitor is sent to sign in, a participant is shown "not permitted". */
export default async function ModerationQueuePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const user = await requireStaff();
  const db = await getDb();
  const consultation = await getStaffConsultation(db, (await searchParams).consultation);
  if (!consultation) notFound();
  const [queue, rules, consultations] = await Promise.all([
    listModerationQueue(db, consultation.id),
    listModerationRules(db, consultation.id),
    listConsultations(db),
  ]);
  const t = await getTranslations("moderation");
  const tr = await getTranslations("reasons");
  const tg = await getTranslations("groups");
  const ruleOptions = rules.map((r) => ({
    id: r.id,
    label: t("ruleOption", { n: r.number, title: localised(locale, r.title, r.titleHi).text }),
  }));
  // Nobody decides on their own comment (the command refuses it too); they see why instead of a form.
  // The decisions offered are the ones the state machine allows for the comment's standing (the query says which).
  const decide = (
    c: { id: number; authorId: string | null; decisions: Parameters<typeof DecisionForm>[0]["actions"] },
    confirmsAutoHide = false,
  ) =>
    c.authorId === user.id ? (
      <p className="mt-3 font-medium">{t("ownCommentNote")}</p>
    ) : (
      <DecisionForm
        commentId={c.id}
        actions={c.decisions}
        rules={ruleOptions}
        queue={consultation.slug}
        confirmsAutoHide={confirmsAutoHide}
      />
    );
  return (
    <div>
      <PageHeading>{t("queueTitle")}</PageHeading>
      <p className="mt-2">{t("queueIntro")}</p>
      <p className="mt-2">
        <Link
          href={`/moderate/off-platform?consultation=${consultation.slug}`}
          className="inline-flex min-h-11 items-center text-blue-900 underline"
          data-testid="off-platform-link"
        >
          {t("offPlatformLink")}
        </Link>
      </p>
      <ConsultationPicker path="/moderate" current={consultation.slug} consultations={consultations} locale={locale} />

      <section aria-labelledby="premod-heading" className="mt-6 rounded border border-slate-300 p-4">
        <h2 id="premod-heading" className="text-xl font-bold">
          {t("preModerationHeading")}
        </h2>
        <p className="mt-1" data-testid="premoderation-state">
          {consultation.preModeration ? t("preModerationOn") : t("preModerationOff")}
        </p>
        <form action={togglePreModeration} className="mt-2">
          <input type="hidden" name="consultationSlug" value={consultation.slug} />
          <input type="hidden" name="on" value={consultation.preModeration ? "no" : "yes"} />
          <button
            type="submit"
            className="min-h-11 cursor-pointer rounded border-2 border-blue-800 px-4 font-semibold text-blue-900 hover:bg-blue-50"
          >
            {consultation.preModeration ? t("turnOff") : t("turnOn")}
          </button>
        </form>
      </section>

      <section aria-labelledby="threshold-heading" className="mt-4 rounded border border-slate-300 p-4">
        <h2 id="threshold-heading" className="text-xl font-bold">
          {t("thresholdHeading")}
        </h2>
        <ThresholdForm consultationSlug={consultation.slug} threshold={consultation.autoHideThreshold} />
      </section>

      {queue.items.length === 0 && queue.appeals.length === 0 ? (
        <p className="mt-6" data-testid="queue-empty">
          {t("queueEmpty")}
        </p>
      ) : null}

      <ol className="mt-6 space-y-6" data-testid="queue">
        {queue.items.map((item) => {
          const parent = queue.parents.find((p) => p.id === item.parentId);
          const itemReports = queue.reports.filter((r) => r.commentId === item.id);
          const byReports = item.standing === "hidden_by_reports";
          return (
            <li
              key={item.id}
              className="rounded border-2 border-slate-300 p-4"
              data-testid="queue-item"
              data-comment-id={item.id}
              data-standing={item.standing}
            >
              <h2 className="font-semibold">
                #{item.id} · {item.authorName} · {tg(item.stakeholderGroup)} · {formatDateTime(item.createdAt, locale)}
                {item.offPlatform ? <OffPlatformMark /> : null}
              </h2>
              <p className="text-sm">
                {t("principleLine", {
                  n: item.principlePosition,
                  title: localised(locale, item.principleTitle, item.principleTitleHi).text,
                })}
              </p>
              <p className="text-sm">
                {item.standing === "awaiting_moderation" ? (
                  t("held")
                ) : byReports ? (
                  <strong data-testid="hidden-by-reports">{t("hiddenByReports", { count: item.openReports })}</strong>
                ) : (
                  t("reported", { count: item.openReports })
                )}
                {" · "}
                <Link href={`/comments/${item.id}`} className="text-blue-900 underline">
                  {t("openComment")}
                </Link>
              </p>
              {parent?.body ? (
                <div className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-800">
                  <p className="font-semibold">{t("inReplyTo")}</p>
                  <LinkedText text={parent.body} />
                </div>
              ) : null}
              <div className="mt-2">
                <LinkedText text={item.body} />
              </div>
              {itemReports.length ? (
                <ul className="mt-2 list-disc pl-6 text-sm" data-testid="reports">
                  {itemReports.map((r, i) => (
                    <li key={i}>
                      {tr(r.reason)}
                      {r.details ? `: ${r.details}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {decide(item, byReports)}
              {item.authorId && item.authorId !== user.id ? (
                <details className="mt-2">
                  <summary className="min-h-11 cursor-pointer content-center text-blue-900 underline">
                    {item.authorBlocked ? t("unblockSubmit") : t("blockHeading", { name: item.authorName })}
                  </summary>
                  <BlockForm
                    userId={item.authorId}
                    name={item.authorName}
                    consultationId={consultation.id}
                    queue={consultation.slug}
                    blocked={item.authorBlocked}
                    rules={ruleOptions}
                    formId={`block-${item.id}`}
                  />
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>

      {queue.appeals.length ? (
        <section aria-labelledby="appeals-heading" className="mt-10">
          <h2 id="appeals-heading" className="text-2xl font-bold">
            {t("appealsHeading")}
          </h2>
          <ol className="mt-4 space-y-6">
            {queue.appeals.map((a) => (
              <li key={a.id} className="rounded border-2 border-slate-300 p-4" data-testid="appeal-item">
                <h3 className="font-semibold">{t("appealBy", { name: a.authorName, id: a.decisionId })}</h3>
                <p className="mt-1 italic">“{a.statement}”</p>
                {a.body ? (
                  <div className="mt-2 text-sm">
                    <LinkedText text={a.body} />
                  </div>
                ) : (
                  <p className="mt-2 text-sm">{t(`actions.${a.decisionAction}`)}</p>
                )}
                {a.decisionActorId === user.id || a.appellantId === user.id ? (
                  <p className="mt-2 font-medium">{t("ownDecisionNote")}</p>
                ) : (
                  <AppealDecisionForm appealId={a.id} queue={consultation.slug} />
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {queue.hidden.length ? (
        <section aria-labelledby="hidden-heading" className="mt-10">
          <h2 id="hidden-heading" className="text-2xl font-bold">
            {t("hiddenHeading")}
          </h2>
          <p className="mt-1 max-w-prose">{t("hiddenIntro")}</p>
          <ol className="mt-4 space-y-6">
            {queue.hidden.map((h) => (
              <li key={h.id} className="rounded border-2 border-slate-300 p-4" data-testid="hidden-item" data-comment-id={h.id}>
                <h3 className="font-semibold">
                  #{h.id} · {h.authorName} · {tg(h.stakeholderGroup)} · {formatDateTime(h.createdAt, locale)}
                  {h.offPlatform ? <OffPlatformMark /> : null}
                </h3>
                <p className="text-sm">
                  {t("principleLine", { n: h.principlePosition, title: localised(locale, h.principleTitle, h.principleTitleHi).text })}
                </p>
                <div className="mt-2">
                  <LinkedText text={h.body} />
                </div>
                {decide(h)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
