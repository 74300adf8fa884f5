"use server";

import { auditEvent } from "@/lib/auth/audit-events";
import { clientAddress } from "@/lib/auth/client-address";
import { endSession } from "@/lib/auth/session";
import { eraseOwnAccount } from "@/lib/commands/erasure";
import { markGrievanceResolved, submitGrievance } from "@/lib/commands/grievances";
import { authSecret } from "@/lib/env";
import type { Language } from "@/lib/limits";
import { signFormStamp } from "@/lib/rules/form-timing";
import { erasureSchema, grievanceResolutionSchema, grievanceSchema } from "@/lib/validation/privacy";
import type { FormState } from "./form-state";
import { formAction } from "./kit/form-action";

/** Erasing one's own account: the cookie goes with it, and the home page says it was done. */
export const eraseMyAccount = formAction({
  name: "eraseMyAccount",
  schema: erasureSchema,
  target: () => null,
  errorField: { wrongPassword: "currentPassword", rateLimited: "currentPassword", notFound: "form" },
  errorKey: { wrongPassword: "currentPasswordWrong" },
  run: async ({ db, actor, input }) => {
    const result = await eraseOwnAccount(db, actor, { input, address: await clientAddress() });
    if (!result.ok) return result;
    await endSession();
    return { ok: true, done: "accountErased", goTo: { path: "/" } };
  },
});

/** A form sent back with errors gets a fresh stamp, as the comment form does. */
function freshStamp(state: FormState): FormState {
  return { ...state, values: { ...state.values, stamp: signFormStamp(Date.now(), authSecret()) } };
}

export type GrievanceExtra = { reference: string | null };

/** The grievance form: like the feedback form, it stays on its page with the reference number. */
export const sendGrievance = formAction(
  {
    name: "sendGrievance",
    schema: grievanceSchema,
    target: () => null,
    errorField: { rejected: "message", tooFast: "message" },
    errorKey: { rateLimited: "rateLimitedFeedback", rejected: "feedbackRejected" },
    refill: freshStamp,
    run: async ({ db, actor, input, locale }) => {
      const language: Language = locale === "hi" ? "hi" : "en";
      const result = await submitGrievance(db, actor, { input, language, address: await clientAddress(), secret: authSecret() });
      if (!result.ok) return result;
      return {
        ok: true,
        done: result.duplicate ? "grievanceAlreadyReceived" : "grievanceReceived",
        values: { formToken: crypto.randomUUID(), stamp: signFormStamp(Date.now(), authSecret()) },
        extra: { reference: result.reference },
      };
    },
  },
  { reference: null } as GrievanceExtra,
);

export const resolveGrievance = formAction({
  name: "resolveGrievance",
  schema: grievanceResolutionSchema,
  target: (input) => ({ type: "grievance", id: String(input.grievanceId) }),
  run: async ({ db, actor, input }) => {
    const result = await markGrievanceResolved(db, actor, input);
    if (!result.ok) return result;
    await auditEvent(db, actor, "grievance.resolved", { type: "grievance", id: String(input.grievanceId) });
    return { ok: true, done: "grievanceResolved", goTo: { path: "/admin/grievances" } };
  },
});
