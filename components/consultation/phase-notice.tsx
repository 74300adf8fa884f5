import { getTranslations } from "next-intl/server";
import type { ConsultationStatus } from "@/lib/limits";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { consultationPhase } from "@/lib/rules/consultation-phase";

/**
 * Whether the consultation takes contributions now, with its dates. `counterClosesAt` (optional, so that a caller
 * without it still works) is the end of the counter-comment window, in which only replies are accepted.
 */
export async function PhaseNotice(props: {
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  counterClosesAt?: Date | null;
  closedAt?: Date | null;
  locale: Locale;
}) {
  const t = await getTranslations("phases");
  const phase = consultationPhase(props, new Date());
  // A window opens and closes at an instant: with its time, "until 1 May" cannot be read as "through 1 May".
  const date = (d: Date) => formatDateTime(d, props.locale);
  const opens = date(props.opensAt);
  const closes = date(props.closesAt);
  const counterCloses = props.counterClosesAt ? date(props.counterClosesAt) : null;
  const text =
    phase === "upcoming"
      ? t("upcoming", { opens })
      : phase === "comments"
        ? counterCloses
          ? t("commentsThenCounter", { opens, closes, counterCloses })
          : t("comments", { opens, closes })
        : phase === "counter_comments"
          ? t("counterComments", { closes, counterCloses: counterCloses ?? closes })
          : t("closed", { closes: date(closedOn(props)) });
  const colours =
    phase === "comments"
      ? "border-green-700 bg-green-50 text-green-900"
      : phase === "counter_comments"
        ? "border-amber-700 bg-amber-50 text-amber-950"
        : "border-slate-600 bg-slate-100 text-slate-900";
  return (
    <p className={`mt-4 inline-block rounded border-l-4 px-4 py-2 font-medium ${colours}`} data-testid="phase-notice" data-phase={phase}>
      {text}
    </p>
  );
}

/** When intake ended: at the end of the schedule, or earlier when an admin closed the round before it. */
export function closedOn(c: { opensAt: Date; closesAt: Date; counterClosesAt?: Date | null; closedAt?: Date | null }): Date {
  const scheduled = c.counterClosesAt ?? c.closesAt;
  return c.closedAt && c.closedAt < scheduled ? c.closedAt : scheduled;
}
