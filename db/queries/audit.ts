import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { auditLog, users, type NewAuditEntry } from "../schema";
import type { Tx } from "./tx";

/** Event names, so the log and its filter speak one vocabulary. */
export const auditActions = [
  "sign_in.success",
  "sign_in.failure",
  "sign_in.throttled",
  "account.email_confirmed",
  "authorisation.denied",
  "export.registry",
  "export.ledger",
  "export.comments",
  "export.contributions",
  "moderation.decision",
  "moderation.appeal_decided",
  "membership.verified",
  "membership.rejected",
  "organisation.verified",
  "role.changed",
  "authority.changed",
  "consultation.settings",
  "consultation.created",
  "consultation.published",
  "consultation.closed",
  "submission.off_platform",
  "account.erased",
  "grievance.resolved",
  "campaign.split",
] as const;
export type AuditAction = (typeof auditActions)[number];

export async function recordAudit(tx: Tx, entry: Omit<NewAuditEntry, "id" | "at" | "action"> & { action: AuditAction }): Promise<void> {
  await tx.insert(auditLog).values(entry);
}

export async function listAudit(db: Db, f: { action?: AuditAction; actorEmail?: string; before?: number; limit?: number }) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorRole: auditLog.actorRole,
      actorName: users.name,
      actorEmail: users.email,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      address: auditLog.address,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.actorEmail ? sql`lower(${users.email}) = lower(${f.actorEmail})` : undefined,
        f.before ? lt(auditLog.id, f.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit ?? 100);
}
