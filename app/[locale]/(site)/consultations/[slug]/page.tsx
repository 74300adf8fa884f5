import type { Metadata } from "next";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { withdrawEndorsementParam } from "@/lib/i18n/search-params";
import { loadConsultationPage } from "./load";
import { ConsultationOverviewPage } from "./overview";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const { consultation: c } = await loadConsultationPage((await params).slug);
  return { title: localised(locale, c.title, c.titleHi).text };
}

export default async function ConsultationPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const withdrawing = withdrawEndorsementParam(await searchParams);
  const { consultation, ownerName, updatedAt } = await loadConsultationPage((await params).slug);
  return <ConsultationOverviewPage locale={locale} consultation={{ ...consultation, ownerName, updatedAt }} withdrawing={withdrawing} />;
}
