import { and, eq, isNull, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import type { Db } from "./client";
import { consultations, memberships, moderationRules, organisations, principles, users, type NewUser } from "./schema";
import { demoAccounts, demoOrganisations, DEMO_PASSWORD } from "./seed-accounts";
import { seedDemoContributions } from "./seed-contributions";
import { parisCall, parisCallPilot, parisCallPrinciples } from "./seed-content";
import { parisCallRules } from "./seed-rules";

const DAY = 24 * 60 * 60 * 1000;

/** The Paris Call consultation with its nine principles. Idempotent: existing rows are left as they are. */
export async function seedParisCall(db: Db, now = new Date()): Promise<string> {
  return seedConsultation(db, {
    ...parisCall,
    status: "open",
    opensAt: new Date(now.getTime() - 7 * DAY),
    closesAt: new Date(now.getTime() + 60 * DAY),
  });
}

/** A closed pilot round of the same dialogue, so the demo shows a read-only consultation and its report. */
export async function seedClosedPilot(db: Db, now = new Date()): Promise<string> {
  return seedConsultation(db, {
    ...parisCallPilot,
    status: "closed",
    opensAt: new Date(now.getTime() - 120 * DAY),
    closesAt: new Date(now.getTime() - 30 * DAY),
  });
}

async function seedConsultation(
  db: Db,
  c: Pick<
    typeof consultations.$inferInsert,
    "slug" | "title" | "titleHi" | "description" | "descriptionHi" | "status" | "opensAt" | "closesAt"
  >,
): Promise<string> {
  await db.insert(consultations).values(c).onConflictDoNothing();
  const [row] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.slug, c.slug));
  if (!row) throw new Error("seed: consultation missing after insert");
  await db
    .insert(principles)
    .values(parisCallPrinciples.map((p, i) => ({ ...p, consultationId: row.id, position: i + 1 })))
    .onConflictDoNothing();
  await db
    .insert(moderationRules)
    .values(parisCallRules.map((r, i) => ({ ...r, consultationId: row.id, number: i + 1 })))
    .onConflictDoNothing();
  return row.id;
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
  await seedParisCall(db);
  await db
    .insert(organisations)
    .values(demoOrganisations.map(({ verified, ...o }) => ({ ...o, verifiedAt: verified ? new Date() : null })))
    .onConflictDoNothing();
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
}
