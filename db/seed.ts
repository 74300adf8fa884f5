import { and, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import type { Db } from "./client";
import { consultations, memberships, moderationRules, organisations, principles, users, type NewUser } from "./schema";
import { announceConsultation } from "./queries/notifications";
import { demoAccounts, demoOrganisations, DEMO_PASSWORD } from "./seed-accounts";
import { seedDemoContributions } from "./seed-contributions";
import { seedCampaigns } from "./seed-campaigns";
import { seedPrivacy } from "./seed-privacy";
import { combinedPrincipleTexts, DEMO_OWNER_ORGANISATION, parisCall, parisCallPilot, parisCallPrinciples } from "./seed-content";
import { parisCallRules } from "./seed-rules";

const DAY = 24 * 60 * 60 * 1000;

/** The Paris Call consultation with its nine principles. Idempotent: existing rows are left as they are. */
export async function seedParisCall(db: Db, now = new Date()): Promise<string> {
  const opensAt = new Date(now.getTime() - 7 * DAY);
  const closesAt = new Date(now.getTime() + 60 * DAY);
  // TRAI-style: two weeks after the comment period in which only replies to existing comments are taken.
  const counterClosesAt = new Date(closesAt.getTime() + 14 * DAY);
  return seedConsultation(db, {
    ...parisCall,
    status: "open",
    opensAt,
    closesAt,
    counterClosesAt,
    summaryDueAt: new Date(counterClosesAt.getTime() + 30 * DAY),
    publishedAt: opensAt,
  });
}

/** A closed pilot round of the same dialogue, so the demo shows a read-only consultation and its report. */
export async function seedClosedPilot(db: Db, now = new Date()): Promise<string> {
  const opensAt = new Date(now.getTime() - 120 * DAY);
  const closesAt = new Date(now.getTime() - 30 * DAY);
  const counterClosesAt = new Date(closesAt.getTime() + 7 * DAY);
  return seedConsultation(db, {
    ...parisCallPilot,
    status: "closed",
    opensAt,
    closesAt,
    counterClosesAt,
    summaryDueAt: new Date(counterClosesAt.getTime() + 14 * DAY),
    publishedAt: opensAt,
    closedAt: counterClosesAt,
  });
}

type SeedConsultation = Pick<
  typeof consultations.$inferInsert,
  | "slug"
  | "title"
  | "titleHi"
  | "description"
  | "descriptionHi"
  | "status"
  | "opensAt"
  | "closesAt"
  | "counterClosesAt"
  | "summaryDueAt"
  | "referencePrefix"
  | "publishedAt"
  | "closedAt"
>;

async function seedConsultation(db: Db, c: SeedConsultation): Promise<string> {
  // The owner exists once the demo's organisations do (tests that seed only the consultation have none).
  const [owner] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, DEMO_OWNER_ORGANISATION));
  await db
    .insert(consultations)
    .values({ ...c, ownerOrganisationId: owner?.id ?? null, updatedAt: c.publishedAt ?? undefined })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: consultations.id, closesAt: consultations.closesAt })
    .from(consultations)
    .where(eq(consultations.slug, c.slug));
  if (!row) throw new Error("seed: consultation missing after insert");
  await fillMissingSchedule(db, row, c, owner?.id ?? null);
  await db
    .insert(principles)
    .values(parisCallPrinciples.map((p, i) => ({ ...p, consultationId: row.id, position: i + 1, updatedAt: c.publishedAt ?? undefined })))
    .onConflictDoNothing();
  // A database seeded before the official text and the explainer were apart holds both in the body: split those.
  for (const old of combinedPrincipleTexts) {
    const split = parisCallPrinciples.find((p) => p.slug === old.slug);
    if (!split) continue;
    await db
      .update(principles)
      .set({ body: split.body, bodyHi: split.bodyHi, explainer: split.explainer, explainerHi: split.explainerHi })
      .where(
        and(
          eq(principles.consultationId, row.id),
          eq(principles.slug, old.slug),
          eq(principles.body, old.body),
          isNull(principles.explainer),
        ),
      );
  }
  await db
    .insert(moderationRules)
    .values(parisCallRules.map((r, i) => ({ ...r, consultationId: row.id, number: i + 1 })))
    .onConflictDoNothing();
  return row.id;
}

/**
 * A demo database made before consultations had an owner, a reference prefix and a full schedule gets them, counted
 * from its own closing date; anything already set (or changed by an admin) is left alone.
 */
async function fillMissingSchedule(db: Db, row: { id: string; closesAt: Date }, c: SeedConsultation, ownerId: string | null) {
  const shift = (d: Date | null | undefined) => (d ? new Date(row.closesAt.getTime() + (d.getTime() - c.closesAt.getTime())) : null);
  const fills = [
    { column: consultations.ownerOrganisationId, set: { ownerOrganisationId: ownerId } },
    { column: consultations.counterClosesAt, set: { counterClosesAt: shift(c.counterClosesAt) } },
    { column: consultations.summaryDueAt, set: { summaryDueAt: shift(c.summaryDueAt) } },
    { column: consultations.closedAt, set: { closedAt: shift(c.closedAt) } },
  ];
  for (const f of fills) {
    if (Object.values(f.set)[0] === null) continue;
    await db
      .update(consultations)
      .set(f.set)
      .where(and(eq(consultations.id, row.id), isNull(f.column)));
  }
  // "SV" is the column's default: a consultation seeded before it had a prefix of its own.
  if (c.referencePrefix) {
    await db
      .update(consultations)
      .set({ referencePrefix: c.referencePrefix })
      .where(and(eq(consultations.id, row.id), eq(consultations.referencePrefix, "SV")));
  }
}

/** A participant for tests and the demo; the factory the tests reuse. */
export async function createUser(
  db: Db,
  overrides: Partial<NewUser> & { password?: string } = {},
): Promise<{ id: string; email: string; sessionVersion: number }> {
  const { password = DEMO_PASSWORD, ...rest } = overrides;
  const [row] = await db
    .insert(users)
    .values({
      email: `user-${crypto.randomUUID()}@example.org`,
      name: "Test Participant",
      stakeholderGroup: "civil_society",
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      privacyConsentedAt: new Date(),
      ...rest,
      passwordHash: rest.passwordHash ?? (await hashPassword(password)),
    })
    .returning({ id: users.id, email: users.email, sessionVersion: users.sessionVersion });
  if (!row) throw new Error("createUser: no row");
  return row;
}

export async function seedDemo(db: Db): Promise<void> {
  // Organisations first: the consultations name their owner.
  await db
    .insert(organisations)
    .values(demoOrganisations.map(({ verified, ...o }) => ({ ...o, verifiedAt: verified ? new Date() : null })))
    .onConflictDoNothing();
  await seedParisCall(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    await db
      .insert(users)
      .values({
        email: account.email,
        name: account.name,
        role: account.role,
        stakeholderGroup: account.stakeholderGroup,
        designation: account.designation,
        passwordHash,
        // The demo's addresses are fictional; they count as confirmed so the demo shows verified members.
        emailConfirmedAt: new Date(),
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
        privacyConsentedAt: new Date(),
      })
      .onConflictDoNothing();
    // A demo database made before addresses were confirmed gets its demo accounts confirmed too.
    await db
      .update(users)
      .set({ emailConfirmedAt: new Date() })
      .where(and(sql`lower(${users.email}) = ${account.email}`, isNull(users.emailConfirmedAt)));
    if (!account.organisation) continue;
    const [user] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${account.email}`);
    const [org] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.name, account.organisation)));
    if (!user || !org) throw new Error(`seed: ${account.key} has no user or organisation`);
    await db
      .insert(memberships)
      .values({
        userId: user.id,
        organisationId: org.id,
        verifiedAt: account.membershipVerified ? new Date() : null,
        maySign: account.maySign ?? false,
      })
      .onConflictDoNothing();
  }
  await seedClosedPilot(db);
  await seedDemoContributions(db);
  await seedCampaigns(db);
  await seedPrivacy(db);
  // The open round opened a week before the seed, outside the window in which the periodic job announces an
  // opening: announce it now, once, so every demo account has the notice (and a demo outbox its email copies).
  const [open] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, parisCall.slug));
  if (open) await announceConsultation(db, { consultationId: open.id, kind: "opened" });
}
