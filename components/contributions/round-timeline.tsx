import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { ConsultationStatus } from "@/lib/limits";
import { consultationPhase, type ConsultationPhase } from "@/lib/rules/consultation-phase";

export interface RoundView {
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  counterClosesAt: Date | null;
  closedAt: Date | null;
  summaryDueAt: Date | null;
}

/**
 * A round's timeline beside a participant's comments: the comment period, the counter-comment window when there
 * is one, when it closes, and when the summary is expected ("after the round closes" when no date is set). The
 * current phase is marked in words, not by colour alone.
 */
export async function RoundTimeline({ round, locale, labelledBy }: { round: RoundView; locale: Locale; labelledBy: string }) {
  const t = await getTranslations("contributions");
  const date = (d: Date) => formatDate(d, locale);
  // A window closes at an instant: with its time, "until 1 May" cannot be read as "through 1 May".
  const instant = (d: Date) => formatDateTime(d, locale);
  const now = consultationPhase(round, new Date());
  const scheduledEnd = round.counterClosesAt ?? round.closesAt;
  const closedFrom = round.closedAt && round.closedAt < scheduledEnd ? round.closedAt : scheduledEnd;
  const steps: { phase: ConsultationPhase; text: string }[] = [
    { phase: "comments", text: t("commentPeriod", { from: instant(round.opensAt), to: instant(round.closesAt) }) },
    ...(round.counterClosesAt
      ? [{ phase: "counter_comments" as const, text: t("counterWindow", { date: instant(round.counterClosesAt) }) }]
      : []),
    { phase: "closed", text: t("closes", { date: instant(closedFrom) }) },
  ];
  return (
    <ul aria-labelledby={labelledBy} className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="round-timeline">
      {steps.map((s) => (
        <li key={s.phase} aria-current={s.phase === now ? "step" : undefined} className={s.phase === now ? "font-semibold" : undefined}>
          {s.text}
          {s.phase === now ? ` (${t("currentPhase")})` : null}
        </li>
      ))}
      <li data-testid="summary-due">{round.summaryDueAt ? t("summaryDue", { date: date(round.summaryDueAt) }) : t("summaryAfterClose")}</li>
    </ul>
  );
}
