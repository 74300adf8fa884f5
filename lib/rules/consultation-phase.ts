import type { ConsultationStatus } from "@/lib/limits";

/**
 * Where a consultation is in its schedule. "comments": anyone may comment; "counter_comments": only replies to
 * existing comments are accepted (TRAI's counter-comment window); "closed": nothing more is taken.
 */
export type ConsultationPhase = "upcoming" | "comments" | "counter_comments" | "closed";

export interface Schedule {
  status: ConsultationStatus;
  opensAt: Date;
  closesAt: Date;
  counterClosesAt?: Date | null;
}

/** When the last window closes: the counter-comment window's end, or the comment period's. */
export function intakeEndsAt(c: Schedule): Date {
  return c.counterClosesAt ?? c.closesAt;
}

export function consultationPhase(c: Schedule, now: Date): ConsultationPhase {
  if (c.status === "closed" || now >= intakeEndsAt(c)) return "closed";
  if (c.status === "draft" || now < c.opensAt) return "upcoming";
  return now < c.closesAt ? "comments" : "counter_comments";
}

/** What a participant may add in a phase: a new top-level comment only in the comment period; a reply in either window. */
export function mayComment(phase: ConsultationPhase, kind: "comment" | "reply"): boolean {
  return phase === "comments" || (phase === "counter_comments" && kind === "reply");
}

/** Endorsing takes a stand on the text itself, so it belongs to the comment period. */
export function mayEndorse(phase: ConsultationPhase): boolean {
  return phase === "comments";
}

/** An edit follows the same rule as writing it anew: in the counter-comment window only replies change. */
export function mayEdit(phase: ConsultationPhase, kind: "comment" | "reply"): boolean {
  return mayComment(phase, kind);
}

/** Withdrawing one's own words stays possible until the round closes. */
export function mayWithdraw(phase: ConsultationPhase): boolean {
  return phase === "comments" || phase === "counter_comments";
}
