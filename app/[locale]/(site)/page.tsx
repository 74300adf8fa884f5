import { getTranslations } from "next-intl/server";
import { ConsultationOverview } from "@/components/consultation/consultation-overview";
import { getDb } from "@/db/client";
import { getFeaturedConsultation, listPrinciples } from "@/db/queries/consultations";
import { getCurrentUser } from "@/lib/auth/session";
import { pageLocale } from "@/lib/i18n/page-locale";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const db = await getDb();
  const consultation = await getFeaturedConsultation(db);
  if (!consultation) {
    const t = await getTranslations("home");
    return <p>{t("noConsultation")}</p>;
  }
  const [principles, user] = await Promise.all([listPrinciples(db, consultation.id), getCurrentUser()]);
  return <ConsultationOverview locale={locale} consultation={consultation} principles={principles} signedIn={!!user} />;
}
