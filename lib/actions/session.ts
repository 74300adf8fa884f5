"use server";

import { z } from "zod";
import { currentSessionClaims, refreshSession } from "@/lib/auth/session";
import { sessionEnd } from "@/lib/rules/session-policy";
import { formAction } from "./kit/form-action";

/** When the session now ends (seconds since the epoch), for the warning to re-arm itself; null once it has ended. */
export interface SessionExtension {
  endsAt: number | null;
  final: boolean;
}

/**
 * "Stay signed in" on the session-timeout warning: re-issues the session cookie with a fresh "last seen" (the
 * proxy's own refresh, lib/auth/session-cookie.ts). Refused when the session has already ended, and when the end
 * is the absolute lifetime, which nothing extends: the warning then says to save work and sign in again.
 */
export const extendSession = formAction(
  {
    name: "extendSession",
    schema: z.object({}),
    target: () => null,
    run: async ({ actor }) => {
      const nowS = Math.floor(Date.now() / 1000);
      const claims = await currentSessionClaims();
      if (!actor || !claims || claims.sub !== actor.id) return { ok: false, error: "sessionEnded", extra: { endsAt: null, final: true } };
      const end = sessionEnd(claims);
      if (end.final) return { ok: false, error: "sessionFinal", extra: end };
      return { ok: true, done: null, extra: sessionEnd(await refreshSession(claims, nowS)) };
    },
  },
  { endsAt: null, final: false } as SessionExtension,
);
