import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { notify } from "@/db/queries/notifications";
import { enqueueEmail, markEmailSent } from "@/db/queries/outbox";
import { collectPersonalData, type PersonalData } from "@/db/queries/personal-data";
import { insertSummaryVersion } from "@/db/queries/summaries";
import { registerParticipant } from "@/db/queries/users";
import { commentCosigners, emailConfirmations, notificationPreferences, outboundEmails, passwordResets, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/authenticate";
import { editComment } from "@/lib/commands/comments";
import { requestEmailChange } from "@/lib/commands/email-change";
import { eraseOwnAccount } from "@/lib/commands/erasure";
import { requestPasswordReset } from "@/lib/commands/password-reset";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { submitFeedback } from "@/lib/commands/feedback";
import { submitGrievance } from "@/lib/commands/grievances";
import { appealDecision, moderateComment, reportComment } from "@/lib/commands/moderation";
import { signFormStamp } from "@/lib/rules/form-timing";
import { DOWNLOAD_SECTIONS, PRIVACY_NOTICE_ITEMS, PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { feedbackSchema } from "@/lib/validation/feedback";
import { grievanceSchema } from "@/lib/validation/privacy";
import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";
import { freshDatabase, testEngines } from "../support/engines";
import { newActor, newOrganisation, SECRET, type SignedIn } from "./consultation-fixtures";
import { moderatedConsultation, newStaff, postComment, type ModeratedConsultation } from "./moderation-fixtures";

/** One participant's whole footprint; two of them are made, and each export must hold only its own. */
async function participant(h: DbHandle, c: ModeratedConsultation, other: number, label: string) {
  const tag = `${label}-${crypto.randomUUID().slice(0, 8)}`;
  const email = `${tag}@personal-data.example`;
  const registered = await registerParticipant(
    h.db,
    {
      email,
      name: `Person ${tag}`,
      passwordHash: "not-used",
      stakeholderGroup: "technical_community",
      designation: "Engineer",
      preferredLanguage: "hi",
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyConsentedAt: new Date(),
    },
    { kind: "new", name: `Org ${tag}` },
  );
  if (!registered.ok) throw new Error(registered.error);
  const actor: SignedIn = { id: registered.user.id, role: "participant", stakeholderGroup: "technical_community" };
  // A proven address: mail and sign-in attempts are then matched by it too.
  await h.db.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, actor.id));
  await h.db.insert(notificationPreferences).values({ userId: actor.id, citation: false });
  // Network addresses unique to this person (documentation range), to tell whose rows are whose.
  const hex = crypto.randomUUID().replaceAll("-", "");
  const ip = `2001:db8::${hex.slice(0, 4)}:${hex.slice(4, 8)}`;
  const adminIp = `2001:db8::${hex.slice(8, 12)}:${hex.slice(12, 16)}`;
  expect(await authenticate(h.db, { email: email.toUpperCase(), password: "not the password", address: ip })).toMatchObject({ ok: false });
  expect(
    await eraseOwnAccount(h.db, actor, {
      input: { currentPassword: "not the password either", comments: "keep", confirm: "yes" },
      address: ip,
    }),
  ).toEqual({ ok: false, error: "wrongPassword" });
  const newEmail = `new-${tag}@personal-data.example`;
  expect(await requestEmailChange(h.db, actor, { newEmail })).toEqual({ ok: true });
  expect(await requestPasswordReset(h.db, { email, client: null })).toEqual({ ok: true });
  // Mail queued to the address before it had an account: theirs, since the address is proven.
  await enqueueEmail(h.db, { userId: null, toAddress: email, subject: `Before the account ${tag}`, body: "Hello." });
  await h.db.transaction((tx) =>
    notify(tx, {
      userId: actor.id,
      kind: "consultation_opened",
      consultationId: c.consultationId,
      dedupeKey: `opened:${c.consultationId}`,
    }),
  );
  const target = { slug: c.slug, principleSlug: c.principleSlug };
  const commentId = await postComment(h.db, actor, target, { body: `Original text ${tag} ${crypto.randomUUID()}` });
  expect((await editComment(h.db, actor, { commentId, body: `Edited text ${tag} ${crypto.randomUUID()}`, stance: "opposes" })).ok).toBe(
    true,
  );
  const hidden = await postComment(h.db, actor, target, { body: `To be hidden ${tag} ${crypto.randomUUID()}` });
  const moderator = await newStaff(h.db, "moderator");
  const decision = await moderateComment(h.db, moderator, {
    commentId: hidden,
    action: "hide",
    ruleId: c.rules[0]!.id,
    note: "",
  });
  if (!decision.ok) throw new Error(decision.error);
  expect((await appealDecision(h.db, actor, { decisionId: decision.decisionId, statement: `Appeal ${tag}: please look again.` })).ok).toBe(
    true,
  );
  // The security log: what they did, what an administrator did to their account, and what they did to another's.
  const admin = await newStaff(h.db, "admin");
  const someoneElse = await newActor(h.db, "academia");
  await recordAudit(h.db, {
    action: "export.contributions",
    actorId: actor.id,
    actorRole: "participant",
    address: ip,
    targetType: "user",
    targetId: actor.id,
    details: { comments: 2 },
  });
  await recordAudit(h.db, {
    action: "role.changed",
    actorId: admin.id,
    actorRole: "admin",
    address: adminIp,
    targetType: "user",
    targetId: actor.id,
    details: { role: "participant" },
  });
  await recordAudit(h.db, {
    action: "moderation.decision",
    actorId: admin.id,
    actorRole: "admin",
    address: adminIp,
    targetType: "comment",
    targetId: String(hidden),
    details: { action: "hide" },
  });
  await recordAudit(h.db, {
    action: "authorisation.denied",
    actorId: actor.id,
    actorRole: "participant",
    address: ip,
    targetType: "user",
    targetId: someoneElse.id,
    details: { operation: "changeRole", reason: "forbidden" },
  });
  const endorsed = await endorse(h.db, actor, {
    consultationSlug: c.slug,
    input: { target: "consultation", capacity: "personal", statement: "" },
  });
  if (!endorsed.ok) throw new Error(endorsed.error);
  expect((await withdrawEndorsement(h.db, actor, { endorsementId: endorsed.id })).ok).toBe(true);
  expect((await reportComment(h.db, actor, { commentId: other, reason: "spam", details: `Report ${tag}` })).ok).toBe(true);
  await submitFeedback(h.db, actor, {
    input: feedbackSchema.parse({ message: `Feedback ${tag} about the site.`, formToken: crypto.randomUUID() }),
    language: "hi",
    address: null,
  });
  await submitGrievance(h.db, actor, {
    input: grievanceSchema.parse({
      name: `Person ${tag}`,
      email,
      message: `Grievance ${tag}, sent while signed in.`,
      formToken: crypto.randomUUID(),
      stamp: signFormStamp(Date.now() - 10_000, SECRET),
    }),
    language: "en",
    address: null,
    secret: SECRET,
  });
  return { actor, tag, email, newEmail, ip, adminIp, admin, someoneElse, moderator, commentId, hidden };
}

describe.each(testEngines())("download my data on %s", (engine) => {
  let h: DbHandle;
  let c: ModeratedConsultation;
  let other: number;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    c = await moderatedConsultation(h.db, { threshold: 10 });
    other = await postComment(h.db, await newActor(h.db, "government"), { slug: c.slug, principleSlug: c.principleSlug });
  });
  afterAll(async () => h?.close());

  /** A participant with a row in every section: co-signing on both sides and a citation besides the fixture's. */
  async function everything(label: string) {
    const a = await participant(h, c, other, label);
    const rep = await newActor(h.db, "private_sector");
    const [asked, cosigned, decidedFor] = [await newOrganisation(h.db), await newOrganisation(h.db), await newOrganisation(h.db)];
    await h.db.insert(commentCosigners).values([
      // Asked of two organisations on their own comment; a representative of one (someone else) confirmed.
      { commentId: a.commentId, organisationId: asked },
      { commentId: a.commentId, organisationId: cosigned, state: "confirmed", decidedBy: rep.id, decidedAt: new Date() },
      // A co-signing decision they took for an organisation, on someone else's comment.
      { commentId: other, organisationId: decidedFor, state: "confirmed", decidedBy: a.actor.id, decidedAt: new Date() },
    ]);
    const version = await insertSummaryVersion(h.db, {
      principleId: c.principleId,
      sections: { overview: `Cites [#${a.commentId}].` },
      publishedByRole: "moderator",
      citations: [{ commentId: a.commentId, section: "overview" }],
    });
    const [sent] = await h.db
      .select({ id: outboundEmails.id })
      .from(outboundEmails)
      .where(eq(outboundEmails.userId, a.actor.id))
      .orderBy(outboundEmails.id)
      .limit(1);
    if (!sent) throw new Error("no mail queued");
    await markEmailSent(h.db, sent.id);
    const data = await collectPersonalData(h.db, a.actor.id);
    if (!data) throw new Error("no data");
    return { a, rep, version, sentId: sent.id, data };
  }

  it("holds every category of what is held about the person", async () => {
    const { a, rep, version, sentId, data } = await everything("alpha");
    expect(data.profile).toMatchObject({ email: a.email, name: `Person ${a.tag}`, designation: "Engineer", preferredLanguage: "hi" });
    expect(data.memberships).toEqual([expect.objectContaining({ organisation: `Org ${a.tag}` })]);
    expect(data.consents).toEqual([
      expect.objectContaining({ noticeVersion: PRIVACY_NOTICE_VERSION, adultDeclared: true, withdrawnAt: null }),
    ]);
    expect(data.notificationPreferences).toMatchObject({ citation: false, reply: true });
    const edited = data.comments.find((x) => x.id === a.commentId);
    expect(edited?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(edited?.versions[0]?.body).toMatch(/^Original text/);
    expect(edited?.body).toMatch(/^Edited text/);
    expect(data.comments.find((x) => x.id === a.hidden)?.state).toBe("hidden");
    expect(data.endorsementEvents.map((e) => e.action)).toEqual(["endorse", "withdraw"]);
    expect(data.reports).toEqual([expect.objectContaining({ commentId: other, details: `Report ${a.tag}` })]);
    expect(data.appeals).toEqual([expect.objectContaining({ statement: `Appeal ${a.tag}: please look again.`, outcome: null })]);
    expect(data.grievances).toEqual([expect.objectContaining({ message: `Grievance ${a.tag}, sent while signed in.` })]);
    expect(data.feedback).toEqual([expect.objectContaining({ message: `Feedback ${a.tag} about the site.` })]);
    expect(data.cosignDecisions).toEqual([expect.objectContaining({ commentId: other, state: "confirmed" })]);

    // Who was asked to co-sign their own comment, and what came of it (not who answered).
    expect(data.cosignRequests).toHaveLength(2);
    expect(data.cosignRequests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ commentId: a.commentId, state: "pending", requestedAt: expect.any(Date), decidedAt: null }),
        expect.objectContaining({ commentId: a.commentId, state: "confirmed", decidedAt: expect.any(Date) }),
      ]),
    );
    // Each notification says what it is about.
    expect(data.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "decision", commentId: a.hidden, decisionId: expect.any(Number) }),
        expect.objectContaining({ kind: "consultation_opened", consultationId: c.consultationId, consultation: c.slug }),
        expect.objectContaining({
          kind: "citation",
          commentId: a.commentId,
          summaryVersionId: expect.any(Number),
          summaryVersion: version,
          summaryPrinciple: c.principleSlug,
        }),
      ]),
    );
    // The decisions about them, the moderator by role only.
    expect(data.moderationDecisions).toEqual([
      expect.objectContaining({ commentId: a.hidden, action: "hide", rule: 1, actorRole: "moderator", consultation: c.slug }),
    ]);

    // Mail queued or sent to them: by account, and to the proven address before it had one; never a body.
    expect(data.mail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ toAddress: a.newEmail, kind: "account", queuedAt: expect.any(Date) }),
        expect.objectContaining({ toAddress: a.email, kind: "account", subject: `Before the account ${a.tag}` }),
        expect.objectContaining({ toAddress: a.email, kind: "notification" }),
        expect.objectContaining({ id: sentId, sentAt: expect.any(Date) }),
      ]),
    );
    const theirMail = await h.db.select({ body: outboundEmails.body }).from(outboundEmails).where(eq(outboundEmails.userId, a.actor.id));
    expect(theirMail.length).toBeGreaterThanOrEqual(4);
    expect(data.mail.filter((m) => m.toAddress === a.newEmail || m.toAddress === a.email)).toHaveLength(data.mail.length);
    for (const m of data.mail) expect(m).not.toHaveProperty("body");
    // The address change waiting for confirmation, and the reset link: when, never the token's fingerprint.
    expect(data.emailConfirmations).toEqual([
      expect.objectContaining({ purpose: "change", email: a.newEmail, usedAt: null, expiresAt: expect.any(Date) }),
    ]);
    expect(data.passwordResets).toEqual([expect.objectContaining({ usedAt: null, expiresAt: expect.any(Date) })]);
    // Sign-in attempts on the proven address, and the attempt to confirm an erasure.
    expect(data.signInAttempts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: "sign_in", emailTried: a.email.toLowerCase(), address: a.ip, succeeded: false }),
        expect.objectContaining({ purpose: "erasure", emailTried: null, address: a.ip, succeeded: false }),
      ]),
    );
    // The security log, as actor or subject: someone else only by role, another account not named.
    expect(data.auditLog).toEqual([
      expect.objectContaining({ action: "export.contributions", as: "actor", address: a.ip, targetId: a.actor.id }),
      expect.objectContaining({ action: "role.changed", as: "subject", actorRole: "admin", address: null, targetId: a.actor.id }),
      expect.objectContaining({
        action: "moderation.decision",
        as: "subject",
        targetType: "comment",
        targetId: String(a.hidden),
        address: null,
      }),
      expect.objectContaining({ action: "authorisation.denied", as: "actor", targetType: "user", targetId: null, address: a.ip }),
    ]);

    // No secret and nobody else's identity: the one-time tokens (raw in the mail, hashed in the tables), the
    // moderator's, administrator's, representative's and other account's ids, the administrator's address.
    const text = JSON.stringify(data);
    for (const { body } of theirMail) for (const token of body.match(/token=[\w-]+/g) ?? []) expect(text).not.toContain(token);
    expect(text).not.toContain("token=");
    const hashes = [
      ...(await h.db.select({ t: emailConfirmations.tokenHash }).from(emailConfirmations).where(eq(emailConfirmations.userId, a.actor.id))),
      ...(await h.db.select({ t: passwordResets.tokenHash }).from(passwordResets).where(eq(passwordResets.userId, a.actor.id))),
    ];
    expect(hashes).toHaveLength(2);
    for (const { t } of hashes) expect(text).not.toContain(t);
    for (const id of [a.moderator.id, a.admin.id, a.someoneElse.id, rep.id]) expect(text).not.toContain(id);
    expect(text).not.toContain(a.adminIp);
  });

  it("has every section the privacy notice promises, each holding the person's own rows", async () => {
    const { data } = await everything("delta");
    const promised = new Set(PRIVACY_NOTICE_ITEMS.flatMap((item) => DOWNLOAD_SECTIONS[item]));
    // A section dropped from the download, or one the notice does not name, fails here.
    expect(Object.keys(data).sort()).toEqual([...promised].sort());
    for (const section of promised) {
      const value: PersonalData[typeof section] = data[section];
      expect(Array.isArray(value) ? value.length : value ? 1 : 0, section).toBeGreaterThan(0);
    }
    // Every item has its row in the notice, in both languages.
    for (const catalogue of [en, hi]) for (const item of PRIVACY_NOTICE_ITEMS) expect(catalogue.privacy.items[item].item).toBeTruthy();
  });

  it("never includes another person's data", async () => {
    const a = await participant(h, c, other, "bravo");
    const b = await participant(h, c, other, "charlie");
    const text = JSON.stringify(await collectPersonalData(h.db, a.actor.id));
    expect(text).toContain(a.tag);
    expect(text).toContain(a.ip);
    for (const theirs of [b.tag, b.email, b.newEmail, b.actor.id, b.ip, b.adminIp]) expect(text).not.toContain(theirs);
    const theirs = JSON.stringify(await collectPersonalData(h.db, b.actor.id));
    expect(theirs).toContain(b.tag);
    expect(theirs).not.toContain(a.tag);
  });

  it("an account whose address is not proven gets none of what was sent signed out from that address", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const victim = `victim-${tag}@personal-data.example`;
    const grievance = await submitGrievance(h.db, null, {
      input: grievanceSchema.parse({
        name: `Victim ${tag}`,
        email: victim,
        message: `Victim's grievance ${tag}, sent signed out.`,
        formToken: crypto.randomUUID(),
        stamp: signFormStamp(Date.now() - 10_000, SECRET),
      }),
      language: "en",
      address: null,
      secret: SECRET,
    });
    expect(grievance.ok).toBe(true);
    const feedback = await submitFeedback(h.db, null, {
      input: feedbackSchema.parse({
        name: `Victim ${tag}`,
        email: victim,
        message: `Victim's feedback ${tag}, sent signed out.`,
        formToken: crypto.randomUUID(),
      }),
      language: "en",
      address: null,
    });
    expect(feedback.ok).toBe(true);
    // The victim tries to sign in with their address, and mail is queued to it without an account.
    const victimIp = `2001:db8::${tag.slice(0, 4)}:${tag.slice(4, 8)}`;
    expect(await authenticate(h.db, { email: victim, password: "whatever it was", address: victimIp })).toMatchObject({ ok: false });
    await enqueueEmail(h.db, { userId: null, toAddress: victim, subject: `For the victim ${tag}`, body: "Hello." });
    // Someone signs up with the victim's address (nothing proves it is theirs: it is never confirmed).
    const registered = await registerParticipant(
      h.db,
      {
        email: victim.toUpperCase(),
        name: `Impostor ${tag}`,
        passwordHash: "not-used",
        stakeholderGroup: "technical_community",
        designation: "",
        preferredLanguage: "en",
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: new Date(),
      },
      { kind: "none" },
    );
    if (!registered.ok) throw new Error(registered.error);
    const data = await collectPersonalData(h.db, registered.user.id);
    expect(data?.profile.emailConfirmedAt).toBeNull();
    expect(data?.grievances).toEqual([]);
    expect(data?.feedback).toEqual([]);
    expect(data?.signInAttempts).toEqual([]);
    expect(data?.mail).toEqual([]);
    const text = JSON.stringify(data);
    for (const theirs of [`Victim ${tag}`, victimIp, `For the victim ${tag}`]) expect(text).not.toContain(theirs);
  });

  it("an unknown account has nothing", async () => {
    expect(await collectPersonalData(h.db, crypto.randomUUID())).toBeUndefined();
  });
});
