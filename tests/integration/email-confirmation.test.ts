import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensureMembership } from "@/db/queries/organisations";
import { getSessionUser, listMembershipsOfUser, registerParticipant } from "@/db/queries/users";
import { emailConfirmations, organisations, outboundEmails, users } from "@/db/schema";
import { confirmEmail, EMAIL_LINK_LIFETIME_MS, requestEmailConfirmation } from "@/lib/commands/email-confirmation";
import { hashEmailToken } from "@/lib/auth/email-token";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { CONFIRMATION_EMAIL_RATE } from "@/lib/rules/token-bucket";
import { countRows, freshDatabase, testEngines } from "../support/engines";
import { newOrganisation } from "./consultation-fixtures";

const LINK = /confirm-email\?token=([A-Za-z0-9_-]{43})/;

describe.each(testEngines())("email confirmation on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  const domain = () => `org-${crypto.randomUUID().slice(0, 8)}.example`;

  async function orgAt(websiteDomain: string, verified = true) {
    const id = await newOrganisation(h.db, { verified });
    await h.db.update(organisations).set({ websiteDomain }).where(eq(organisations.id, id));
    return id;
  }

  /** Signs up the way the sign-up form does: unconfirmed, asking to join a listed organisation. */
  async function signUp(email: string, organisationId?: string) {
    const r = await registerParticipant(
      h.db,
      {
        email,
        name: "Kavya Rao",
        passwordHash: "not-used-here",
        stakeholderGroup: "government",
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: new Date(),
      },
      organisationId ? { kind: "listed", id: organisationId } : { kind: "none" },
    );
    if (!r.ok) throw new Error(`sign-up refused: ${r.error}`);
    return r.user;
  }

  /** Asks for a link and returns the token the queued message carries. */
  async function requestLink(user: { id: string; role: "participant"; stakeholderGroup: "government" }, now = new Date()) {
    const r = await requestEmailConfirmation(
      h.db,
      user,
      {
        linkFor: (token) => `https://samvad.example/en/confirm-email?token=${token}`,
        compose: (link) => ({ subject: "Confirm", body: `Open ${link}` }),
      },
      now,
    );
    if (!r.ok) return { result: r, token: undefined };
    const queued = await h.db.select().from(outboundEmails).where(eq(outboundEmails.userId, user.id)).orderBy(outboundEmails.id);
    return { result: r, token: LINK.exec(queued.at(-1)?.body ?? "")?.[1] };
  }

  it("a new account at an organisation's verified domain waits, unverified, until its address is confirmed", async () => {
    const d = domain();
    const org = await orgAt(d);
    const user = await signUp(`kavya@${d}`, org);
    expect(user.emailConfirmedAt).toBeNull();
    expect(await listMembershipsOfUser(h.db, user.id)).toMatchObject([{ organisationId: org, membershipVerified: false }]);

    const { result, token } = await requestLink({ ...user, role: "participant", stakeholderGroup: "government" });
    expect(result).toEqual({ ok: true });
    expect(token).toBeDefined();
    // Only the token's hash is stored; the message is queued to the account's own address.
    const [stored] = await h.db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, user.id));
    expect(stored?.tokenHash).toBe(hashEmailToken(token!));
    expect(stored?.tokenHash).not.toContain(token!);
    const [mail] = await h.db.select().from(outboundEmails).where(eq(outboundEmails.userId, user.id));
    expect(mail?.toAddress).toBe(`kavya@${d}`);

    expect(await confirmEmail(h.db, { token: token! })).toEqual({ ok: true, userId: user.id, verifiedOrganisationIds: [org] });
    expect((await getSessionUser(h.db, user.id))?.emailConfirmedAt).toBeInstanceOf(Date);
    expect(await listMembershipsOfUser(h.db, user.id)).toMatchObject([{ organisationId: org, membershipVerified: true }]);
  });

  it("confirming verifies nothing at another domain or of an unverified organisation", async () => {
    const d = domain();
    const unverified = await orgAt(d, false);
    const elsewhere = await orgAt(domain());
    const user = await signUp(`ravi@${d}`, unverified);
    const { token } = await requestLink({ ...user, role: "participant", stakeholderGroup: "government" });
    await h.db.transaction((tx) => ensureMembership(tx, user.id, elsewhere, { address: user.email, confirmed: false }));
    expect(await confirmEmail(h.db, { token: token! })).toEqual({ ok: true, userId: user.id, verifiedOrganisationIds: [] });
    expect((await listMembershipsOfUser(h.db, user.id)).every((m) => !m.membershipVerified)).toBe(true);
  });

  it("a link works once, only before it expires, and only with its exact token", async () => {
    const user = await signUp(`anita-${crypto.randomUUID().slice(0, 6)}@example.org`);
    const actor = { ...user, role: "participant" as const, stakeholderGroup: "government" as const };
    const start = new Date();
    const { token } = await requestLink(actor, start);
    expect(await confirmEmail(h.db, { token: `${token!.slice(0, -1)}${token!.endsWith("A") ? "B" : "A"}` }, start)).toEqual({
      ok: false,
      error: "linkInvalid",
    });
    expect(await confirmEmail(h.db, { token: token! }, new Date(start.getTime() + EMAIL_LINK_LIFETIME_MS + 1))).toEqual({
      ok: false,
      error: "linkInvalid",
    });
    expect((await getSessionUser(h.db, user.id))?.emailConfirmedAt).toBeNull();
    expect(await confirmEmail(h.db, { token: token! }, start)).toMatchObject({ ok: true });
    expect(await confirmEmail(h.db, { token: token! }, start)).toEqual({ ok: false, error: "linkInvalid" });
    // Once confirmed, there is nothing more to send.
    expect(await requestEmailConfirmation(h.db, actor, { linkFor: (t) => t, compose: (l) => ({ subject: "s", body: l }) })).toEqual({
      ok: false,
      error: "alreadyConfirmed",
    });
  });

  it("two clicks on one link at once confirm once", async () => {
    const user = await signUp(`twice-${crypto.randomUUID().slice(0, 6)}@example.org`);
    const { token } = await requestLink({ ...user, role: "participant", stakeholderGroup: "government" });
    const results = await Promise.all([confirmEmail(h.db, { token: token! }), confirmEmail(h.db, { token: token! })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "linkInvalid" }]);
  });

  it("a link sent to an address the account no longer has confirms nothing", async () => {
    const user = await signUp(`moved-${crypto.randomUUID().slice(0, 6)}@example.org`);
    const { token } = await requestLink({ ...user, role: "participant", stakeholderGroup: "government" });
    await h.db
      .update(users)
      .set({ email: `new-${crypto.randomUUID().slice(0, 6)}@example.org` })
      .where(eq(users.id, user.id));
    expect(await confirmEmail(h.db, { token: token! })).toEqual({ ok: false, error: "linkInvalid" });
    expect((await getSessionUser(h.db, user.id))?.emailConfirmedAt).toBeNull();
  });

  it("sending links is limited per person, and a refusal queues no mail", async () => {
    const user = await signUp(`busy-${crypto.randomUUID().slice(0, 6)}@example.org`);
    const actor = { ...user, role: "participant" as const, stakeholderGroup: "government" as const };
    const start = new Date();
    for (let i = 0; i < CONFIRMATION_EMAIL_RATE.capacity; i++) expect((await requestLink(actor, start)).result).toEqual({ ok: true });
    const mailBefore = await countRows(h, "outbound_emails");
    const refused = await requestLink(actor, start);
    expect(refused.result).toMatchObject({ ok: false, error: "rateLimited" });
    expect(await countRows(h, "outbound_emails")).toBe(mailBefore);
    expect((await requestLink(actor, new Date(start.getTime() + CONFIRMATION_EMAIL_RATE.refillMs))).result).toEqual({ ok: true });
  });

  it("nobody signed out can ask for a link", async () => {
    expect(await requestEmailConfirmation(h.db, null, { linkFor: (t) => t, compose: (l) => ({ subject: "s", body: l }) })).toEqual({
      ok: false,
      error: "unauthenticated",
    });
  });
});
