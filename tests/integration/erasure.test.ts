import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { listCommentThreads } from "@/db/queries/comments";
import { listModerationQueue } from "@/db/queries/moderation-queue";
import { countRegistry, listEndorsementEvents, listRegistry } from "@/db/queries/endorsements";
import { countCommentsByGroupAndStance, countEndorsementsByGroup } from "@/db/queries/statistics";
import { enqueueEmail } from "@/db/queries/outbox";
import { resetEmailBucketKey } from "@/db/queries/password-resets";
import { registerParticipant } from "@/db/queries/users";
import {
  appeals,
  auditLog,
  comments,
  notificationPreferences,
  passwordResets,
  grievances,
  outboundEmails,
  principleCommentCounts,
  privacyConsents,
  rateLimitBuckets,
  reports,
  siteFeedback,
  users,
} from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { userForClaims } from "@/lib/auth/session-check";
import { editComment } from "@/lib/commands/comments";
import { requestEmailConfirmation } from "@/lib/commands/email-confirmation";
import { endorse } from "@/lib/commands/endorsements";
import { eraseOwnAccount } from "@/lib/commands/erasure";
import { requestPasswordReset } from "@/lib/commands/password-reset";
import { submitFeedback } from "@/lib/commands/feedback";
import { submitGrievance } from "@/lib/commands/grievances";
import { appealDecision, decideAppeal, moderateComment, reportComment } from "@/lib/commands/moderation";
import type { ErasureCommentChoice } from "@/lib/limits";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { feedbackSchema } from "@/lib/validation/feedback";
import { grievanceSchema } from "@/lib/validation/privacy";
import { freshDatabase, testEngines } from "../support/engines";
import { newActor, rows, SECRET, type SignedIn } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment, type ModeratedConsultation } from "./moderation-fixtures";
import { signFormStamp } from "@/lib/rules/form-timing";

const PASSWORD = "a long and unusual passphrase for erasure";
const address = (() => {
  let n = 0;
  return () => `203.0.113.${++n}`;
})();

/** Every text-bearing column of every table in the public schema, read from the catalogue: new tables are covered. */
async function textColumns(db: Db): Promise<{ table: string; column: string }[]> {
  return rows<{ table: string; column: string }>(
    db,
    sql`select c.table_name as "table", c.column_name as "column"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))
      order by 1, 2`,
  );
}

/** Where a string still occurs, case-insensitively, in every text-bearing column of every table: "table.column" list. */
async function tracesOf(db: Db, needle: string): Promise<string[]> {
  const found: string[] = [];
  const pattern = `%${needle.toLowerCase()}%`;
  for (const { table, column } of await textColumns(db)) {
    const [hit] = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where lower(${sql.identifier(column)}::text) like ${pattern}`,
    );
    if (Number(hit?.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

interface Person {
  actor: SignedIn;
  email: string;
  name: string;
  sessionVersion: number;
  commentIds: number[];
}

/**
 * A participant who has left a trace in every table that can hold one: account, consent, organisation membership,
 * sign-in attempt and audit entry, confirmation link and queued mail, password reset, notification preferences,
 * comments (one edited, so with two versions) and a reply, an endorsement, a report, a hidden comment with its
 * notification and appeal, site feedback and a grievance, a password reset request (its throttle bucket) and a
 * reset bucket keyed by the address itself, as such keys were written before they were hashed.
 */
async function richParticipant(db: Db, c: ModeratedConsultation, other: number): Promise<Person> {
  const tag = crypto.randomUUID().slice(0, 8);
  const name = `Zebulon Quixote ${tag}`;
  const email = `zq.${tag}@erasure-${tag}.example`;
  const registered = await registerParticipant(
    db,
    {
      email,
      name,
      passwordHash: await hashPassword(PASSWORD),
      stakeholderGroup: "academia",
      designation: `Reader ${tag}`,
      preferredLanguage: "en",
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyConsentedAt: new Date(),
    },
    { kind: "new", name: `Institute ${tag}` },
  );
  if (!registered.ok) throw new Error(registered.error);
  const user = registered.user;
  const actor: SignedIn = { id: user.id, role: "participant", stakeholderGroup: "academia" };
  const signedIn = await authenticate(db, { email, password: PASSWORD, address: address() });
  expect(signedIn.ok).toBe(true);
  const confirmation = await requestEmailConfirmation(db, actor, {
    linkFor: (token) => `https://samvad.example/en/confirm-email?token=${token}`,
    compose: (link) => ({ subject: `Confirm, ${name}`, body: `Dear ${name} (${email}), follow ${link}` }),
  });
  expect(confirmation.ok).toBe(true);
  await db.insert(passwordResets).values({ userId: user.id, tokenHash: `hash-${tag}`, expiresAt: new Date(Date.now() + 3_600_000) });
  await db.insert(notificationPreferences).values({ userId: user.id, reply: false });
  expect(await requestPasswordReset(db, { email, client: null })).toEqual({ ok: true });
  await db.insert(rateLimitBuckets).values({ key: `reset-email:${email}`, tokens: 2, updatedAt: new Date() });

  const target = { slug: c.slug, principleSlug: c.principleSlug };
  // Texts unlike every other participant's: near-identical comments would be grouped as a campaign.
  const text = (what: string) => `${what}: ${crypto.randomUUID()} ${crypto.randomUUID()}`;
  const first = await postComment(db, actor, target, { body: text("The first comment of a participant who will erase their account.") });
  const second = await postComment(db, actor, target, { body: text("A second comment, which will be edited once."), stance: "opposes" });
  const edited = await editComment(db, actor, {
    commentId: second,
    body: text("A second comment, edited once now."),
    stance: "has_concerns",
  });
  expect(edited.ok).toBe(true);
  const reply = await postComment(db, actor, target, { body: text("A reply to another participant's comment."), parentId: other });
  const endorsed = await endorse(db, actor, {
    consultationSlug: c.slug,
    input: { target: "consultation", capacity: "personal", statement: "" },
  });
  expect(endorsed.ok).toBe(true);
  expect((await reportComment(db, actor, { commentId: other, reason: "spam", details: "" })).ok).toBe(true);

  const moderator = await newStaff(db, "moderator");
  const hidden = await postComment(db, actor, target, { body: text("A comment a moderator will hide under a rule.") });
  const decision = await moderateComment(db, moderator, { commentId: hidden, action: "hide", ruleId: c.rules[0]!.id, note: "Off topic." });
  if (!decision.ok) throw new Error(decision.error);
  expect((await appealDecision(db, actor, { decisionId: decision.decisionId, statement: "I think this was on topic after all." })).ok).toBe(
    true,
  );

  const feedback = await submitFeedback(db, actor, {
    input: feedbackSchema.parse({ name, email, message: "A message about the website itself.", formToken: crypto.randomUUID() }),
    language: "en",
    address: address(),
  });
  expect(feedback.ok).toBe(true);
  const grievance = await submitGrievance(db, actor, {
    input: grievanceSchema.parse({
      name,
      email: email.toUpperCase(),
      message: "A grievance sent while signed in.",
      formToken: crypto.randomUUID(),
      stamp: signFormStamp(Date.now() - 10_000, SECRET),
    }),
    language: "en",
    address: address(),
    secret: SECRET,
  });
  expect(grievance.ok).toBe(true);
  return { actor, email, name, sessionVersion: user.sessionVersion, commentIds: [first, second, reply, hidden] };
}

describe.each(testEngines())("erasing an account on %s", (engine) => {
  let h: DbHandle;
  let c: ModeratedConsultation;
  let other: number;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    c = await moderatedConsultation(h.db, { threshold: 10 });
    other = await postComment(h.db, await newActor(h.db, "government"), { slug: c.slug, principleSlug: c.principleSlug });
  });
  afterAll(async () => h?.close());

  const erase = (p: Person, choice: ErasureCommentChoice, password = PASSWORD) =>
    eraseOwnAccount(h.db, p.actor, { input: { currentPassword: password, comments: choice, confirm: "yes" }, address: address() });

  async function statistics() {
    return {
      comments: await countCommentsByGroupAndStance(h.db, { consultationId: c.consultationId }),
      endorsements: await countEndorsementsByGroup(h.db, { consultationId: c.consultationId }),
      registry: await countRegistry(h.db, c.consultationId),
      events: await listEndorsementEvents(h.db, c.consultationId),
    };
  }

  it("the setup leaves the name and the address in many tables, so the search below can find them", async () => {
    const p = await richParticipant(h.db, c, other);
    const byName = await tracesOf(h.db, p.name);
    const byEmail = await tracesOf(h.db, p.email);
    expect(byName).toEqual(expect.arrayContaining(["users.name", "site_feedback.name", "grievances.name", "outbound_emails.body"]));
    expect(byEmail).toEqual(
      expect.arrayContaining([
        "users.email",
        "email_confirmations.email",
        "outbound_emails.to_address",
        "sign_in_attempts.email_key",
        "rate_limit_buckets.key",
        "site_feedback.email",
        "grievances.email",
      ]),
    );
    // Sign-in is logged with a fingerprint of the email, never the address: the audit log is append-only.
    expect(byEmail).not.toContain("audit_log.target_id");
    expect(await tracesOf(h.db, p.email.split("@")[0]!)).not.toContain("audit_log.target_id");
  });

  it("keep: no trace of the name or the address remains anywhere; the registry and every total are unchanged", async () => {
    const p = await richParticipant(h.db, c, other);
    const before = await statistics();
    const registryBefore = await listRegistry(h.db, c.consultationId);
    const result = await erase(p, "keep");
    expect(result).toEqual({ ok: true, withdrawn: 0 });

    expect(await tracesOf(h.db, p.name)).toEqual([]);
    expect(await tracesOf(h.db, p.email)).toEqual([]);
    // Nothing of the old address, not even its local part or its domain.
    expect(await tracesOf(h.db, p.email.split("@")[0]!)).toEqual([]);
    expect(await tracesOf(h.db, p.email.split("@")[1]!)).toEqual([]);
    // The hashed reset bucket goes too.
    expect(
      await h.db
        .select()
        .from(rateLimitBuckets)
        .where(eq(rateLimitBuckets.key, resetEmailBucketKey(p.email))),
    ).toEqual([]);

    const after = await statistics();
    expect(after).toEqual(before);
    const registryAfter = await listRegistry(h.db, c.consultationId);
    expect(registryAfter.map((r) => r.id)).toEqual(registryBefore.map((r) => r.id));
    const entry = registryAfter.find((r) => r.endorserErased);
    expect(entry).toMatchObject({ endorserName: "", endorserDesignation: "", stakeholderGroup: "academia", withdrawnAt: null });

    // The kept comments stay published, shown as a former participant's of their group.
    const states = await h.db.select({ id: comments.id, state: comments.state }).from(comments).where(eq(comments.authorId, p.actor.id));
    expect(states.filter((s) => s.state === "published")).toHaveLength(3);
    const threads = await listCommentThreads(h.db, { principleId: c.principleId, viewerId: null, sort: "oldest", start: {} });
    const shown = [...threads.threads, ...threads.replies].filter((t) => p.commentIds.includes(t.id) && t.state === "published");
    expect(shown.length).toBe(3);
    for (const t of shown) expect(t).toMatchObject({ authorErased: true, stakeholderGroup: "academia" });
    for (const t of shown) expect(t.authorName ?? "").toBe("");

    const [account] = await h.db.select().from(users).where(eq(users.id, p.actor.id));
    expect(account).toMatchObject({ name: "", designation: "", email: `erased-${p.actor.id}@invalid`, emailConfirmedAt: null });
    expect(account?.erasedAt).toBeInstanceOf(Date);
    // The proof of consent stays, marked withdrawn.
    const consents = await h.db.select().from(privacyConsents).where(eq(privacyConsents.userId, p.actor.id));
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ noticeVersion: PRIVACY_NOTICE_VERSION, adultDeclared: true });
    expect(consents[0]?.withdrawnAt).toBeInstanceOf(Date);
    // The erasure is in the audit log, with nothing personal in it.
    const logged = await h.db.select().from(auditLog).where(eq(auditLog.action, "account.erased"));
    expect(logged.find((l) => l.targetId === p.actor.id)).toMatchObject({ details: { comments: "keep", withdrawn: 0 } });
  });

  it("an unconfirmed account with someone else's address erases none of what that person sent signed out", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const victim = `victim.${tag}@erasure-victim.example`;
    const grievance = await submitGrievance(h.db, null, {
      input: grievanceSchema.parse({
        name: `Victim ${tag}`,
        email: victim,
        message: "A grievance sent signed out by the real holder of the address.",
        formToken: crypto.randomUUID(),
        stamp: signFormStamp(Date.now() - 10_000, SECRET),
      }),
      language: "en",
      address: address(),
      secret: SECRET,
    });
    expect(grievance.ok).toBe(true);
    const feedback = await submitFeedback(h.db, null, {
      input: feedbackSchema.parse({
        name: `Victim ${tag}`,
        email: victim,
        message: "Feedback sent signed out by the real holder of the address.",
        formToken: crypto.randomUUID(),
      }),
      language: "en",
      address: address(),
    });
    expect(feedback.ok).toBe(true);
    // Mail to the address queued without an account (as a reply to a signed-out message would be).
    await enqueueEmail(h.db, { userId: null, toAddress: victim, subject: `For the victim ${tag}`, body: "Hello." });

    const registered = await registerParticipant(
      h.db,
      {
        email: victim.toUpperCase(),
        name: `Impostor ${tag}`,
        passwordHash: await hashPassword(PASSWORD),
        stakeholderGroup: "academia",
        designation: "",
        preferredLanguage: "en",
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: new Date(),
      },
      { kind: "none" },
    );
    if (!registered.ok) throw new Error(registered.error);
    const impostor: Person = {
      actor: { id: registered.user.id, role: "participant", stakeholderGroup: "academia" },
      email: victim,
      name: `Impostor ${tag}`,
      sessionVersion: registered.user.sessionVersion,
      commentIds: [],
    };
    expect(await erase(impostor, "keep")).toEqual({ ok: true, withdrawn: 0 });

    const g = await h.db
      .select()
      .from(grievances)
      .where(sql`message like 'A grievance sent signed out by the real holder%'`);
    expect(g).toEqual([expect.objectContaining({ name: `Victim ${tag}`, email: victim, userId: null })]);
    const f = await h.db
      .select()
      .from(siteFeedback)
      .where(sql`message like 'Feedback sent signed out by the real holder%'`);
    expect(f).toEqual([expect.objectContaining({ name: `Victim ${tag}`, email: victim, userId: null })]);
    expect(await h.db.select().from(outboundEmails).where(eq(outboundEmails.toAddress, victim))).toHaveLength(1);
    // The impostor's own account is erased all the same.
    expect(await tracesOf(h.db, `Impostor ${tag}`)).toEqual([]);
  });

  it("once the address is confirmed, mail queued to it without an account goes with the account", async () => {
    const p = await richParticipant(h.db, c, other);
    await h.db.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, p.actor.id));
    await enqueueEmail(h.db, { userId: null, toAddress: p.email.toUpperCase(), subject: "Queued before the account", body: "Hello." });
    expect(await erase(p, "keep")).toEqual({ ok: true, withdrawn: 0 });
    expect(await tracesOf(h.db, p.email)).toEqual([]);
  });

  it("withdraw: the comments are withdrawn as their author would withdraw them, and drop out of the counts", async () => {
    const p = await richParticipant(h.db, c, other);
    const before = await statistics();
    const published = await h.db
      .select({ id: comments.id })
      .from(comments)
      .where(sql`${comments.authorId} = ${p.actor.id} and ${comments.state} = 'published'`);
    const result = await erase(p, "withdraw");
    // The published ones and the hidden one.
    expect(result).toEqual({ ok: true, withdrawn: published.length + 1 });
    const states = await h.db
      .select({ id: comments.id, state: comments.state, withdrawnAt: comments.withdrawnAt })
      .from(comments)
      .where(eq(comments.authorId, p.actor.id));
    expect(states).toHaveLength(p.commentIds.length);
    for (const s of states) expect(s).toMatchObject({ state: "withdrawn", withdrawnAt: expect.any(Date) });

    const after = await statistics();
    // Endorsements are untouched; the published comment count falls by exactly the withdrawn ones.
    expect(after.endorsements).toEqual(before.endorsements);
    expect(after.events).toEqual(before.events);
    const total = (xs: { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
    expect(total(after.comments)).toBe(total(before.comments) - published.length);
    // The counters agree with a recount from the comments themselves.
    const [recount] = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from comments where consultation_id = ${c.consultationId} and state = 'published'`,
    );
    const [kept] = await rows<{ n: number }>(
      h.db,
      sql`select coalesce(sum(n), 0)::int as n from ${principleCommentCounts} where consultation_id = ${c.consultationId}`,
    );
    expect(Number(kept?.n)).toBe(Number(recount?.n));
    // The report they made stays (settled or not), attributed only to the account id.
    expect(await h.db.select().from(reports).where(eq(reports.reporterId, p.actor.id))).toHaveLength(1);
    expect(await tracesOf(h.db, p.name)).toEqual([]);
    expect(await tracesOf(h.db, p.email)).toEqual([]);
  });

  it("withdraw: hidden and held comments are withdrawn too, the appeal closes, and no moderation path brings one back", async () => {
    const p = await richParticipant(h.db, c, other);
    const hidden = p.commentIds[3]!;
    const pre = await moderatedConsultation(h.db, { preModeration: true });
    const held = await postComment(h.db, p.actor, { slug: pre.slug, principleSlug: pre.principleSlug });
    const [appeal] = await h.db.select({ id: appeals.id }).from(appeals).where(eq(appeals.appellantId, p.actor.id));
    if (!appeal) throw new Error("no appeal");
    // Before the erasure the hidden comment's appeal waits for a reviewer and the held comment for a moderator.
    expect((await listModerationQueue(h.db, c.consultationId)).appeals.map((a) => a.id)).toContain(appeal.id);
    expect((await listModerationQueue(h.db, pre.consultationId)).items.map((i) => i.id)).toContain(held);

    const result = await erase(p, "withdraw");
    expect(result.ok).toBe(true);

    // The appeal is closed (its decision is no longer in force): off the queue, and no reviewer can decide it;
    // neither a moderator's restore nor an approval brings a comment back.
    const queue = await listModerationQueue(h.db, c.consultationId);
    expect(queue.appeals.map((a) => a.id)).not.toContain(appeal.id);
    expect(queue.hidden.map((x) => x.id)).not.toContain(hidden);
    expect((await listModerationQueue(h.db, pre.consultationId)).items.map((i) => i.id)).not.toContain(held);
    const reviewer = await newStaff(h.db, "admin");
    const countsBefore = await statistics();
    expect(await decideAppeal(h.db, reviewer, { appealId: appeal.id, outcome: "reversed", note: "" })).toEqual({
      ok: false,
      error: "decisionSuperseded",
    });
    expect(await moderateComment(h.db, reviewer, { commentId: hidden, action: "restore", ruleId: null, note: "" })).toEqual({
      ok: false,
      error: "invalidTransition",
    });
    expect(await moderateComment(h.db, reviewer, { commentId: held, action: "approve", ruleId: null, note: "" })).toEqual({
      ok: false,
      error: "invalidTransition",
    });
    expect(await statistics()).toEqual(countsBefore);

    expect(result).toEqual({ ok: true, withdrawn: p.commentIds.length + 1 });
    const [logged] = await h.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(sql`${auditLog.action} = 'account.erased' and ${auditLog.targetId} = ${p.actor.id}`);
    expect(logged?.details).toEqual({ comments: "withdraw", withdrawn: p.commentIds.length + 1, hidden: 1, held: 1, appealsClosed: 1 });
    const after = await h.db.select({ state: comments.state }).from(comments).where(eq(comments.authorId, p.actor.id));
    expect(after).toHaveLength(p.commentIds.length + 1);
    expect(new Set(after.map((s) => s.state))).toEqual(new Set(["withdrawn"]));
  });

  it("keep: a hidden comment stays hidden and a held one held, as a former participant's; the appeal can still be decided", async () => {
    const p = await richParticipant(h.db, c, other);
    const hidden = p.commentIds[3]!;
    const pre = await moderatedConsultation(h.db, { preModeration: true });
    const held = await postComment(h.db, p.actor, { slug: pre.slug, principleSlug: pre.principleSlug });
    expect(await erase(p, "keep")).toEqual({ ok: true, withdrawn: 0 });
    const state = async (id: number) => (await h.db.select({ state: comments.state }).from(comments).where(eq(comments.id, id)))[0]?.state;
    expect(await state(hidden)).toBe("hidden");
    expect(await state(held)).toBe("awaiting_moderation");
    const [logged] = await h.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(sql`${auditLog.action} = 'account.erased' and ${auditLog.targetId} = ${p.actor.id}`);
    expect(logged?.details).toEqual({ comments: "keep", withdrawn: 0, hidden: 0, held: 0, appealsClosed: 0 });
    // The record stays as it was: the appeal still waits for a reviewer, and the hidden comment names nobody.
    const [appeal] = await h.db.select({ id: appeals.id }).from(appeals).where(eq(appeals.appellantId, p.actor.id));
    expect((await listModerationQueue(h.db, c.consultationId)).appeals.map((a) => a.id)).toContain(appeal?.id);
    const [author] = await h.db.select({ name: users.name, erasedAt: users.erasedAt }).from(users).where(eq(users.id, p.actor.id));
    expect(author).toEqual({ name: "", erasedAt: expect.any(Date) });
  });

  it("every session of the account stops working, and it can no longer sign in", async () => {
    const p = await richParticipant(h.db, c, other);
    const nowS = Math.floor(Date.now() / 1000);
    const [current] = await h.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, p.actor.id));
    const claims = { sub: p.actor.id, sv: current!.sv, authAt: nowS, seenAt: nowS };
    expect(await userForClaims(h.db, claims, nowS)).not.toBeNull();
    expect((await erase(p, "keep")).ok).toBe(true);
    expect(await userForClaims(h.db, claims, nowS)).toBeNull();
    expect(await authenticate(h.db, { email: p.email, password: PASSWORD, address: address() })).toEqual({
      ok: false,
      error: "invalidCredentials",
    });
    expect(await authenticate(h.db, { email: `erased-${p.actor.id}@invalid`, password: PASSWORD, address: address() })).toEqual({
      ok: false,
      error: "invalidCredentials",
    });
    // The address is free again: the person may make a new account with it.
    const again = await registerParticipant(
      h.db,
      {
        email: p.email,
        name: "Back Again",
        passwordHash: "x",
        stakeholderGroup: "academia",
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: new Date(),
      },
      { kind: "none" },
    );
    expect(again.ok).toBe(true);
  });

  it("needs the current password, and a second erasure (double submit) finds nothing to do", async () => {
    const p = await richParticipant(h.db, c, other);
    expect(await erase(p, "withdraw", "not the password at all")).toEqual({ ok: false, error: "wrongPassword" });
    const [still] = await h.db.select({ name: users.name, erasedAt: users.erasedAt }).from(users).where(eq(users.id, p.actor.id));
    expect(still).toEqual({ name: p.name, erasedAt: null });
    expect(
      await eraseOwnAccount(h.db, null, { input: { currentPassword: PASSWORD, comments: "keep", confirm: "yes" }, address: null }),
    ).toEqual({ ok: false, error: "unauthenticated" });
    const [a, b] = await Promise.all([erase(p, "keep"), erase(p, "keep")]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
  });
});
