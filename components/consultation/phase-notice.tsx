import { getTranslations } from "next-intl/server";
import type { ConsultationStatus } from "@/lib/limits";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { consultationPhase } from "@/lib/rules/consultation-phase";

/** Whether the consultation takes contributions now, with its dates. */
export async function PhaseNotice(props: { status: ConsultationStatus; opensAt: Date; closesAt: Date; locale: Locale }) {
  const t = await getTranslations("home");
  const phase = consultationPhase(props, new Date());
  const opens = formatDate(props.opensAt, props.locale);
  const closes = formatDate(props.closesAt, props.locale);
  const text =
    phase === "comments" ? t("openNow", { opens, closes }) : phase === "upcoming" ? t("notYetOpen", { opens }) : t("closed", { closes });
  const colours = phase === "comments" ? "border-green-700 bg-green-50 text-green-900" : "border-slate-600 bg-slate-100 text-slate-900";
  return (
    <p className={`mt-4 inline-block rounded border-l-4 px-4 py-2 font-medium ${colours}`} data-testid="phase-notice" data-phase={phase}>
      {text}
    </p>
  );
}
