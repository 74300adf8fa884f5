/**
 * A consultation's schedule as an admin sets it: the comment period (opens → closes), an optional
 * counter-comment window after it (closes → counterCloses), and when the summary of feedback is due. Times are
 * entered and shown in India Standard Time, which has no daylight saving: always UTC+05:30. Pure functions.
 */

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-03-01T09:30" (a datetime-local input) read as India time; null when it is no such time. */
export function parseIndiaDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(utc);
  // Date.UTC rolls 31 February over into March: such a date was never a real one.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(utc - IST_OFFSET_MS);
}

/** "2026-03-01" (a date input) read as the start of that day in India; null when it is no such day. */
export function parseIndiaDate(value: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? parseIndiaDateTime(`${value.trim()}T00:00`) : null;
}

/** The value a datetime-local input shows for a moment, in India time. */
export function toIndiaDateTimeInput(date: Date): string {
  return new Date(date.getTime() + IST_OFFSET_MS).toISOString().slice(0, 16);
}

/** The value a date input shows for a moment's day, in India time. */
export function toIndiaDateInput(date: Date): string {
  return toIndiaDateTimeInput(date).slice(0, 10);
}

export interface ScheduleInput {
  opensAt: Date;
  closesAt: Date;
  counterClosesAt: Date | null;
  summaryDueAt: Date | null;
}

/** Field → catalogue key under "errors". */
export type ScheduleErrors = Partial<Record<keyof ScheduleInput, string>>;

/** The length of the comment period in days (fractions kept). */
export function commentPeriodDays(s: Pick<ScheduleInput, "opensAt" | "closesAt">): number {
  return (s.closesAt.getTime() - s.opensAt.getTime()) / DAY_MS;
}

/** What is wrong with the order of the dates, by field; empty when they are in order. */
export function scheduleErrors(s: ScheduleInput): ScheduleErrors {
  const errors: ScheduleErrors = {};
  if (s.closesAt <= s.opensAt) errors.closesAt = "closesBeforeOpens";
  if (s.counterClosesAt && s.counterClosesAt <= s.closesAt) errors.counterClosesAt = "counterBeforeClose";
  const intakeEnds = s.counterClosesAt && s.counterClosesAt > s.closesAt ? s.counterClosesAt : s.closesAt;
  if (s.summaryDueAt && s.summaryDueAt < intakeEnds) errors.summaryDueAt = "summaryBeforeClose";
  return errors;
}

/**
 * The Pre-Legislative Consultation Policy (2014) asks for at least `minDays` of public comment. A shorter
 * period is allowed only when the admin says so knowingly (an acknowledgement on the form).
 */
export function isCommentPeriodShort(s: Pick<ScheduleInput, "opensAt" | "closesAt">, minDays: number): boolean {
  return commentPeriodDays(s) < minDays;
}

/** A draft's first schedule, until the admin sets one: opens at the next midnight in India, for `days` days. */
export function placeholderSchedule(now: Date, days: number): Pick<ScheduleInput, "opensAt" | "closesAt"> {
  const today = parseIndiaDate(toIndiaDateInput(now)) ?? now;
  const opensAt = new Date(today.getTime() + DAY_MS);
  return { opensAt, closesAt: new Date(opensAt.getTime() + days * DAY_MS) };
}
