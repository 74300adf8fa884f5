import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { collectPersonalData } from "@/db/queries/personal-data";
import { registerParticipant } from "@/db/queries/users";
import { commentCosigners, notificationPreferences } from "@/db/schema";
import { editComment } from "@/lib/commands/comments";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { submitFeedback } from "@/lib/commands/feedback";
import { submitGrievance } from "@/lib/commands/grievances";
import { appealDecision, moderateComment, reportComment } from "@/lib/commands/moderation";
import { signFormStamp } from "@/lib/rules/form-timing";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { feedbackSchema } from "@/lib/validation/feedback";
import { grievanceSchema } from "@/lib/validation/privacy";
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
  await h.db.insert(notificationPreferences).values({ userId: actor.id, citation: false });
  const target = { slug: c.slug, principleSlug: c.principleSlug };
  const commentId = await postComment(h.db, actor, target, { body: `Original text ${tag} ${crypto.randomUUID()}` });
  expect((await editComment(h.db, actor, { commentId, body: `Edited text ${tag} ${crypto.randomUUID()}`, stance: "opposes" })).ok).toBe(
    true,
  );
  const hidden = await postComment(h.db, actor, target, { body: `To be hidden ${tag} ${crypto.randomUUID()}` });
  const decision = await moderateComment(h.db, await newStaff(h.db, "moderator"), {
    commentId: hidden,
    action: "hide",
    ruleId: c.rules[0]!.id,
    note: "",
  });
  if (!decision.ok) throw new Error(decision.error);
  expect((await appealDecision(h.db, actor, { decisionId: decision.decisionId, statement: `Appeal ${tag}: please look again.` })).ok).toBe(
    true,
  );
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
  return { actor, tag, email, commentId, hidden };
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

  it("holds every category of what is held about the person", async () => {
    const a = await participant(h, c, other, "alpha");
    // A co-signing decision taken for an organisation.
    const org = await newOrganisation(h.db);
    await h.db
      .insert(commentCosigners)
      .values({ commentId: other, organisationId: org, state: "confirmed", decidedBy: a.actor.id, decidedAt: new Date() });
    const data = await collectPersonalData(h.db, a.actor.id);
    if (!data) throw new Error("no data");
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
    expect(data.notifications.length).toBeGreaterThanOrEqual(1);
    expect(data.appeals).toEqual([expect.objectContaining({ statement: `Appeal ${a.tag}: please look again.`, outcome: null })]);
    expect(data.grievances).toEqual([expect.objectContaining({ message: `Grievance ${a.tag}, sent while signed in.` })]);
    expect(data.feedback).toEqual([expect.objectContaining({ message: `Feedback ${a.tag} about the site.` })]);
    expect(data.cosignDecisions).toEqual([expect.objectContaining({ commentId: other, state: "confirmed" })]);
    // It serialises as the route sends it.
    expect(() => JSON.stringify(data)).not.toThrow();
  });

  it("never includes another person's data", async () => {
    const a = await participant(h, c, other, "bravo");
    const b = await participant(h, c, other, "charlie");
    const text = JSON.stringify(await collectPersonalData(h.db, a.actor.id));
    expect(text).toContain(a.tag);
    expect(text).not.toContain(b.tag);
    expect(text).not.toContain(b.email);
    expect(text).not.toContain(b.actor.id);
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
    expect(JSON.stringify(data)).not.toContain(`Victim ${tag}`);
  });

  it("an unknown account has nothing", async () => {
    expect(await collectPersonalData(h.db, crypto.randomUUID())).toBeUndefined();
  });
});
