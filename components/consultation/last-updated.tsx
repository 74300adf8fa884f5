import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/**
 * "Last updated" with its date (GIGW asks for it on every content page). The date is the content's real last
 * change, worked out by the page's query (db/queries/consultations: getConsultationFacts, listPublicConsultations);
 * nothing is shown when it is unknown.
 */
export async function LastUpdated({
  date,
  locale,
  className = "mt-8",
}: {
  date: Date | null | undefined;
  locale: Locale;
  className?: string;
}) {
  if (!date) return null;
  const t = await getTranslations("consultation");
  return (
    <p className={`text-sm text-slate-700 ${className}`} data-testid="last-updated" data-date={date.toISOString()}>
      {t("lastUpdated", { date: formatDate(date, locale) })}
    </p>
  );
}
