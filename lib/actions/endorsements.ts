"use server";

import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { endorsementPlaceSchema, withdrawEndorsementSchema } from "@/lib/validation/comments";
import { buttonAction, formAction } from "./kit/form-action";

/** Back to the endorsement panel of the page the form was on. */
const panel = (returnTo: string | undefined) => ({ returnTo: `${returnTo ?? ""}#endorse`, fallback: "" });

export const recordEndorsement = formAction({
  name: "recordEndorsement",
  schema: endorsementPlaceSchema,
  target: (i) => ({ type: "consultation", id: i.consultationSlug }),
  errorField: { capacityInvalid: "capacity" },
  errorKey: { rateLimited: "rateLimitedEndorsement" },
  run: async ({ db, actor, input }) => {
    const { consultationSlug, returnTo, ...endorsement } = input;
    const result = await endorse(db, actor, { consultationSlug, input: endorsement });
    return result.ok
      ? { ok: true, done: result.alreadyActive ? "endorsementAlreadyActive" : "endorsementRecorded", goTo: panel(returnTo) }
      : result;
  },
});

/** The confirmed withdrawal (the button on the "withdraw this endorsement?" step). */
export const withdrawEndorsementAction = buttonAction({
  name: "withdrawEndorsementAction",
  schema: withdrawEndorsementSchema,
  target: (i) => ({ type: "endorsement", id: String(i.endorsementId) }),
  back: (raw) => panel(raw.returnTo),
  run: async ({ db, actor, input }) => {
    const result = await withdrawEndorsement(db, actor, { endorsementId: input.endorsementId });
    return result.ok ? { ok: true, done: "endorsementWithdrawn" } : result;
  },
});
