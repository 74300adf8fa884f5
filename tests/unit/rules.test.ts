import { describe, expect, it } from "vitest";
import { signableOrganisationIds, type MembershipStanding } from "@/lib/rules/capacity";
import { consultationPhase } from "@/lib/rules/consultation-phase";
import { isCommonPassword } from "@/lib/rules/passwords";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";
import {
  SESSION_ABSOLUTE_LIFETIME_S,
  SESSION_IDLE_TIMEOUT_S,
  SESSION_REFRESH_AFTER_S,
  sessionCookieMaxAge,
  sessionNeedsRefresh,
  sessionTimeState,
} from "@/lib/rules/session-policy";
import { signInRetryAt, SIGN_IN_WINDOW_MS } from "@/lib/rules/sign-in-limits";

describe("common passwords", () => {
  it.each([
    "password1234",
    "Password1234!",
    "qwertyuiop12",
    "111111111111",
    "123456789012",
    "iloveyou2026",
    "monkeymonkey",
    "  samvad2026  ",
  ])("refuses %s", (p) => expect(isCommonPassword(p)).toBe(true));
  it.each(["a long and unusual passphrase", "tea-at-four-in-Pune", "K8#pq!vz2Lm0"])("accepts %s", (p) =>
    expect(isCommonPassword(p)).toBe(false),
  );
});

describe("session policy", () => {
  const now = 1_800_000_000;
  it("is valid inside both limits and idle or expired outside them", () => {
    expect(sessionTimeState({ authAt: now - 10, seenAt: now - 10 }, now)).toBe("valid");
    expect(sessionTimeState({ authAt: now - 100, seenAt: now - SESSION_IDLE_TIMEOUT_S }, now)).toBe("idle");
    expect(sessionTimeState({ authAt: now - SESSION_ABSOLUTE_LIFETIME_S, seenAt: now }, now)).toBe("expired");
  });
  it("refreshes only after the refresh interval and never past the absolute lifetime", () => {
    expect(sessionNeedsRefresh({ authAt: now - 1000, seenAt: now - SESSION_REFRESH_AFTER_S + 1 }, now)).toBe(false);
    expect(sessionNeedsRefresh({ authAt: now - 1000, seenAt: now - SESSION_REFRESH_AFTER_S }, now)).toBe(true);
    expect(sessionCookieMaxAge({ authAt: now, seenAt: now }, now)).toBe(SESSION_IDLE_TIMEOUT_S);
    expect(sessionCookieMaxAge({ authAt: now - SESSION_ABSOLUTE_LIFETIME_S + 60, seenAt: now }, now)).toBe(60);
  });
});

describe("sign-in retry time", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  it("allows attempts below the limit", () => {
    expect(signInRetryAt([ago(1), ago(2), ago(3), ago(4)], 5, now)).toBeNull();
  });
  it("names the moment the oldest counted failure leaves the window", () => {
    const retry = signInRetryAt([ago(1), ago(2), ago(3), ago(4), ago(10)], 5, now);
    expect(retry?.toISOString()).toBe(new Date(ago(10).getTime() + SIGN_IN_WINDOW_MS).toISOString());
  });
  it("ignores failures older than the window", () => {
    expect(signInRetryAt([ago(1), ago(2), ago(3), ago(4), ago(16)], 5, now)).toBeNull();
  });
});

describe("safe redirect", () => {
  it.each([
    ["/en/profile", "/en/profile"],
    ["//evil.example/x", "/fallback"],
    ["https://evil.example", "/fallback"],
    ["/\\evil.example", "/fallback"],
    [undefined, "/fallback"],
    ["/x\nLocation: y", "/fallback"],
    ["/en/search?q=%E0%A4%B8", "/en/search?q=%E0%A4%B8"],
    ["/en/comments/1\ufffd", "/fallback"],
    ["/en/खोज", "/fallback"],
  ])("%s → %s", (input, expected) => expect(safeRedirectPath(input, "/fallback")).toBe(expected));
});

describe("consultation phase", () => {
  const c = { status: "open" as const, opensAt: new Date("2026-11-01"), closesAt: new Date("2026-12-01") };
  it("takes comments only while status is open and opensAt ≤ now < closesAt", () => {
    expect(consultationPhase(c, new Date("2026-11-01"))).toBe("comments");
    expect(consultationPhase(c, new Date("2026-10-31"))).toBe("upcoming");
    expect(consultationPhase(c, new Date("2026-12-01"))).toBe("closed");
    expect(consultationPhase({ ...c, status: "closed" }, new Date("2026-11-15"))).toBe("closed");
    expect(consultationPhase({ ...c, status: "draft" }, new Date("2026-11-15"))).toBe("upcoming");
  });
});

describe("organisations one may sign for", () => {
  const standing = (organisationId: string, p: Partial<MembershipStanding> = {}): MembershipStanding => ({
    organisationId,
    membershipVerified: true,
    organisationVerified: true,
    maySign: true,
    ...p,
  });
  it("are only those where the membership and the organisation are verified and the member may sign", () => {
    expect(
      signableOrganisationIds([
        standing("signs"),
        standing("membership-pending", { membershipVerified: false }),
        standing("organisation-unverified", { organisationVerified: false }),
        standing("may-not-sign", { maySign: false }),
        standing("also-signs"),
      ]),
    ).toEqual(["signs", "also-signs"]);
    expect(signableOrganisationIds([standing("none", { membershipVerified: false, organisationVerified: false, maySign: false })])).toEqual(
      [],
    );
    expect(signableOrganisationIds([])).toEqual([]);
  });
});
