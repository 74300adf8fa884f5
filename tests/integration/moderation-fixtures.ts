import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { consultations, moderationRules, users } from "@/db/schema";
import type { Role, StakeholderGroup } from "@/lib/limits";
import { createUser } from "@/db/seed";
import { createComment } from "@/lib/commands/comments";
import {
  addMembership,
  commentInput,
  ESTABLISHED,
  newActor,
  newConsultation,
  newOrganisation,
  rows,
  SECRET,
  type SignedIn,
} from "./consultation-fixtures";
import type { CommentInput } from "@/lib/validation/comments";

/**
 * Fixtures for the moderation and authorisation tests. Like consultation-fixtures, every test makes its own
 * people and (where counts matter) its own consultation, so no test depends on another's rows.
 */

/** A user with a role other than participant, as a command sees them. */
export async function newStaff(
  db: Db,
  role: Exclude<Role, "participant">,
  stakeholderGroup: StakeholderGroup = "technical_community",
): Promise<SignedIn> {
  const u = await createUser(db, { passwordHash: "not-used-by-these-tests", stakeholderGroup, role, createdAt: ESTABLISHED });
  return { id: u.id, role, stakeholderGroup };
}

/** A participant whose account a moderator has blocked from writing (set in the database and on the actor). */
export async function newBlockedActor(db: Db, stakeholderGroup: StakeholderGroup = "civil_society"): Promise<SignedIn> {
  const a = await newActor(db, stakeholderGroup);
  return blockInDatabase(db, a);
}

export async function blockInDatabase(db: Db, a: SignedIn): Promise<SignedIn> {
  const at = new Date();
  await db.update(users).set({ writeBlockedAt: at }).where(eq(users.id, a.id));
  return { ...a, writeBlockedAt: at };
}

/** A verified member of a verified organisation with the authority to sign for it. */
export async function newOrganisationRepresentative(db: Db): Promise<{ actor: SignedIn; organisationId: string }> {
  const organisationId = await newOrganisation(db, { verified: true, stakeholderGroup: "private_sector" });
  const actor = await newActor(db, "academia");
  await addMembership(db, actor.id, organisationId, { verified: true, maySign: true });
  return { actor, organisationId };
}

/** A consultation of its own with two numbered moderation rules, an auto-hide threshold and pre-moderation. */
export async function moderatedConsultation(db: Db, p: { threshold?: number; preModeration?: boolean } = {}) {
  const c = await newConsultation(db, { principleCount: 2 });
  await db
    .update(consultations)
    .set({ autoHideThreshold: p.threshold ?? 3, preModeration: p.preModeration ?? false })
    .where(eq(consultations.id, c.consultationId));
  const rules = await db
    .insert(moderationRules)
    .values(
      [1, 2].map((number) => ({ consultationId: c.consultationId, number, title: `Rule ${number}`, body: `The text of rule ${number}.` })),
    )
    .returning({ id: moderationRules.id, number: moderationRules.number });
  rules.sort((a, b) => a.number - b.number);
  return { ...c, rules, principleSlug: c.principles[0]!.slug, principleId: c.principles[0]!.id };
}

export type ModeratedConsultation = Awaited<ReturnType<typeof moderatedConsultation>>;

/** A comment by `author` on the consultation's first principle; throws when refused (setup, not the test). */
export async function postComment(
  db: Db,
  author: SignedIn,
  c: { slug: string; principleSlug: string },
  overrides: Partial<CommentInput> = {},
): Promise<number> {
  const r = await createComment(db, author, {
    consultationSlug: c.slug,
    principleSlug: c.principleSlug,
    input: commentInput(overrides),
    language: "en",
    secret: SECRET,
  });
  if (!r.ok) throw new Error(`setup comment refused: ${r.error}`);
  return r.id;
}

async function publicTables(db: Db): Promise<string[]> {
  const list = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  return list.map((t) => t.name);
}

/**
 * Every row of every application table, as sorted JSON text: equal snapshots mean nothing was inserted,
 * updated or deleted anywhere (counts and contents both).
 */
export async function snapshotDatabase(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of await publicTables(db)) {
    const got = await rows<{ r: string }>(db, sql.raw(`select row_to_json(t)::text as r from "${name}" t`));
    out[name] = got.map((x) => x.r).sort();
  }
  return out;
}

/** Runs a refused operation and checks that no table changed at all. */
export async function expectUnchanged<T>(h: DbHandle, run: () => Promise<T>): Promise<T> {
  const before = await snapshotDatabase(h.db);
  expect(Object.keys(before).length, "the snapshot should cover the schema's tables").toBeGreaterThan(10);
  const result = await run();
  expect(await snapshotDatabase(h.db)).toEqual(before);
  return result;
}

/** The message chain of a driver error (drizzle wraps the database's error in `cause`). */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; i++) {
    parts.push(String((e as Error).message ?? e));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(" | ");
}

/** Runs a statement the database must refuse, and returns the error text for the caller to match. */
export async function refusedByDatabase(db: Db, statement: ReturnType<typeof sql>): Promise<string> {
  let error: unknown;
  try {
    await db.execute(statement);
  } catch (err) {
    error = err;
  }
  expect(error, "the statement should have been refused").toBeDefined();
  return errorText(error);
}
