import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listOrganisations } from "@/db/queries/organisations";
import {
  bumpSessionVersion,
  getUserCredentials,
  listMembershipsOfUser,
  registerParticipant,
  updatePasswordHash,
  updateProfile,
} from "@/db/queries/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { userForClaims } from "@/lib/auth/session-check";
import { decodeSession, encodeSession } from "@/lib/auth/token";
import { SESSION_ABSOLUTE_LIFETIME_S, SESSION_IDLE_TIMEOUT_S } from "@/lib/rules/session-policy";
import { countRows, freshDatabase, testEngines, truncateAll } from "../support/engines";

const PASSWORD = "a long and unusual passphrase";

function participant(email: string) {
  return {
    email,
    name: "Kavya Rao",
    passwordHash: "placeholder",
    stakeholderGroup: "civil_society" as const,
    designation: "Researcher",
    preferredLanguage: "hi" as const,
    privacyNoticeVersion: "2026-11-23",
    privacyConsentedAt: new Date(),
  };
}

describe.each(testEngines())("accounts on %s", (engine) => {
  let h: DbHandle;
  let passwordHash: string;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(async () => h?.close());
  beforeEach(async () => truncateAll(h));

  it("round-trips a user with a newly named, unverified organisation", async () => {
    const result = await registerParticipant(
      h.db,
      { ...participant("kavya@example.org"), passwordHash },
      { kind: "new", name: "Jan Awaaz Trust" },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const stored = await getUserCredentials(h.db, "KAVYA@example.org");
    expect(stored).toMatchObject({
      id: result.user.id,
      email: "kavya@example.org",
      name: "Kavya Rao",
      role: "participant",
      stakeholderGroup: "civil_society",
      designation: "Researcher",
      preferredLanguage: "hi",
      sessionVersion: 1,
    });
    expect(await verifyPassword(stored?.passwordHash, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored?.passwordHash, PASSWORD + "x")).toBe(false);
    const memberships = await listMembershipsOfUser(h.db, result.user.id);
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({
      name: "Jan Awaaz Trust",
      organisationVerified: false,
      membershipVerified: false,
      maySign: false,
    });
  });

  it("reuses an organisation named again in another letter case instead of duplicating it", async () => {
    await registerParticipant(h.db, { ...participant("a@example.org"), passwordHash }, { kind: "new", name: "Jan Awaaz Trust" });
    await registerParticipant(h.db, { ...participant("b@example.org"), passwordHash }, { kind: "new", name: "JAN AWAAZ TRUST" });
    expect(await listOrganisations(h.db)).toHaveLength(1);
    expect(await countRows(h, "memberships")).toBe(2);
  });

  it("two concurrent sign-ups with the same email in different case end with one account and an email error", async () => {
    const results = await Promise.all([
      registerParticipant(h.db, { ...participant("same@example.org"), passwordHash }, { kind: "new", name: "Org One" }),
      registerParticipant(h.db, { ...participant("SAME@Example.org"), passwordHash }, { kind: "new", name: "Org Two" }),
    ]);
    const ok = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(ok).toHaveLength(1);
    expect(refused).toEqual([{ ok: false, error: "emailTaken" }]);
    expect(await countRows(h, "users")).toBe(1);
    // The refused sign-up wrote nothing: its organisation and membership were rolled back with it.
    expect(await countRows(h, "organisations")).toBe(1);
    expect(await countRows(h, "memberships")).toBe(1);
  });

  it("a listed organisation that does not exist writes nothing", async () => {
    const result = await registerParticipant(
      h.db,
      { ...participant("ghost@example.org"), passwordHash },
      { kind: "listed", id: crypto.randomUUID() },
    );
    expect(result).toEqual({ ok: false, error: "organisationMissing" });
    expect(await countRows(h, "users")).toBe(0);
  });

  it("sign-out bumps the session version and the old token is refused", async () => {
    const r = await registerParticipant(h.db, { ...participant("out@example.org"), passwordHash }, { kind: "none" });
    if (!r.ok) throw new Error("sign-up failed");
    const nowS = Math.floor(Date.now() / 1000);
    const token = await encodeSession({ sub: r.user.id, sv: r.user.sessionVersion, authAt: nowS, seenAt: nowS });
    const claims = await decodeSession(token);
    expect((await userForClaims(h.db, claims))?.id).toBe(r.user.id);
    expect(await bumpSessionVersion(h.db, r.user.id)).toBe(2);
    expect(await userForClaims(h.db, claims)).toBeNull();
  });

  it("a password change also makes old tokens useless", async () => {
    const r = await registerParticipant(h.db, { ...participant("pw@example.org"), passwordHash }, { kind: "none" });
    if (!r.ok) throw new Error("sign-up failed");
    const nowS = Math.floor(Date.now() / 1000);
    const claims = { sub: r.user.id, sv: 1, authAt: nowS, seenAt: nowS };
    await updatePasswordHash(h.db, r.user.id, await hashPassword("another long passphrase"));
    expect(await userForClaims(h.db, claims)).toBeNull();
  });

  it("refuses tokens past the idle timeout or the absolute lifetime, and forged ones", async () => {
    const r = await registerParticipant(h.db, { ...participant("time@example.org"), passwordHash }, { kind: "none" });
    if (!r.ok) throw new Error("sign-up failed");
    const nowS = Math.floor(Date.now() / 1000);
    const base = { sub: r.user.id, sv: 1 };
    expect(await userForClaims(h.db, { ...base, authAt: nowS - 60, seenAt: nowS - SESSION_IDLE_TIMEOUT_S - 1 })).toBeNull();
    expect(await userForClaims(h.db, { ...base, authAt: nowS - SESSION_ABSOLUTE_LIFETIME_S - 1, seenAt: nowS })).toBeNull();
    expect(await userForClaims(h.db, { ...base, authAt: nowS - 60, seenAt: nowS - 60 })).not.toBeNull();
    const forged = await encodeSession({ ...base, authAt: nowS, seenAt: nowS });
    expect(await decodeSession(forged.slice(0, -4) + "AAAA")).toBeNull();
  });

  it("updates the profile and adds a membership without touching the session version", async () => {
    const r = await registerParticipant(h.db, { ...participant("edit@example.org"), passwordHash }, { kind: "none" });
    if (!r.ok) throw new Error("sign-up failed");
    await updateProfile(
      h.db,
      r.user.id,
      { name: "Kavya R.", stakeholderGroup: "academia", designation: "Lecturer", preferredLanguage: "en" },
      { kind: "new", name: "Deccan College of Law" },
    );
    const stored = await getUserCredentials(h.db, "edit@example.org");
    expect(stored).toMatchObject({
      name: "Kavya R.",
      stakeholderGroup: "academia",
      designation: "Lecturer",
      preferredLanguage: "en",
      sessionVersion: 1,
    });
    expect((await listMembershipsOfUser(h.db, r.user.id)).map((m) => m.name)).toEqual(["Deccan College of Law"]);
  });
});
