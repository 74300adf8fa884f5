import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationForm } from "@/components/consultation-admin/consultation-form";
import { ConsultationTabs } from "@/components/consultation-admin/consultation-tabs";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/i18n/format";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { consultationPhase } from "@/lib/rules/consultation-phase";
import { consultationOr404, formValuesOf, organisationGroups } from "../admin-data";

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("consultationAdmin"))("editTitle") };
}

/** Admins only: a consultation's texts and sections; a closed one is shown, not edited. */
export default async function EditConsultationPage({ params }: Props) {
  const locale = await pageLocale(params);
  await requireRole("admin");
  const db = await getDb();
  const c = await consultationOr404(db, (await params).id);
  const t = await getTranslations("consultationAdmin");
  const tg = await getTranslations("groups");
  const [{ values, sectionComments }, organisations] = await Promise.all([formValuesOf(db, c), organisationGroups(db, (g) => tg(g))]);
  return (
    <div>
      <PageHeading>{localised(locale, c.title, c.titleHi).text}</PageHeading>
      <p className="mt-2" data-testid="consultation-state">
        {t(`phases.${consultationPhase(c, new Date())}`)} · {t("updatedLine", { at: formatDateTime(c.updatedAt, locale) })}
      </p>
      <ConsultationTabs id={c.id} slug={c.slug} current="texts" />
      <div className="mt-6">
        {c.status === "closed" ? (
          <p className="max-w-prose">{t("closedNoEdits")}</p>
        ) : (
          <ConsultationForm
            consultationId={c.id}
            published={c.status !== "draft"}
            initial={values}
            organisations={organisations}
            sectionComments={sectionComments}
          />
        )}
      </div>
    </div>
  );
}
