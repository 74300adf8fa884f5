import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDate } from "@/lib/i18n/format";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

const UPDATED = new Date("2026-11-23T00:00:00+05:30");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await pageLocale(params);
  return { title: (await getTranslations("accessibility"))("title") };
}

export default async function AccessibilityPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations("accessibility");
  return (
    <article className="max-w-prose">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mt-4 text-lg">{t("intro")}</p>
      <h2 className="mt-6 text-xl font-bold">{t("standardHeading")}</h2>
      <p className="mt-2">{t("standard")}</p>
      <h2 className="mt-6 text-xl font-bold">{t("featuresHeading")}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {(["feature1", "feature2", "feature3", "feature4", "feature5"] as const).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      <h2 className="mt-6 text-xl font-bold">{t("limitsHeading")}</h2>
      <p className="mt-2">{t("limits")}</p>
      <h2 className="mt-6 text-xl font-bold">{t("contactHeading")}</h2>
      <p className="mt-2">{t("contact")}</p>
      <p className="mt-6 text-sm text-slate-700">{t("updated", { date: formatDate(UPDATED, locale) })}</p>
    </article>
  );
}
