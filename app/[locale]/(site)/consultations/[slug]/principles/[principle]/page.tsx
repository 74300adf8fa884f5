import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PhaseNotice } from "@/components/consultation/phase-notice";
import { PrinciplePager } from "@/components/consultation/principle-pager";
import { Paragraphs } from "@/components/ui/prose";
import { getDb } from "@/db/client";
import { getConsultationBySlug, getPrinciple, listPrinciples } from "@/db/queries/consultations";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; slug: string; principle: string }> };

async function load(params: Props["params"]) {
  const { slug, principle } = await params;
  const db = await getDb();
  const consultation = await getConsultationBySlug(db, slug);
  if (!consultation || consultation.status === "draft") notFound();
  const p = await getPrinciple(db, consultation.id, principle);
  if (!p) notFound();
  return { db, consultation, principle: p };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { principle } = await load(params);
  return { title: localised(locale, principle.title, principle.titleHi).text };
}

export default async function PrinciplePage({ params }: Props) {
  const locale = await pageLocale(params);
  const { db, consultation, principle } = await load(params);
  const t = await getTranslations("principle");
  const all = await listPrinciples(db, consultation.id);
  const index = all.findIndex((p) => p.id === principle.id);
  const title = localised(locale, principle.title, principle.titleHi);
  const body = localised(locale, principle.body, principle.bodyHi);
  const consultationTitle = localised(locale, consultation.title, consultation.titleHi);
  return (
    <article>
      <p>
        <Link href={`/consultations/${consultation.slug}`} className="text-blue-900 underline underline-offset-4" lang={consultationTitle.lang}>
          {consultationTitle.text}
        </Link>
      </p>
      <p className="mt-4 font-semibold text-slate-700" data-testid="principle-position">
        {t("position", { n: principle.position, total: all.length })}
      </p>
      <h1 className="mt-1 text-3xl font-bold text-blue-950" lang={title.lang}>
        {title.text}
      </h1>
      <PhaseNotice status={consultation.status} opensAt={consultation.opensAt} closesAt={consultation.closesAt} locale={locale} />
      {body.lang ? <p className="mt-4 text-sm text-slate-700">{t("englishOnly")}</p> : null}
      <Paragraphs text={body.text} lang={body.lang} className="mt-4 text-lg" />
      <PrinciplePager
        locale={locale}
        consultationSlug={consultation.slug}
        previous={index > 0 ? all[index - 1] : undefined}
        next={index >= 0 ? all[index + 1] : undefined}
      />
    </article>
  );
}
