import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { bumpSessionVersion } from "@/db/queries/users";
import { signInSchema } from "@/lib/validation/account";
import { SESSION_ABSOLUTE_LIFETIME_S } from "@/lib/rules/session-policy";
import { authenticate } from "./authenticate";
import { trustedClientAddress } from "./client-address";
import { authSecret } from "@/lib/env";
import { useSecureCookies } from "./config";
import { claimsOf } from "./token";
import { userForClaims } from "./session-check";

/**
 * next-auth reads and refreshes sessions (/api/auth/session) and offers the credentials callback for API
 * clients. Our own pages sign in through a server action (lib/actions/account.ts) that writes the same cookie,
 * because that form works without JavaScript and keeps what was typed. Both paths share `authenticate`, so the
 * throttle applies to both.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    useSecureCookies: useSecureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIFETIME_S },
    pages: { signIn: "/signin", error: "/signin" },
    // One line per event: a refused stale session is expected, not a server fault worth a stack trace.
    logger: {
      error: (code) => console.warn(`next-auth: ${code}`),
      warn: (code) => console.warn(`next-auth: ${code}`),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        name: "email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const forwarded = req.headers?.["x-forwarded-for"];
          const address = trustedClientAddress(typeof forwarded === "string" ? forwarded : null);
          const result = await authenticate(await getDb(), { ...parsed.data, address });
          if (!result.ok) return null;
          return { id: result.user.id, name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
        },
      }),
    ],
    // next-auth's own sign-out route must revoke like ours does: copies of the token stop working.
    events: {
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (claims) await bumpSessionVersion(await getDb(), claims.sub);
      },
    },
    callbacks: {
      async jwt({ token, user }) {
        const nowS = Math.floor(Date.now() / 1000);
        if (user) {
          const sv = (user as { sv?: unknown }).sv;
          return { sub: user.id, sv: typeof sv === "number" ? sv : 0, authAt: nowS, seenAt: nowS };
        }
        // Throwing makes next-auth clear the cookie and answer with no session.
        const current = await userForClaims(await getDb(), claimsOf(token), nowS);
        if (!current) throw new Error("session no longer valid");
        return { sub: current.id, sv: current.sessionVersion, authAt: token.authAt, seenAt: nowS, name: current.name };
      },
      // The jwt callback above has already checked the token against the database.
      session({ session, token }) {
        return { expires: session.expires, user: { name: token.name ?? null } };
      },
    },
  };
}
