"use server";

import type { Language } from "@/lib/limits";
import { clientAddress } from "@/lib/auth/client-address";
import { submitFeedback } from "@/lib/commands/feedback";
import { feedbackSchema } from "@/lib/validation/feedback";
import { formAction } from "./kit/form-action";

export type FeedbackExtra = { reference: string | null };

/**
 * The feedback form. It stays on its page: the acknowledgement with the reference number replaces the typed
 * message, and the form gets a fresh token so that a second, different message is not taken for a repeat.
 */
export const sendFeedback = formAction(
  {
    name: "sendFeedback",
    schema: feedbackSchema,
    target: () => null,
    errorField: { rejected: "message" },
    errorKey: { rateLimited: "rateLimitedFeedback", rejected: "feedbackRejected" },
    run: async ({ db, actor, input, locale }) => {
      const language: Language = locale === "hi" ? "hi" : "en";
      const result = await submitFeedback(db, actor, { input, language, address: await clientAddress() });
      if (!result.ok) return result;
      return {
        ok: true,
        done: result.duplicate ? "feedbackAlreadyReceived" : "feedbackReceived",
        values: { formToken: crypto.randomUUID(), pagePath: input.pagePath },
        extra: { reference: result.reference },
      };
    },
  },
  { reference: null } as FeedbackExtra,
);
