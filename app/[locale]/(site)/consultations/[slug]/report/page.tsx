import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ParticipationStats } from "@/components/stats/participation-stats";
import { ConsultationReportForm } from "@/components/summaries/consultation-report-form";
import { LedgerTotalsTables } from "@/components/moderation/ledger-totals";
import { SummaryMarkdown } from "@/components/summaries/summary-markdown";
import { Paragraphs } from "@/components/ui/prose";
import { ConsultationPageHeading } from "@/components/consultation/consultation-page-heading";
import { getDb } from "@/db/client";
import { listPrinciples } from "@/db/queries/consultations";
import { ledgerTotals } from "@/db/queries/ledger";
import { listRegistry } from "@/db/queries/endorsements";
import { getConsultationReport } from "@/db/queries/consultation-reports";
import { countCommentsByGroupAndStance, countEndorsementsByGroup } from "@/db/queries/statistics";
import { getSummaryVersion } from "@/db/queries/summaries";
import { SUMMARY_SECTIONS } from "@/lib/limits";
import { getCurrentUser } from "@/lib/auth/session";
import { isStaffRole } from "@/lib/rules/roles";
import { formatDate } from "@/lib/i18n/format";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { loadConsultationPage } from "../load";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  await loadConsultationPage((await params).slug);
  return { title: (await getTranslations("report"))("title") };
}

/** The closed consultation's report: a document meant to be printed or saved as PDF (see the print styles). */
export default async function ReportPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const { consultation, updatedAt, showReport: closed } = await loadConsultationPage(slug);
  const db = await getDb();
  const [report, user] = await Promise.all([getConsultationReport(db, consultation.id), getCurrentUser()]);
  const t = await getTranslations("report");
  const ts = await getTranslations("summary");
  const tg = await getTranslations("groups");
  const tr = await getTranslations("roles");
  const treg = await getTranslations("registry");
  const tpriv = await getTranslations("privacy");
  const title = localised(locale, consultation.title, consultation.titleHi);
  const staff = isStaffRole(user?.role);
  const heading = (
    <ConsultationPageHeading
      slug={slug}
      title={title}
      locale={locale}
      page="report"
      consultation={{ ...consultation, showReport: true }}
      updatedAt={updatedAt}
    >
      {t("title")}
    </ConsultationPageHeading>
  );
  if (!report) {
    return (
      <div>
        {heading}
        <p className="mt-4" data-testid="report-not-published">
          {staff && !closed ? (await getTranslations("errors"))("notClosed") : t("notPublished")}
        </p>
        {staff && closed ? (
          <section aria-labelledby="publish-heading" className="mt-6">
            <h2 id="publish-heading" className="text-xl font-bold">
              {t("publishHeading")}
            </h2>
            <ConsultationReportForm consultationSlug={slug} />
          </section>
        ) : null}
      </div>
    );
  }
  const principles = await listPrinciples(db, consultation.id);
  const [summaries, commentStats, endorsementStats, registry, moderation] = await Promise.all([
    Promise.all(principles.map((p) => getSummaryVersion(db, p.id))),
    countCommentsByGroupAndStance(db, { consultationId: consultation.id }),
    countEndorsementsByGroup(db, { consultationId: consultation.id }),
    listRegistry(db, consultation.id, { asOf: consultation.closesAt }),
    ledgerTotals(db, consultation.id),
  ]);
  const hiddenTotal = moderation.byRule.reduce((n, r) => n + r.n, 0);
  return (
    <article className="report">
      {heading}
      <p className="mt-1 text-xl" lang={title.lang}>
        {title.text}
      </p>
      <p className="mt-1 text-sm text-slate-700" data-testid="report-published">
        {t("publishedOn", {
          date: formatDate(report.publishedAt, locale),
          role: tr(report.publishedByRole === "admin" ? "admin" : "moderator"),
        })}
      </p>
      <p className="no-print mt-2 text-sm">{t("print")}</p>
      <Paragraphs text={report.introduction} className="mt-4" />

      <section aria-labelledby="summaries-heading" className="mt-8">
        <h2 id="summaries-heading" className="text-2xl font-bold">
          {t("summariesHeading")}
        </h2>
        {principles.map((p, i) => {
          const v = summaries[i];
          return (
            <section key={p.id} aria-labelledby={`report-p-${p.position}`} className="mt-6 break-inside-avoid-page">
              <h3 id={`report-p-${p.position}`} className="text-xl font-semibold">
                {t("principleHeading", { n: p.position, title: localised(locale, p.title, p.titleHi).text })}
              </h3>
              {v ? (
                SUMMARY_SECTIONS.filter((s) => v.sections[s]?.trim()).map((s) => (
                  <div key={s} className="mt-2">
                    <h4 className="font-semibold">{ts(`sections.${s}`)}</h4>
                    <SummaryMarkdown text={v.sections[s] ?? ""} locale={locale} />
                  </div>
                ))
              ) : (
                <p className="mt-1 text-slate-700">{t("noSummary")}</p>
              )}
            </section>
          );
        })}
      </section>

      <ParticipationStats locale={locale} comments={commentStats} endorsements={endorsementStats} idPrefix="report" />

      <section aria-labelledby="registry-heading" className="mt-8">
        <h2 id="registry-heading" className="text-2xl font-bold">
          {t("registryHeading", { date: formatDate(consultation.closesAt, locale) })}
        </h2>
        <ul className="mt-2 list-disc pl-6" data-testid="report-registry">
          {registry.map((r) => (
            <li key={r.id}>
              {r.organisationName ?? (r.endorserErased ? tpriv("formerParticipantShort") : r.endorserName)} · {tg(r.stakeholderGroup)} ·{" "}
              {r.targetKey === "consultation"
                ? treg("targetCall")
                : treg("targetPrinciple", { n: r.principlePosition ?? 0, title: "" }).replace(/:\s*$/, "")}{" "}
              · {formatDate(r.endorsedAt, locale)}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="moderation-heading" className="mt-8">
        <h2 id="moderation-heading" className="text-2xl font-bold">
          {t("moderationHeading")}
        </h2>
        <p className="mt-2">{t("hiddenTotal", { count: hiddenTotal })}</p>
        <p>{t("blocks", { count: moderation.blocks })}</p>
        <LedgerTotalsTables totals={moderation} />
      </section>
    </article>
  );
}
