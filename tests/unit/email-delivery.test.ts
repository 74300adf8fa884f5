import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/email/unsubscribe";
import { nextAttempt, preferenceOf } from "@/lib/rules/email-delivery";

describe("email retries", () => {
  const now = new Date("2026-05-01T10:00:00Z");
  it("waits twice as long after each failed attempt, then gives up", () => {
    expect(nextAttempt(1, now, 4, 60_000)?.toISOString()).toBe("2026-05-01T10:01:00.000Z");
    expect(nextAttempt(2, now, 4, 60_000)?.toISOString()).toBe("2026-05-01T10:02:00.000Z");
    expect(nextAttempt(3, now, 4, 60_000)?.toISOString()).toBe("2026-05-01T10:04:00.000Z");
    expect(nextAttempt(4, now, 4, 60_000)).toBeNull();
  });
  it("both consultation announcements share one preference", () => {
    expect(preferenceOf("consultation_opened")).toBe("consultation");
    expect(preferenceOf("consultation_closing")).toBe("consultation");
    expect(preferenceOf("reply")).toBe("reply");
  });
  it("co-signing requests have a preference of their own; grievances are told in the app only", () => {
    expect(preferenceOf("cosign_request")).toBe("cosign");
    expect(preferenceOf("grievance")).toBeNull();
  });
});

describe("unsubscribe tokens", () => {
  const user = "0b8f3c4e-1d2a-4b5c-8d9e-0f1a2b3c4d5e";
  it("name the account and kind they were made for, and nothing else", () => {
    expect(readUnsubscribeToken(unsubscribeToken(user, "citation"))).toEqual({ userId: user, kind: "citation" });
    const [, , mac] = unsubscribeToken(user, "citation").split(".");
    // The same signature does not switch off another kind, or the same kind of another account.
    expect(readUnsubscribeToken(`${user}.reply.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(`1b8f3c4e-1d2a-4b5c-8d9e-0f1a2b3c4d5e.citation.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(`${user}.everything.${mac}`)).toBeNull();
    expect(readUnsubscribeToken("")).toBeNull();
    expect(readUnsubscribeToken(null)).toBeNull();
  });
});
