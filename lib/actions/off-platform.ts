"use server";

import { enterOffPlatformSubmission } from "@/lib/commands/off-platform";
import { clientAddress } from "@/lib/auth/client-address";
import { offPlatformSchema } from "@/lib/validation/off-platform";
import type { FormState } from "./form-state";
import { formAction } from "./kit/form-action";

/** A token another moderator's submission already used: the form gets a new one, with everything typed kept. */
function renewToken(state: FormState): FormState {
  return Object.values(state.errors).includes("formExpired")
    ? { ...state, values: { ...state.values, formToken: crypto.randomUUID() } }
    : state;
}

/**
 * A moderator enters a submission received by post, email or at a meeting. Success lands on the entry page
 * again with the new submission's reference number; a second send of the same form lands there too, entering
 * nothing more.
 */
export const submitOffPlatform = formAction({
  name: "submitOffPlatform",
  schema: offPlatformSchema,
  target: (i) => ({ type: "consultation", id: i.consultationSlug }),
  errorField: { receivedInFuture: "receivedOn", receivedOutsideIntake: "receivedOn", sectionInvalid: "principleId" },
  refill: renewToken,
  run: async ({ db, actor, input }) => {
    const result = await enterOffPlatformSubmission(db, actor, { input, address: await clientAddress() });
    if (!result.ok) return result;
    return {
      ok: true,
      done: result.duplicate ? "offPlatformAlreadyEntered" : "offPlatformEntered",
      goTo: { path: `/moderate/off-platform?consultation=${input.consultationSlug}&entered=${result.id}` },
    };
  },
});
