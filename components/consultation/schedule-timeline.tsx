import { getTranslations } from "next-intl/server";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { consultationPhase, type ConsultationPhase } from "@/lib/rules/consultation-phase";
import { closedOn } from "./phase-notice";
import type { ScheduleView } from "./view-types";

/**
 * The consultation's schedule as its phases, in order, with their dates: comments, the counter-comment window
 * when there is one, closed; the current phase marked in words and with aria-current, then when the summary is due.
 */
export async function ScheduleTimeline({ schedule, locale }: { schedule: ScheduleView; locale: Locale }) {
  const t = await getTranslations("phases");
  const now = consultationPhase(schedule, new Date());
  const date = (d: Date) => formatDate(d, locale);
  // A window opens and closes at an instant: with its time, "until 1 May" cannot be read as "through 1 May".
  const instant = (d: Date) => formatDateTime(d, locale);
  const steps: { phase: Exclude<ConsultationPhase, "upcoming">; name: string; when: string; note: string }[] = [
    {
      phase: "comments",
      name: t("commentsName"),
      when: t("range", { from: instant(schedule.opensAt), to: instant(schedule.closesAt) }),
      note: t("commentsNote"),
    },
    ...(schedule.counterClosesAt
      ? [
          {
            phase: "counter_comments" as const,
            name: t("counterName"),
            when: t("range", { from: instant(schedule.closesAt), to: instant(schedule.counterClosesAt) }),
            note: t("counterNote"),
          },
        ]
      : []),
    { phase: "closed", name: t("closedName"), when: t("closedFrom", { date: instant(closedOn(schedule)) }), note: t("closedNote") },
  ];
  return (
    <section aria-labelledby="schedule-heading" className="mt-8" data-testid="schedule">
      <h2 id="schedule-heading" className="text-2xl font-bold">
        {t("scheduleHeading")}
      </h2>
      <ol className="mt-3 grid gap-3 sm:grid-cols-3">
        {steps.map((s) => {
          const current = s.phase === now;
          return (
            <li
              key={s.phase}
              aria-current={current ? "step" : undefined}
              data-phase={s.phase}
              className={`rounded border-2 p-3 ${current ? "border-blue-800 bg-blue-50" : "border-slate-300"}`}
            >
              <p className="font-semibold">{s.name}</p>
              <p>{s.when}</p>
              <p className="text-sm text-slate-700">{s.note}</p>
              {current ? <p className="mt-1 text-sm font-semibold text-blue-900">{t("current")}</p> : null}
            </li>
          );
        })}
      </ol>
      {schedule.summaryDueAt ? (
        <p className="mt-3" data-testid="summary-due">
          {t("summaryDue", { date: date(schedule.summaryDueAt) })}
        </p>
      ) : null}
    </section>
  );
}
