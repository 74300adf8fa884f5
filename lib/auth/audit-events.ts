import type { Db } from "@/db/client";
import { recordAudit, type AuditAction } from "@/db/queries/audit";
import type { SessionUser } from "@/db/queries/users";
import { clientAddress } from "./client-address";

// Refusals that are about who may do what (not about bad input) belong in the audit log.
const AUTHORISATION_ERRORS = new Set(["unauthenticated", "forbidden", "capacityInvalid", "blocked", "ownDecision", "ownCommentDecision"]);

/** Records an event for the current request: who, from which address, about what. */
export async function auditEvent(
  db: Db,
  user: Pick<SessionUser, "id" | "role"> | null,
  action: AuditAction,
  target: { type: string; id: string } | null,
  details: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  await recordAudit(db, {
    action,
    actorId: user?.id ?? null,
    actorRole: user?.role ?? null,
    address: await clientAddress(),
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    details,
  });
}

/** Logs a command's refusal when it is an authorisation denial; returns nothing the caller must handle. */
export async function auditIfDenied(
  db: Db,
  user: Pick<SessionUser, "id" | "role"> | null,
  operation: string,
  result: { ok: boolean; error?: string },
  target: { type: string; id: string } | null,
): Promise<void> {
  if (result.ok || !result.error || !AUTHORISATION_ERRORS.has(result.error)) return;
  await auditEvent(db, user, "authorisation.denied", target, { operation, reason: result.error });
}
