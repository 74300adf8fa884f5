import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { listPrinciples } from "@/db/queries/consultations";
import { consultations, memberships, organisations, principles } from "@/db/schema";
import type { StakeholderGroup } from "@/lib/limits";
import { createUser, seedParisCall } from "@/db/seed";
import type { Actor } from "@/lib/commands/actor";
import { signFormStamp } from "@/lib/rules/form-timing";
import type { CommentInput } from "@/lib/validation/comments";
import { countRows } from "../support/engines";
import { assertNoTableChanges } from "../support/table-snapshot";

/**
 * Fixtures for the consultation-core tests. Every test makes its own users, organisations and (where it matters)
 * its own consultation, so tests never depend on each other's rows and need no truncation (which the
 * append-only trigger on endorsement_events refuses anyway).
 */

export const SECRET = "consultation-test-form-secret";
export const PARIS = "paris-call";
const DAY = 24 * 60 * 60 * 1000;

export type SignedIn = Exclude<Actor, null>;

/** A participant as a command sees them (no password hashing: these tests never sign in). */
/**
 * Test participants signed up a month ago: copies of one text from accounts made in the last day are held past a
 * number (lib/rules/intake-limits.ts, tested in bulk-intake.test.ts), and many tests post the same default text.
 */
export const ESTABLISHED = new Date(Date.now() - 30 * 86_400_000);

export async function newActor(db: Db, stakeholderGroup: StakeholderGroup = "civil_society"): Promise<SignedIn> {
  const u = await createUser(db, { passwordHash: "not-used-by-these-tests", stakeholderGroup, createdAt: ESTABLISHED });
  return { id: u.id, role: "participant", stakeholderGroup };
}

export async function newOrganisation(db: Db, p: { verified?: boolean; stakeholderGroup?: StakeholderGroup } = {}): Promise<string> {
  const [row] = await db
    .insert(organisations)
    .values({
      name: `Org ${crypto.randomUUID()}`,
      stakeholderGroup: p.stakeholderGroup ?? "private_sector",
      verifiedAt: p.verified === false ? null : new Date(),
    })
    .returning({ id: organisations.id });
  if (!row) throw new Error("no organisation row");
  return row.id;
}

export async function addMembership(
  db: Db,
  userId: string,
  organisationId: string,
  p: { verified: boolean; maySign: boolean },
): Promise<void> {
  await db.insert(memberships).values({ userId, organisationId, verifiedAt: p.verified ? new Date() : null, maySign: p.maySign });
}

/** The seeded, open Paris Call (idempotent) with its principles in order. */
export async function parisCall(db: Db) {
  const consultationId = await seedParisCall(db);
  const list = await listPrinciples(db, consultationId);
  expect(list).toHaveLength(9);
  return { consultationId, slug: PARIS, principles: list };
}

/** A consultation of its own, with `principleCount` principles. Default: open for the next 30 days. */
export async function newConsultation(
  db: Db,
  p: { status?: "open" | "closed" | "draft"; opensAt?: Date; closesAt?: Date; principleCount?: number } = {},
) {
  const now = Date.now();
  const slug = `test-${crypto.randomUUID().slice(0, 8)}`;
  const [c] = await db
    .insert(consultations)
    .values({
      slug,
      title: "A test consultation",
      description: "Used by the integration tests.",
      status: p.status ?? "open",
      opensAt: p.opensAt ?? new Date(now - DAY),
      closesAt: p.closesAt ?? new Date(now + 30 * DAY),
    })
    .returning({ id: consultations.id });
  if (!c) throw new Error("no consultation row");
  const count = p.principleCount ?? 2;
  const rows = await db
    .insert(principles)
    .values(
      Array.from({ length: count }, (_, i) => ({
        consultationId: c.id,
        position: i + 1,
        slug: `principle-${i + 1}`,
        title: `Principle ${i + 1}`,
        body: `The text of principle ${i + 1}.`,
      })),
    )
    .returning({ id: principles.id, slug: principles.slug, position: principles.position });
  rows.sort((a, b) => a.position - b.position);
  return { consultationId: c.id, slug, principles: rows };
}

/** A parsed comment form, as the action hands it to createComment. The stamp is 10 s older than `now`. */
export function commentInput(overrides: Partial<CommentInput> = {}, now = new Date()): CommentInput {
  return {
    body: "A considered comment about this principle.",
    stance: "supports",
    capacity: "personal",
    formToken: crypto.randomUUID(),
    stamp: signFormStamp(now.getTime() - 10_000, SECRET),
    website: "",
    ...overrides,
  };
}

export const CORE_TABLES = ["comments", "comment_versions", "endorsements", "endorsement_events"] as const;

export async function coreCounts(h: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of CORE_TABLES) out[t] = await countRows(h, t);
  return out;
}

/**
 * Runs a refused operation and checks that it wrote nothing: every application table's rows are compared
 * before and after (contents, not just counts, so an UPDATE is caught too). Fails naming the changed tables.
 */
export async function expectNoWrites<T>(h: DbHandle, run: () => Promise<T>): Promise<T> {
  return assertNoTableChanges(h.db, run);
}

export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}
