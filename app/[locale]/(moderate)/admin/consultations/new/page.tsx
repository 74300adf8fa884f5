import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConsultationForm } from "@/components/consultation-admin/consultation-form";
import { PageHeading } from "@/components/ui/page-heading";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/guards";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale } from "@/lib/i18n/page-locale";
import { sectionFieldName } from "@/lib/validation/consultations";
import { organisationGroups } from "../admin-data";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("consultationAdmin"))("newTitle") };
}

/** Admins only: a new draft consultation, its texts and sections (typed, or pasted and split for review). */
export default async function NewConsultationPage({ params }: Props) {
  await pageLocale(params);
  await requireRole("admin");
  const db = await getDb();
  const t = await getTranslations("consultationAdmin");
  const tg = await getTranslations("groups");
  const organisations = await organisationGroups(db, (g) => tg(g));
  return (
    <div>
      <PageHeading>{t("newTitle")}</PageHeading>
      <p className="mt-2">
        <Link href="/admin/consultations" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t("allConsultations")}
        </Link>
      </p>
      <p className="mb-6 max-w-prose">{t("newIntro")}</p>
      <ConsultationForm
        consultationId={null}
        published={false}
        initial={{ hindi: "yes", [sectionFieldName(0, "key")]: "1" }}
        organisations={organisations}
        sectionComments={{}}
      />
    </div>
  );
}
