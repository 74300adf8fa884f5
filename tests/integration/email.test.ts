import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Transporter } from "nodemailer";
import type { DbHandle } from "@/db/client";
import { claimDueEmails, enqueueEmail, renewEmailLease } from "@/db/queries/outbox";
import { announceConsultations, getPreferences, notify } from "@/db/queries/notifications";
import { getSessionUser, getUserCredentials } from "@/db/queries/users";
import { createUser } from "@/db/seed";
import { consultationAnnouncements, notifications, outboundEmails, passwordResets, rateLimitBuckets, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { moderateComment } from "@/lib/commands/moderation";
import { publishSummary, saveSummary } from "@/lib/commands/summaries";
import { confirmEmail, requestEmailConfirmation } from "@/lib/commands/email-confirmation";
import { requestEmailChange } from "@/lib/commands/email-change";
import { requestPasswordReset, resetPassword } from "@/lib/commands/password-reset";
import { unsubscribeGet, unsubscribePost } from "@/lib/email/unsubscribe-route";
import { readUnsubscribeToken } from "@/lib/email/unsubscribe";
import { deliverDueEmails, smtpTransport } from "@/lib/email/worker";
import { PASSWORD_RESET_LIFETIME_MS } from "@/lib/rules/email-delivery";
import { freshDatabase, testEngines } from "../support/engines";
import { startSmtp } from "../support/smtp";
import { newActor, newConsultation } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment } from "./moderation-fixtures";

const FROM = "Samvad <no-reply@samvad.example>";
const MINUTE = 60_000;
const linkIn = (text: string, path: string) => new RegExp(`https?://\\S+/${path}\\?token=([A-Za-z0-9_.-]+)`).exec(text);

describe.each(testEngines())("email on %s", (engine) => {
  let h: DbHandle;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let transport: Transporter;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    smtp = await startSmtp();
    transport = smtpTransport(smtp.url);
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await h?.close();
  });
  beforeEach(async () => {
    smtp.control.reject = false;
    // Each test sends only its own mail: whatever an earlier one left due is marked sent first.
    await h.db
      .update(outboundEmails)
      .set({ sentAt: new Date() })
      .where(sql`sent_at is null and failed_at is null`);
  });

  const deliver = (now = () => new Date()) => deliverDueEmails(h.db, transport, { from: FROM }, now);
  /** Rounds until nothing is due (announcements queue more than one batch). */
  async function deliverAll() {
    while ((await deliver()).claimed > 0);
  }
  const email = () => `person-${crypto.randomUUID().slice(0, 8)}@example.org`;

  /** Confirmed unless told otherwise: notification mail goes only to an address its holder has proven. */
  async function person(p: { language?: "en" | "hi"; password?: string; confirmed?: boolean } = {}) {
    const address = email();
    const u = await createUser(h.db, {
      email: address,
      name: "Meera Iyer",
      preferredLanguage: p.language ?? "en",
      password: p.password ?? "old-password-1234",
      emailConfirmedAt: p.confirmed === false ? null : new Date(),
    });
    return { ...u, actor: { id: u.id, role: "participant" as const, stakeholderGroup: "civil_society" as const } };
  }

  it("the worker delivers a queued confirmation; the link in the mail confirms the address", async () => {
    const u = await person({ confirmed: false });
    const r = await requestEmailConfirmation(h.db, u.actor, {
      linkFor: (token) => `http://127.0.0.1:3000/en/confirm-email?token=${token}`,
      compose: (link) => ({ subject: "Confirm your address", body: `Open this link: ${link}` }),
    });
    expect(r).toEqual({ ok: true });
    expect(smtp.to(u.email)).toHaveLength(0); // queued only: nothing is sent inside the request
    expect(await deliver()).toMatchObject({ claimed: 1, sent: 1, failed: 0 });
    const [mail] = smtp.to(u.email);
    expect(mail?.headers.get("subject")).toBe("Confirm your address");
    expect(mail?.headers.get("from")).toContain("no-reply@samvad.example");
    expect(mail?.headers.has("list-unsubscribe")).toBe(false); // account mail carries no unsubscribe
    const token = linkIn(mail!.text, "confirm-email")?.[1];
    expect(token).toBeDefined();
    expect((await confirmEmail(h.db, { token: token! })).ok).toBe(true);
    expect((await getSessionUser(h.db, u.id))?.emailConfirmedAt).toBeInstanceOf(Date);
    const [row] = await h.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, u.email));
    expect(row).toMatchObject({ attempts: 1, lastError: null, failedAt: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    // Sent rows are never claimed again.
    expect(await deliver()).toMatchObject({ claimed: 0 });
  });

  it("password reset: the mail arrives, the link works once, sessions end, reused and expired links are refused", async () => {
    // Account mail reaches an address that was never confirmed (notification mail does not).
    const u = await person({ language: "hi", confirmed: false });
    expect(await requestPasswordReset(h.db, { email: u.email.toUpperCase(), client: null })).toEqual({ ok: true });
    await deliver();
    const [mail] = smtp.to(u.email);
    expect(mail).toBeDefined();
    // In the recipient's language, from the catalogue.
    expect(mail!.text).toContain("नमस्ते Meera Iyer");
    const token = linkIn(mail!.text, "reset-password")?.[1];
    expect(mail!.text).toContain("/hi/reset-password?token=");
    // Only the hash is stored.
    const stored = await h.db.select().from(passwordResets).where(eq(passwordResets.userId, u.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token!);

    const first = await resetPassword(h.db, { token: token!, newPassword: "a-brand-new-passphrase" });
    expect(first).toEqual({ ok: true, userId: u.id, sessionVersion: u.sessionVersion + 1 });
    const creds = await getUserCredentials(h.db, u.email);
    expect(await verifyPassword(creds?.passwordHash, "a-brand-new-passphrase")).toBe(true);
    expect(await verifyPassword(creds?.passwordHash, "old-password-1234")).toBe(false);

    expect(await resetPassword(h.db, { token: token!, newPassword: "yet-another-passphrase" })).toEqual({
      ok: false,
      error: "resetLinkUsed",
    });
    expect(await verifyPassword((await getUserCredentials(h.db, u.email))?.passwordHash, "a-brand-new-passphrase")).toBe(true);
    expect(await resetPassword(h.db, { token: "x".repeat(43), newPassword: "yet-another-passphrase" })).toEqual({
      ok: false,
      error: "resetLinkInvalid",
    });

    // A link asked for 31 minutes ago has expired.
    const past = new Date(Date.now() - PASSWORD_RESET_LIFETIME_MS - MINUTE);
    await requestPasswordReset(h.db, { email: u.email, client: null }, past);
    await deliver();
    const old = linkIn(smtp.to(u.email).at(-1)!.text, "reset-password")?.[1];
    expect(old).not.toBe(token);
    expect(await resetPassword(h.db, { token: old!, newPassword: "yet-another-passphrase" })).toEqual({
      ok: false,
      error: "resetLinkExpired",
    });
  });

  it("password reset answers the same for an unknown address, and limits links per address and per client", async () => {
    const before = smtp.received.length;
    expect(await requestPasswordReset(h.db, { email: email(), client: null })).toEqual({ ok: true });
    await deliver();
    expect(smtp.received.length).toBe(before);

    const u = await person();
    for (let i = 0; i < 5; i++) expect(await requestPasswordReset(h.db, { email: u.email, client: null })).toEqual({ ok: true });
    await deliver();
    expect(smtp.to(u.email)).toHaveLength(3); // the per-address bucket: the rest are dropped silently
    // The bucket is keyed by a hash of the address, never the address itself (erasure must not miss a copy).
    const keys = (await h.db.select({ key: rateLimitBuckets.key }).from(rateLimitBuckets)).map((r) => r.key);
    expect(keys.some((k) => k.toLowerCase().includes(u.email.split("@")[0]!.toLowerCase()))).toBe(false);
    expect(keys.filter((k) => k.startsWith("reset-email:")).length).toBeGreaterThan(0);

    const client = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await requestPasswordReset(h.db, { email: email(), client }));
    expect(answers.slice(0, 10).every((a) => a.ok)).toBe(true);
    expect(answers[10]).toMatchObject({ ok: false, error: "rateLimited" });
  });

  it("email change: the old address counts until the new one is confirmed; the old address is told", async () => {
    const u = await person();
    const other = await person();
    const target = email();
    expect(await requestEmailChange(h.db, u.actor, { newEmail: other.email })).toEqual({ ok: false, error: "emailTaken" });
    expect(await requestEmailChange(h.db, u.actor, { newEmail: u.email })).toEqual({ ok: false, error: "emailUnchanged" });
    expect(await requestEmailChange(h.db, u.actor, { newEmail: target })).toEqual({ ok: true });
    await deliver();
    const [mail] = smtp.to(target);
    expect(mail).toBeDefined();
    // The new address is not proven: its mail names neither the account's current address nor its holder.
    expect(mail!.text).not.toContain(u.email);
    expect(mail!.text).not.toContain(u.email.split("@")[0]!);
    expect(mail!.text).not.toContain("Meera");
    expect(mail!.text).not.toContain("Iyer");
    expect(smtp.to(u.email)).toHaveLength(0);
    // Until the link is followed, the account keeps (and signs in with) its old address.
    expect((await getUserCredentials(h.db, u.email))?.id).toBe(u.id);
    expect(await getUserCredentials(h.db, target)).toBeUndefined();

    const token = linkIn(mail!.text, "confirm-email")?.[1];
    const done = await confirmEmail(h.db, { token: token! });
    expect(done).toMatchObject({ ok: true, userId: u.id, changedFrom: u.email });
    expect((await getUserCredentials(h.db, target))?.id).toBe(u.id);
    expect(await getUserCredentials(h.db, u.email)).toBeUndefined();
    expect(await confirmEmail(h.db, { token: token! })).toEqual({ ok: false, error: "linkInvalid" });
    await deliver();
    const notice = smtp.to(u.email);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).toContain(target);

    // Two accounts racing for one address: the second confirmation is refused by the unique index.
    const a = await person();
    const b = await person();
    const contested = email();
    await requestEmailChange(h.db, a.actor, { newEmail: contested });
    await requestEmailChange(h.db, b.actor, { newEmail: contested });
    await deliver();
    const [ma, mb] = smtp.to(contested);
    const ta = linkIn(ma!.text, "confirm-email")![1]!;
    const tb = linkIn(mb!.text, "confirm-email")![1]!;
    const results = await Promise.all([confirmEmail(h.db, { token: ta }), confirmEmail(h.db, { token: tb })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "emailTaken" }]);
  });

  it("a reply is notified once, by email with one-click unsubscribe headers, and the unsubscribe link turns that kind off", async () => {
    const c = await moderatedConsultation(h.db);
    const author = await person();
    const replier = await newActor(h.db);
    const parentId = await postComment(h.db, author.actor, c);
    // Replying to oneself tells nobody.
    await postComment(h.db, author.actor, c, { parentId });
    const replyId = await postComment(h.db, replier, c, { parentId });
    const mine = await h.db.select().from(notifications).where(eq(notifications.userId, author.id));
    expect(mine).toMatchObject([{ kind: "reply", commentId: replyId, dedupeKey: `reply:${replyId}` }]);
    // A retried write with the same key adds nothing.
    await h.db.transaction((tx) => notify(tx, { userId: author.id, kind: "reply", commentId: replyId, dedupeKey: `reply:${replyId}` }));
    expect(await h.db.select().from(notifications).where(eq(notifications.userId, author.id))).toHaveLength(1);

    await deliver();
    const [mail] = smtp.to(author.email);
    expect(mail?.headers.get("subject")).toBe("Samvad: someone replied to your comment");
    expect(mail!.text).toContain(`/en/comments/${replyId}`);
    const listUnsubscribe = mail!.headers.get("list-unsubscribe");
    expect(mail!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = /^<(.+)>$/.exec(listUnsubscribe ?? "")?.[1];
    expect(url).toMatch(/\/api\/unsubscribe\?token=/);
    expect(mail!.text).toContain(url!);
    expect(readUnsubscribeToken(new URL(url!).searchParams.get("token"))).toEqual({ userId: author.id, kind: "reply" });

    // Opening the link (GET) changes nothing: it leads to a page with a button.
    const get = await unsubscribeGet(h.db, new Request(url!));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toMatch(/\/en\/unsubscribe\?token=/);
    expect((await getPreferences(h.db, author.id)).reply).toBe(true);
    // A forged token or a missing body does nothing.
    const forged = url!.replace(/.$/, (ch) => (ch === "A" ? "B" : "A"));
    const oneClick = () => new URLSearchParams({ "List-Unsubscribe": "One-Click" });
    expect((await unsubscribePost(h.db, new Request(forged, { method: "POST", body: oneClick() }))).status).toBe(404);
    expect((await unsubscribePost(h.db, new Request(url!, { method: "POST" }))).status).toBe(400);
    expect((await getPreferences(h.db, author.id)).reply).toBe(true);
    // The RFC 8058 POST a mail client sends.
    const post = await unsubscribePost(h.db, new Request(url!, { method: "POST", body: oneClick() }));
    expect(post.status).toBe(200);
    expect(await getPreferences(h.db, author.id)).toEqual({
      decision: true,
      reply: false,
      citation: true,
      consultation: true,
      cosign: true,
    });

    // The next reply is still in the app, but no longer by email.
    const sent = smtp.to(author.email).length;
    const second = await postComment(h.db, replier, c, { parentId });
    await deliver();
    expect(smtp.to(author.email)).toHaveLength(sent);
    expect(
      await h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, author.id), eq(notifications.commentId, second))),
    ).toHaveLength(1);
  });

  it("a reply held for pre-moderation tells the parent's author only once a moderator approves it", async () => {
    const c = await moderatedConsultation(h.db);
    const author = await person();
    const replier = await newActor(h.db);
    const moderator = await newStaff(h.db, "moderator");
    const parentId = await postComment(h.db, author.actor, c);
    await h.db.execute(sql`update consultations set pre_moderation = true where id = ${c.consultationId}`);
    const replyId = await postComment(h.db, replier, c, { parentId });
    const replies = () =>
      h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, author.id), eq(notifications.kind, "reply")));
    expect(await replies()).toHaveLength(0);
    expect((await moderateComment(h.db, moderator, { commentId: replyId, action: "approve", ruleId: null, note: "" })).ok).toBe(true);
    expect(await replies()).toMatchObject([{ commentId: replyId }]);
  });

  it("a moderation decision and a summary citation are notified in the same transaction as the write", async () => {
    const c = await moderatedConsultation(h.db);
    const author = await person({ language: "hi" });
    const moderator = await newStaff(h.db, "moderator");
    const commentId = await postComment(h.db, author.actor, c);
    const kept = await postComment(h.db, author.actor, c);
    const decided = await moderateComment(h.db, moderator, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "Off topic." });
    expect(decided.ok).toBe(true);
    const saved = await saveSummary(h.db, moderator, { principleId: c.principleId, sections: { overview: `A point made [#${kept}].` } });
    expect(saved.ok).toBe(true);
    expect((await publishSummary(h.db, moderator, { principleId: c.principleId })).ok).toBe(true);
    const kinds = (await h.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, author.id))).map(
      (n) => n.kind,
    );
    expect(kinds.sort()).toEqual(["citation", "decision"]);
    await deliver();
    const subjects = smtp.to(author.email).map((m) => m.text);
    expect(subjects).toHaveLength(2);
    expect(subjects.every((t) => t.includes("नमस्ते"))).toBe(true);
  });

  it("consultation announcements: exactly one announcement per consultation and kind, each participant told once", async () => {
    const fan = await person();
    const quiet = await person();
    await h.db.execute(sql`insert into notification_preferences (user_id, consultation) values (${quiet.id}, false)`);
    const now = Date.now();
    const c = await newConsultation(h.db, { opensAt: new Date(now - MINUTE), closesAt: new Date(now + 2 * 24 * 60 * MINUTE) });
    const [a, b] = await Promise.all([announceConsultations(h.db), announceConsultations(h.db)]);
    // Opened and closing-soon, each once, whichever call got there first.
    expect(a! + b!).toBeGreaterThanOrEqual(2);
    const rows = await h.db.select().from(consultationAnnouncements).where(eq(consultationAnnouncements.consultationId, c.consultationId));
    expect(rows.map((r) => r.kind).sort()).toEqual(["closing", "opened"]);
    expect(await announceConsultations(h.db)).toBe(0);
    const fanNotes = await h.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, fan.id), eq(notifications.consultationId, c.consultationId)));
    expect(fanNotes.map((n) => n.kind).sort()).toEqual(["consultation_closing", "consultation_opened"]);
    const everyone = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`erased_at is null`);
    const told = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(and(eq(notifications.consultationId, c.consultationId), eq(notifications.kind, "consultation_opened")));
    expect(Number(told[0]!.n)).toBe(Number(everyone[0]!.n));
    await deliverAll();
    expect(smtp.to(fan.email).map((m) => m.headers.get("subject"))).toEqual(
      expect.arrayContaining(["Samvad: “A test consultation” is open for comments", "Samvad: “A test consultation” closes soon"]),
    );
    expect(smtp.to(quiet.email)).toHaveLength(0);
  });

  it("notification mail goes only to confirmed addresses, announcements not to held accounts; the app tells every one of them", async () => {
    const c = await moderatedConsultation(h.db);
    // Whatever is due so far is announced before these people exist, so the round below is the only one they hear of.
    await announceConsultations(h.db);
    const confirmed = await person();
    const unconfirmed = await person({ confirmed: false });
    const held = await person();
    await h.db.update(users).set({ heldAt: new Date() }).where(eq(users.id, held.id));
    const erased = await person();
    await h.db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, erased.id));

    // A reply: in the app for both authors, by email only to the proven address.
    const replier = await newActor(h.db);
    const parents = new Map<string, number>();
    for (const p of [confirmed, unconfirmed]) {
      const parentId = await postComment(h.db, p.actor, c);
      parents.set(p.id, parentId);
      await postComment(h.db, replier, c, { parentId });
    }
    // A held account is told about a reply by email as anyone is (the hold is about announcements to everyone).
    await h.db.transaction((tx) => notify(tx, { userId: held.id, kind: "reply", dedupeKey: `reply-test:${held.id}` }));
    const kindsOf = async (userId: string) =>
      (await h.db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, userId)))
        .map((n) => n.kind)
        .sort();
    expect(await kindsOf(confirmed.id)).toEqual(["reply"]);
    expect(await kindsOf(unconfirmed.id)).toEqual(["reply"]);
    const queuedTo = async (userId: string) =>
      (await h.db.select({ subject: outboundEmails.subject }).from(outboundEmails).where(eq(outboundEmails.userId, userId))).map(
        (m) => m.subject,
      );
    expect(await queuedTo(unconfirmed.id)).toEqual([]);

    // An announcement: in the app for all three live accounts, by email only to the confirmed one that is not held.
    const now = Date.now();
    await newConsultation(h.db, { opensAt: new Date(now - MINUTE), closesAt: new Date(now + 10 * 24 * 60 * MINUTE) });
    expect(await announceConsultations(h.db)).toBe(1);
    for (const p of [confirmed, unconfirmed, held]) expect(await kindsOf(p.id)).toEqual(["consultation_opened", "reply"]);
    expect(await kindsOf(erased.id)).toEqual([]);
    await deliverAll();
    const subjects = (address: string) => smtp.to(address).map((m) => m.headers.get("subject"));
    expect(subjects(confirmed.email).sort()).toEqual([
      "Samvad: someone replied to your comment",
      "Samvad: “A test consultation” is open for comments",
    ]);
    expect(subjects(held.email)).toEqual(["Samvad: someone replied to your comment"]);
    expect(subjects(unconfirmed.email)).toEqual([]);
    expect(subjects(erased.email)).toEqual([]);

    // Account mail still reaches the unconfirmed address...
    expect(await requestPasswordReset(h.db, { email: unconfirmed.email, client: null })).toEqual({ ok: true });
    await deliver();
    expect(subjects(unconfirmed.email)).toEqual(["Samvad: reset your password"]);
    // ...and once its holder proves it, notifications follow by email too.
    await h.db.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, unconfirmed.id));
    await postComment(h.db, replier, c, { parentId: parents.get(unconfirmed.id)! });
    await deliver();
    expect(subjects(unconfirmed.email)).toEqual(["Samvad: reset your password", "Samvad: someone replied to your comment"]);
  });

  it("a rejecting server: the attempt is retried with exponential backoff, then given up after the last attempt", async () => {
    const to = email();
    await enqueueEmail(h.db, { userId: null, toAddress: to, subject: "Retry me", body: "Hello." });
    smtp.control.reject = true;
    let clock = Date.now();
    const now = () => new Date(clock);
    const opts = { from: FROM, maxAttempts: 3, retryBaseMs: MINUTE };
    expect(await deliverDueEmails(h.db, transport, opts, now)).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    let [row] = await h.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, to));
    expect(row).toMatchObject({ attempts: 1, failedAt: null, sentAt: null });
    expect(row!.lastError).toMatch(/451/);
    expect(row!.nextAttemptAt.getTime()).toBe(clock + MINUTE);
    // Not due before its time.
    clock += MINUTE - 1000;
    expect(await deliverDueEmails(h.db, transport, opts, now)).toMatchObject({ claimed: 0 });
    clock += 1000;
    await deliverDueEmails(h.db, transport, opts, now);
    [row] = await h.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, to));
    expect(row).toMatchObject({ attempts: 2, failedAt: null });
    expect(row!.nextAttemptAt.getTime()).toBe(clock + 2 * MINUTE); // doubled
    clock += 2 * MINUTE;
    await deliverDueEmails(h.db, transport, opts, now);
    [row] = await h.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, to));
    expect(row).toMatchObject({ attempts: 3, sentAt: null });
    expect(row!.failedAt?.getTime()).toBe(clock);
    clock += 60 * MINUTE;
    smtp.control.reject = false;
    expect(await deliverDueEmails(h.db, transport, opts, now)).toMatchObject({ claimed: 0 });
    expect(smtp.to(to)).toHaveLength(0);
  });

  it("a worker that dies mid-send leaves the message due again after its lease, not before", async () => {
    const to = email();
    await enqueueEmail(h.db, { userId: null, toAddress: to, subject: "Lease", body: "Hello." });
    const { claimDueEmails } = await import("@/db/queries/outbox");
    const t0 = Date.now();
    expect(await claimDueEmails(h.db, { limit: 10, leaseMs: 10 * MINUTE, maxAttempts: 6 }, new Date(t0))).toHaveLength(1);
    // ...and the worker is gone. Nobody else takes it while the lease runs.
    expect(await deliver(() => new Date(t0 + 5 * MINUTE))).toMatchObject({ claimed: 0 });
    expect(await deliver(() => new Date(t0 + 11 * MINUTE))).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.to(to)).toHaveLength(1);
  });

  it("a message whose lease ran out and was claimed by another worker is not sent again by the first", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const first = `first-${tag}@example.org`;
    const second = `second-${tag}@example.org`;
    await enqueueEmail(h.db, { userId: null, toAddress: first, subject: `${tag} 1`, body: "Hello." });
    await enqueueEmail(h.db, { userId: null, toAddress: second, subject: `${tag} 2`, body: "Hello." });
    const t0 = Date.now();
    // Worker A's server is slow: while it sends the first message, the second one's lease runs out and worker B
    // claims and sends it.
    let b: Awaited<ReturnType<typeof deliverDueEmails>> | undefined;
    const slow = {
      sendMail: async (m: Parameters<Transporter["sendMail"]>[0]) => {
        b ??= await deliverDueEmails(h.db, transport, { from: FROM }, () => new Date(t0 + 11 * MINUTE));
        return transport.sendMail(m);
      },
    } as unknown as Transporter;
    // A claims at t0 and starts sending five minutes later (renewing only the first message's lease).
    let calls = 0;
    const a = await deliverDueEmails(h.db, slow, { from: FROM, batch: 2 }, () => new Date(calls++ === 0 ? t0 : t0 + 5 * MINUTE));
    expect(b).toMatchObject({ claimed: 1, sent: 1 });
    expect(a).toMatchObject({ claimed: 2, sent: 1, skipped: 1 });
    expect(smtp.to(first)).toHaveLength(1);
    expect(smtp.to(second)).toHaveLength(1);

    // The same at the query level: a lease is renewed only by the claim that still holds it.
    const third = `third-${tag}@example.org`;
    await enqueueEmail(h.db, { userId: null, toAddress: third, subject: `${tag} 3`, body: "Hello." }, new Date(t0));
    const lease = { limit: 10, leaseMs: 10 * MINUTE, maxAttempts: 6 };
    const [mine] = (await claimDueEmails(h.db, lease, new Date(t0))).filter((m) => m.toAddress === third);
    expect(await renewEmailLease(h.db, { id: mine!.id, attempts: mine!.attempts, leaseMs: 10 * MINUTE }, new Date(t0 + MINUTE))).toBe(true);
    // Renewed: not due to anyone at the old lease's end.
    expect((await claimDueEmails(h.db, lease, new Date(t0 + 10 * MINUTE + 1000))).map((m) => m.id)).not.toContain(mine!.id);
    const [theirs] = (await claimDueEmails(h.db, lease, new Date(t0 + 12 * MINUTE))).filter((m) => m.id === mine!.id);
    expect(theirs?.attempts).toBe(mine!.attempts + 1);
    expect(await renewEmailLease(h.db, { id: mine!.id, attempts: mine!.attempts, leaseMs: 10 * MINUTE }, new Date(t0 + 12 * MINUTE))).toBe(
      false,
    );
    expect(
      await renewEmailLease(h.db, { id: mine!.id, attempts: theirs!.attempts, leaseMs: 10 * MINUTE }, new Date(t0 + 12 * MINUTE)),
    ).toBe(true);
  });

  it.runIf(engine === "postgres")("two workers at once never send one message twice", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const count = 60;
    for (let i = 0; i < count; i++)
      await enqueueEmail(h.db, { userId: null, toAddress: `w${i}-${tag}@example.org`, subject: `${tag} #${i}`, body: "Hello." });
    const second = smtpTransport(smtp.url);
    const work = async (t: Transporter) => {
      let total = 0;
      for (;;) {
        const r = await deliverDueEmails(h.db, t, { from: FROM, batch: 4 });
        total += r.claimed;
        if (r.claimed === 0) return total;
      }
    };
    const [a, b] = await Promise.all([work(transport), work(second)]);
    second.close();
    expect(a + b).toBe(count);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const subjects = smtp.received.map((m) => m.headers.get("subject") ?? "").filter((s) => s.startsWith(tag));
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    const attempts = await h.db
      .select({ attempts: outboundEmails.attempts })
      .from(outboundEmails)
      .where(sql`subject like ${tag + " %"}`);
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
  });
});
