import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ConsultationPicker } from "@/components/moderation/consultation-picker";
import { SummaryEditor } from "@/components/summaries/summary-editor";
import { Notice } from "@/components/ui/field";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { getStaffConsultation, listConsultations, listPrinciples } from "@/db/queries/consultations";
import { getSummaryDraft, listSummaryVersions } from "@/db/queries/summaries";
import { requireStaff } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { positiveInt } from "@/lib/i18n/search-params";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ consultation?: string; principle?: string; published?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("summary"))("editorTitle") };
}

/** Moderators and admins draft and publish each principle's summary; drafts are seen by nobody else. */
export default async function SummaryEditorPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  await requireStaff();
  const db = await getDb();
  const { consultation: consultationSlug, principle: slug, published } = await searchParams;
  const consultation = await getStaffConsultation(db, consultationSlug);
  if (!consultation) notFound();
  const [principles, consultations] = await Promise.all([listPrinciples(db, consultation.id), listConsultations(db)]);
  const t = await getTranslations("summary");
  const current = principles.find((p) => p.slug === slug);
  if (!current) {
    const versions = await Promise.all(principles.map((p) => listSummaryVersions(db, p.id)));
    const publishedVersion = positiveInt(published);
    return (
      <div>
        <PageHeading>{t("editorTitle")}</PageHeading>
        {publishedVersion ? (
          <Notice tone="success" testId="summary-published">
            {t("publishedNotice", { v: publishedVersion })}
          </Notice>
        ) : null}
        <p className="mt-2 max-w-prose">{t("editorIntro")}</p>
        <ConsultationPicker path="/moderate/summaries" current={consultation.slug} consultations={consultations} locale={locale} />
        <ol className="mt-6 space-y-2">
          {principles.map((p, i) => (
            <li key={p.id}>
              <Link
                href={`/moderate/summaries?consultation=${consultation.slug}&principle=${p.slug}`}
                className="inline-flex min-h-11 items-center text-blue-900 underline"
              >
                {t("edit", { n: p.position })}: {localised(locale, p.title, p.titleHi).text}
              </Link>
              <span className="ml-2 text-sm text-slate-700">
                {versions[i]?.[0] ? t("published", { v: versions[i][0].version }) : t("draftOnly")}
              </span>
            </li>
          ))}
        </ol>
      </div>
    );
  }
  const draft = await getSummaryDraft(db, current.id);
  return (
    <div>
      <PageHeading>{t("editorFor", { n: current.position, title: localised(locale, current.title, current.titleHi).text })}</PageHeading>
      <p className="mt-2 max-w-prose">{t("editorIntro")}</p>
      <p className="mt-2">
        <Link href={`/consultations/${consultation.slug}/principles/${current.slug}#comments`} className="text-blue-900 underline">
          {t("sections.overview")}: {localised(locale, current.title, current.titleHi).text}
        </Link>
      </p>
      <div className="mt-6">
        <SummaryEditor principleId={current.id} draft={draft?.sections ?? {}} />
      </div>
    </div>
  );
}
