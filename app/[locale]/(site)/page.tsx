import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getFeaturedConsultation } from "@/db/queries/consultations";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ConsultationOverviewPage } from "./consultations/[slug]/overview";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  const consultation = await getFeaturedConsultation(await getDb());
  if (!consultation) return <p>{(await getTranslations("home"))("noConsultation")}</p>;
  return <ConsultationOverviewPage locale={locale} consultation={consultation} />;
}
