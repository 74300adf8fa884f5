import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getConsultationBySlug } from "@/db/queries/consultations";
import { localised, pageLocale } from "@/lib/i18n/page-locale";
import { withdrawEndorsementParam } from "@/lib/i18n/search-params";
import { ConsultationOverviewPage } from "./overview";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(params: Props["params"]) {
  const { slug } = await params;
  const consultation = await getConsultationBySlug(await getDb(), slug);
  if (!consultation || consultation.status === "draft") notFound();
  return consultation;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const c = await load(params);
  return { title: localised(locale, c.title, c.titleHi).text };
}

export default async function ConsultationPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  const withdrawing = withdrawEndorsementParam(await searchParams);
  return <ConsultationOverviewPage locale={locale} consultation={await load(params)} withdrawing={withdrawing} />;
}
