import { describe, expect, it } from "vitest";
import { SESSION_ABSOLUTE_LIFETIME_S, SESSION_IDLE_TIMEOUT_S, sessionEnd, sessionTimeState } from "@/lib/rules/session-policy";

const now = 1_800_000_000;

describe("when a session ends", () => {
  it("ends an idle window after the last refresh while the absolute lifetime is far off", () => {
    expect(sessionEnd({ authAt: now - 600, seenAt: now - 120 })).toEqual({ endsAt: now - 120 + SESSION_IDLE_TIMEOUT_S, final: false });
  });

  it("ends at the absolute lifetime when that comes first, and says no refresh can move it", () => {
    const authAt = now - SESSION_ABSOLUTE_LIFETIME_S + 20 * 60;
    expect(sessionEnd({ authAt, seenAt: now })).toEqual({ endsAt: authAt + SESSION_ABSOLUTE_LIFETIME_S, final: true });
  });

  it("calls the end final when both limits fall at the same second", () => {
    const seenAt = now;
    const authAt = seenAt + SESSION_IDLE_TIMEOUT_S - SESSION_ABSOLUTE_LIFETIME_S;
    expect(sessionEnd({ authAt, seenAt })).toEqual({ endsAt: seenAt + SESSION_IDLE_TIMEOUT_S, final: true });
  });

  it("agrees with the rule that refuses the session: valid one second before the end, not at it", () => {
    for (const times of [
      { authAt: now - 600, seenAt: now - 120 },
      { authAt: now - SESSION_ABSOLUTE_LIFETIME_S + 300, seenAt: now - 10 },
    ]) {
      const { endsAt } = sessionEnd(times);
      expect(sessionTimeState(times, endsAt - 1)).toBe("valid");
      expect(sessionTimeState(times, endsAt)).not.toBe("valid");
    }
  });

  it("a refresh moves a non-final end later by the time since the last one", () => {
    const times = { authAt: now - 3600, seenAt: now - 1800 };
    const before = sessionEnd(times);
    const after = sessionEnd({ ...times, seenAt: now });
    expect(after.endsAt - before.endsAt).toBe(1800);
  });
});
