import type { Db } from "@/db/client";
import { insertFeedback } from "@/db/queries/feedback";
import type { Language } from "@/lib/limits";
import { feedbackReference } from "@/lib/rules/reference-number";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import type { FeedbackInput } from "@/lib/validation/feedback";
import type { Actor } from "./actor";

/** Per sender's address: a few messages at once, then one every five minutes. */
export const FEEDBACK_RATE: BucketPolicy = { capacity: 5, refillMs: 5 * 60_000 };
/**
 * Without trusted proxies the address is unknown (lib/auth/client-address.ts) and every sender shares one bucket:
 * a larger one, so that one flood slows the form down for everyone without closing it for long.
 */
export const FEEDBACK_RATE_UNKNOWN_ADDRESS: BucketPolicy = { capacity: 60, refillMs: 20_000 };

export type SubmitFeedbackResult =
  | { ok: true; reference: string; duplicate: boolean }
  | { ok: false; error: "rejected" }
  | { ok: false; error: "rateLimited"; retryAt: Date };

/**
 * Anyone may write, signed in or not: a signed-in sender's account is recorded with the message so an admin can
 * reply, and nothing else is asked of them. The reference number is given at once.
 */
export async function submitFeedback(
  db: Db,
  actor: Actor,
  p: { input: FeedbackInput; language: Language; address: string | null },
  now = new Date(),
): Promise<SubmitFeedbackResult> {
  // A filled honeypot gets a vague refusal: nothing to learn for the bot.
  if (p.input.website !== "") return { ok: false, error: "rejected" };
  const rate = p.address
    ? { key: `feedback:address:${p.address}`, policy: FEEDBACK_RATE }
    : { key: "feedback:address-unknown", policy: FEEDBACK_RATE_UNKNOWN_ADDRESS };
  const result = await insertFeedback(
    db,
    {
      name: p.input.name || null,
      email: p.input.email || null,
      userId: actor?.id ?? null,
      message: p.input.message,
      pagePath: p.input.pagePath || null,
      language: p.language,
      formToken: p.input.formToken,
    },
    rate,
    now,
  );
  if (!result.ok) return result;
  return { ok: true, reference: feedbackReference(result.id, result.createdAt), duplicate: result.duplicate };
}
