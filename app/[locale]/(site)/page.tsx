import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getFeaturedConsultation } from "@/db/queries/consultations";
import { pageLocale } from "@/lib/i18n/page-locale";
import { withdrawEndorsementParam } from "@/lib/i18n/search-params";
import { ConsultationOverviewPage } from "./consultations/[slug]/overview";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const consultation = await getFeaturedConsultation(await getDb());
  if (!consultation) return <p>{(await getTranslations("home"))("noConsultation")}</p>;
  const withdrawing = withdrawEndorsementParam(await searchParams);
  return <ConsultationOverviewPage locale={locale} consultation={consultation} withdrawing={withdrawing} />;
}
