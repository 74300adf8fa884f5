import type { Db } from "@/db/client";
import { insertGrievance, resolveGrievance } from "@/db/queries/grievances";
import { env } from "@/lib/env";
import type { Language } from "@/lib/limits";
import { checkFormStamp } from "@/lib/rules/form-timing";
import { grievanceReference } from "@/lib/rules/privacy";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import type { GrievanceInput } from "@/lib/validation/privacy";
import { authorise, type Actor, type Denied } from "./actor";

/** Per sender's address: a few grievances at once, then one every ten minutes. */
export const GRIEVANCE_RATE: BucketPolicy = { capacity: 3, refillMs: 10 * 60_000 };
/** Without a known address every sender shares one bucket: a larger one (see FEEDBACK_RATE_UNKNOWN_ADDRESS). */
export const GRIEVANCE_RATE_UNKNOWN_ADDRESS: BucketPolicy = { capacity: 30, refillMs: 40_000 };

export type SubmitGrievanceResult =
  | { ok: true; reference: string; duplicate: boolean }
  | { ok: false; error: "rejected" | "tooFast" | "formExpired" }
  | { ok: false; error: "rateLimited"; retryAt: Date };

/**
 * Anyone may complain, signed in or not (someone who cannot sign in may be complaining about exactly that); a
 * signed-in sender's account is recorded with it. The reference number is given at once.
 */
export async function submitGrievance(
  db: Db,
  actor: Actor,
  p: { input: GrievanceInput; language: Language; address: string | null; secret: string; minFillMs?: number },
  now = new Date(),
): Promise<SubmitGrievanceResult> {
  if (p.input.website !== "") return { ok: false, error: "rejected" };
  const stamp = checkFormStamp(p.input.stamp, p.secret, now.getTime(), p.minFillMs ?? env().SAMVAD_MIN_FILL_MS);
  if (stamp === "invalid") return { ok: false, error: "formExpired" };
  if (stamp === "tooFast") return { ok: false, error: "tooFast" };
  const rate = p.address
    ? { key: `grievance:address:${p.address}`, policy: GRIEVANCE_RATE }
    : { key: "grievance:address-unknown", policy: GRIEVANCE_RATE_UNKNOWN_ADDRESS };
  const result = await insertGrievance(
    db,
    {
      name: p.input.name,
      email: p.input.email,
      userId: actor?.id ?? null,
      message: p.input.message,
      language: p.language,
      formToken: p.input.formToken,
    },
    rate,
    now,
  );
  if (!result.ok) return result;
  return { ok: true, reference: grievanceReference(result.id, result.createdAt), duplicate: result.duplicate };
}

export async function markGrievanceResolved(
  db: Db,
  actor: Actor,
  p: { grievanceId: number; resolution: string },
  now = new Date(),
): Promise<{ ok: true } | Denied | { ok: false; error: "alreadyDecided" }> {
  const allowed = authorise(actor, "admin");
  if (!allowed.ok) return allowed;
  return resolveGrievance(db, { ...p, resolvedBy: allowed.actor.id }, now);
}
