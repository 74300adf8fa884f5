import type { Metadata } from "next";
import { ConsultationPageHeading } from "@/components/consultation/consultation-page-heading";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listModerationRules } from "@/db/queries/moderation-rules";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { loadConsultationPage } from "../load";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  await loadConsultationPage((await params).slug);
  return { title: (await getTranslations("moderation"))("policyTitle") };
}

export default async function ModerationPolicyPage({ params }: Props) {
  const locale = await pageLocale(params);
  const { slug } = await params;
  const { consultation, updatedAt, showReport } = await loadConsultationPage(slug);
  const db = await getDb();
  const rules = await listModerationRules(db, consultation.id);
  const t = await getTranslations("moderation");
  const title = localised(locale, consultation.title, consultation.titleHi);
  return (
    <article className="max-w-prose">
      <ConsultationPageHeading
        slug={slug}
        title={title}
        locale={locale}
        page="policy"
        consultation={{ ...consultation, showReport }}
        updatedAt={updatedAt}
      >
        {t("policyTitle")}
      </ConsultationPageHeading>
      <p className="mt-3">{t("policyIntro")}</p>
      <p className="mt-2">{t("autoHideNote", { count: consultation.autoHideThreshold })}</p>
      <ol className="mt-6 space-y-5" data-testid="rules">
        {rules.map((r) => {
          const rt = localised(locale, r.title, r.titleHi);
          const rb = localised(locale, r.body, r.bodyHi);
          return (
            <li key={r.id} id={`rule-${r.number}`}>
              <h2 className="text-xl font-bold">
                {t("ruleNumber", { n: r.number })}: <span lang={rt.lang}>{rt.text}</span>
              </h2>
              <p className="mt-1" lang={rb.lang}>
                {rb.text}
              </p>
            </li>
          );
        })}
      </ol>
    </article>
  );
}
