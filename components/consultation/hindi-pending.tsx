import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/**
 * "Hindi version pending / हिंदी संस्करण लंबित" with the date the Hindi texts are due, when an admin published
 * the consultation before its translation was ready. On an English page the Hindi label is added (marked lang="hi"),
 * so that a Hindi reader who lands there learns it too.
 */
export async function HindiPending({ until, locale }: { until: Date | null | undefined; locale: Locale }) {
  if (!until) return null;
  const t = await getTranslations("consultation");
  const hi = await getTranslations({ locale: "hi", namespace: "consultation" });
  return (
    <p className="mt-4 rounded border-l-4 border-slate-600 bg-slate-100 px-4 py-2" data-testid="hindi-pending">
      {t("hindiPending", { date: formatDate(until, locale) })}
      {locale === "hi" ? null : (
        <>
          {" "}
          <span lang="hi">({hi("hindiPendingLabel")})</span>
        </>
      )}
    </p>
  );
}
