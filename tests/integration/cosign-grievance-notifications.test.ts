import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listOtherNotifications } from "@/db/queries/notifications";
import { grievances, notificationPreferences, notifications, outboundEmails, users } from "@/db/schema";
import { requestCosigning } from "@/lib/commands/campaigns";
import { createComment } from "@/lib/commands/comments";
import { submitGrievance } from "@/lib/commands/grievances";
import { readUnsubscribeToken } from "@/lib/email/unsubscribe";
import { signFormStamp } from "@/lib/rules/form-timing";
import { grievanceReference } from "@/lib/rules/privacy";
import { grievanceSchema } from "@/lib/validation/privacy";
import { freshDatabase, testEngines } from "../support/engines";
import { addMembership, commentInput, newActor, newConsultation, newOrganisation, SECRET, type SignedIn } from "./consultation-fixtures";
import { newStaff } from "./moderation-fixtures";

describe.each(testEngines())("co-signing request and grievance notifications on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  const confirm = (...people: SignedIn[]) =>
    h.db
      .update(users)
      .set({ emailConfirmedAt: new Date() })
      .where(
        inArray(
          users.id,
          people.map((p) => p.id),
        ),
      );
  const noticesOf = (userId: string) => h.db.select().from(notifications).where(eq(notifications.userId, userId));
  const mailTo = (userId: string) =>
    h.db
      .select({ subject: outboundEmails.subject, body: outboundEmails.body, unsubscribeUrl: outboundEmails.unsubscribeUrl })
      .from(outboundEmails)
      .where(eq(outboundEmails.userId, userId));
  const orgName = async (id: string) =>
    (await h.db.query.organisations.findFirst({ where: (o, { eq: is }) => is(o.id, id), columns: { name: true } }))!.name;

  it("a co-signing request tells each authorised representative of the organisation asked, in the app and by email per their settings", async () => {
    const c = await newConsultation(h.db, { principleCount: 1 });
    const author = await newActor(h.db, "civil_society");
    const own = await newOrganisation(h.db, { stakeholderGroup: "civil_society" });
    await addMembership(h.db, author.id, own, { verified: true, maySign: false });
    const asked = await newOrganisation(h.db, { stakeholderGroup: "academia" });
    const other = await newOrganisation(h.db, { stakeholderGroup: "technical_community" });
    // Representatives of the organisation asked: English, Hindi, one who switched these emails off, and one whose
    // address is not confirmed.
    const [rep, repHindi, repQuiet, repUnconfirmed] = await Promise.all([1, 2, 3, 4].map(() => newActor(h.db, "academia")));
    for (const r of [rep!, repHindi!, repQuiet!, repUnconfirmed!])
      await addMembership(h.db, r.id, asked, { verified: true, maySign: true });
    await h.db.update(users).set({ preferredLanguage: "hi" }).where(eq(users.id, repHindi!.id));
    await h.db.insert(notificationPreferences).values({ userId: repQuiet!.id, cosign: false });
    // Not representatives: a member without the authority, one whose membership is not verified, another
    // organisation's representative. The author may sign for the organisation asked too, and asked herself.
    const member = await newActor(h.db, "academia");
    await addMembership(h.db, member.id, asked, { verified: true, maySign: false });
    const pending = await newActor(h.db, "academia");
    await addMembership(h.db, pending.id, asked, { verified: false, maySign: true });
    const otherRep = await newActor(h.db, "technical_community");
    await addMembership(h.db, otherRep.id, other, { verified: true, maySign: true });
    await addMembership(h.db, author.id, asked, { verified: true, maySign: true });
    await confirm(author, rep!, repHindi!, repQuiet!, member, pending, otherRep);

    const made = await createComment(h.db, author, {
      consultationSlug: c.slug,
      principleSlug: c.principles[0]!.slug,
      input: commentInput({ body: "Our organisations ask for a list of the sectors the principle protects.", capacity: own }),
      language: "en",
      secret: SECRET,
    });
    if (!made.ok) throw new Error(made.error);
    expect(await requestCosigning(h.db, author, { commentId: made.id, organisationId: asked })).toEqual({ ok: true, added: true });

    const told = await h.db
      .select({ userId: notifications.userId, commentId: notifications.commentId, organisationId: notifications.organisationId })
      .from(notifications)
      .where(eq(notifications.kind, "cosign_request"));
    expect(told.map((n) => n.userId).sort()).toEqual([rep!.id, repHindi!.id, repQuiet!.id, repUnconfirmed!.id].sort());
    expect(told.every((n) => n.commentId === made.id && n.organisationId === asked)).toBe(true);

    const [ownName, askedName] = [await orgName(own), await orgName(asked)];
    const [mail] = await mailTo(rep!.id);
    expect(mail?.subject).toBe(`Samvad: ${ownName} asks ${askedName} to co-sign a comment`);
    expect(mail?.body).toContain("/en/cosign");
    expect(readUnsubscribeToken(new URL(mail!.unsubscribeUrl!).searchParams.get("token"))).toEqual({ userId: rep!.id, kind: "cosign" });
    const [hindi] = await mailTo(repHindi!.id);
    expect(hindi?.subject).toBe(`संवाद: ${ownName} ने ${askedName} से एक टिप्पणी पर सह-हस्ताक्षर का अनुरोध किया है`);
    expect(hindi?.body).toContain("/hi/cosign");
    expect(await mailTo(repQuiet!.id)).toEqual([]);
    expect(await mailTo(repUnconfirmed!.id)).toEqual([]);
    for (const p of [member, pending, otherRep, author]) expect(await noticesOf(p.id)).toEqual([]);

    // What the notifications page shows: who asks, and for which organisation.
    const [shown] = await listOtherNotifications(h.db, rep!.id);
    expect(shown).toMatchObject({ kind: "cosign_request", byOrganisation: ownName, organisationName: askedName });

    // Asking again tells nobody again; asking another organisation tells its representative.
    expect(await requestCosigning(h.db, author, { commentId: made.id, organisationId: asked })).toEqual({ ok: true, added: false });
    expect(await noticesOf(rep!.id)).toHaveLength(1);
    expect(await mailTo(rep!.id)).toHaveLength(1);
    expect(await requestCosigning(h.db, author, { commentId: made.id, organisationId: other })).toEqual({ ok: true, added: true });
    expect(await noticesOf(otherRep.id)).toMatchObject([{ kind: "cosign_request", organisationId: other }]);
    expect(await noticesOf(rep!.id)).toHaveLength(1);
  });

  it("a new grievance tells every administrator in the app only, once however often the form is sent", async () => {
    const [admin, secondAdmin, erasedAdmin] = [await newStaff(h.db, "admin"), await newStaff(h.db, "admin"), await newStaff(h.db, "admin")];
    await h.db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, erasedAdmin.id));
    const moderator = await newStaff(h.db, "moderator");
    const participant = await newActor(h.db);
    await confirm(admin, secondAdmin, moderator, participant);
    const form = grievanceSchema.parse({
      name: "Meera Iyer",
      email: "meera@example.org",
      message: "My comment was hidden and I was not told which rule it broke.",
      formToken: crypto.randomUUID(),
      stamp: signFormStamp(Date.now() - 10_000, SECRET),
    });
    const send = () =>
      submitGrievance(h.db, participant, { input: form, language: "en", address: "192.0.2.77", secret: SECRET, minFillMs: 3000 });
    const sent = await send();
    if (!sent.ok) throw new Error(sent.error);
    const [stored] = await h.db.select().from(grievances).where(eq(grievances.formToken, form.formToken));

    for (const a of [admin, secondAdmin]) {
      expect(await noticesOf(a.id)).toMatchObject([{ kind: "grievance", grievanceId: stored!.id, dedupeKey: `grievance:${stored!.id}` }]);
      // Its personal data stays behind sign-in: no email.
      expect(await mailTo(a.id)).toEqual([]);
    }
    for (const p of [erasedAdmin, moderator, participant]) expect(await noticesOf(p.id)).toEqual([]);

    // The same form again (a double click, a reload): the same grievance, no second notice.
    expect(await send()).toEqual({ ok: true, reference: sent.reference, duplicate: true });
    expect(await noticesOf(admin.id)).toHaveLength(1);

    // The notifications page names it by the reference the sender was given.
    const [shown] = await listOtherNotifications(h.db, admin.id);
    expect(shown?.grievanceId).toBe(stored!.id);
    expect(grievanceReference(shown!.grievanceId!, shown!.grievanceCreatedAt!)).toBe(sent.reference);
    expect(shown?.grievanceResolvedAt).toBeNull();
    expect(
      await h.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, "grievance"), eq(notifications.grievanceId, stored!.id))),
    ).toHaveLength(2);
  });
});
