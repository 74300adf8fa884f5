import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationTabs } from "@/components/consultation-admin/consultation-tabs";
import { PublishForm } from "@/components/consultation-admin/publish-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { listSectionsForAdmin } from "@/db/queries/consultation-admin";
import { requireRole } from "@/lib/auth/guards";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { missingHindiTexts, type MissingHindi } from "@/lib/rules/consultation-publication";
import { consultationOr404 } from "../../admin-data";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("consultationAdmin"))("publishTitle") };
}

/** Admins only: what publishing needs (Hindi texts, or the translation marked pending), then the button. */
export default async function PublishConsultationPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const db = await getDb();
  const c = await consultationOr404(db, (await params).id);
  const sections = await listSectionsForAdmin(db, c.id);
  const t = await getTranslations("consultationAdmin");
  const missing = missingHindiTexts({ ...c, sections });
  const describe = (m: MissingHindi) => ("position" in m ? t(`missing.${m.text}`, { n: m.position }) : t(`missing.${m.text}`));
  return (
    <div>
      <PageHeading>{t("publishTitle")}</PageHeading>
      <p className="mt-2 text-lg">{localised(locale, c.title, c.titleHi).text}</p>
      <ConsultationTabs id={c.id} slug={c.slug} current="publish" />
      <div className="mt-6 max-w-prose">
        {c.status !== "draft" ? (
          <p data-testid="already-published">
            {c.publishedAt ? t("publishedOn", { at: formatDateTime(c.publishedAt, locale) }) : t(`statusHeading.${c.status}`)}
            {c.hindiPendingUntil ? ` ${t("pendingSince", { date: formatDate(c.hindiPendingUntil, locale) })}` : ""}
          </p>
        ) : (
          <>
            <p>{t("publishIntro")}</p>
            <p className="mt-2">
              {t("publishSchedule", { opens: formatDateTime(c.opensAt, locale), closes: formatDateTime(c.closesAt, locale) })}{" "}
              <Link href={`/admin/consultations/${c.id}/schedule`} className="text-blue-900 underline">
                {t("tabs.schedule")}
              </Link>
            </p>
            {sections.length === 0 ? <p className="mt-2 font-semibold">{t("publishNoSections")}</p> : null}
            {missing.length > 0 ? (
              <section aria-labelledby="missing-heading" className="mt-4 rounded border-2 border-amber-700 bg-amber-50 p-4">
                <h2 id="missing-heading" className="font-bold">
                  {t("missingHeading", { count: missing.length })}
                </h2>
                <ul className="mt-2 list-disc pl-6" data-testid="missing-hindi">
                  {missing.map((m) => (
                    <li key={"position" in m ? `${m.text}-${m.position}` : m.text}>{describe(m)}</li>
                  ))}
                </ul>
                <p className="mt-2">
                  <Link href={`/admin/consultations/${c.id}`} className="text-blue-900 underline">
                    {t("addHindi")}
                  </Link>
                </p>
              </section>
            ) : (
              <p className="mt-4" data-testid="hindi-complete">
                {t("hindiComplete")}
              </p>
            )}
            <PublishForm consultationId={c.id} hindiMissing={missing.length > 0} />
          </>
        )}
      </div>
    </div>
  );
}
