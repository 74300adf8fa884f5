import type { EndorsementAction } from "@/lib/limits";

/** Who an endorsement speaks for: a person, or an organisation (whoever of its representatives signed). */
export function endorsementSubject(e: { endorserId: string; organisationId: string | null }): string {
  return e.organisationId ? `organisation:${e.organisationId}` : `person:${e.endorserId}`;
}

export interface ReplayEvent {
  id: number;
  targetKey: string;
  actorId: string;
  organisationId: string | null;
  action: EndorsementAction;
}

export interface ReplayedEndorsement {
  targetKey: string;
  subject: string;
  endorsedEventId: number;
  withdrawnEventId: number | null;
}

/**
 * The endorsements the event log implies, oldest first. An endorse while active, or a withdraw while not,
 * changes nothing (the write path never records such events, but replay must not depend on that).
 */
export function replayEndorsements(events: readonly ReplayEvent[]): ReplayedEndorsement[] {
  const all: ReplayedEndorsement[] = [];
  const active = new Map<string, ReplayedEndorsement>();
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    const subject = endorsementSubject({ endorserId: e.actorId, organisationId: e.organisationId });
    const key = `${e.targetKey}|${subject}`;
    const current = active.get(key);
    if (e.action === "endorse" && !current) {
      const row = { targetKey: e.targetKey, subject, endorsedEventId: e.id, withdrawnEventId: null };
      all.push(row);
      active.set(key, row);
    } else if (e.action === "withdraw" && current) {
      current.withdrawnEventId = e.id;
      active.delete(key);
    }
  }
  return all;
}
