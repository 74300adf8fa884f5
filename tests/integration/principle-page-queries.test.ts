import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, Engine } from "@/db/client";
import { migrationsFolder } from "@/db/client";
import { recordEndorsement } from "@/db/queries/endorsements";
import { ENDORSEMENT_RATE } from "@/lib/rules/token-bucket";
import { getPrincipleOutline, getPrinciplePageData } from "@/db/queries/principle-page";
import * as schema from "@/db/schema";
import { comments, type NewComment } from "@/db/schema";
import { STANCES, type StakeholderGroup } from "@/lib/limits";
import { testEngines } from "../support/engines";
import { addMembership, newActor, newOrganisation, parisCall } from "./consultation-fixtures";

/**
 * The principle page must cost the same number of SQL statements however many comments there are: no query per
 * thread, per reply or per author. The database is opened here with a query-counting logger.
 */

interface Counted {
  db: Db;
  statements: () => number;
  reset: () => void;
  close: () => Promise<void>;
}

async function openCounted(engine: Engine): Promise<Counted> {
  let count = 0;
  const logger = { logQuery: () => void count++ };
  if (engine === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create({ extensions: { pg_trgm } });
    const db = drizzle(client, { schema, casing: "snake_case", logger });
    await migrate(db, { migrationsFolder });
    return { db: db as unknown as Db, statements: () => count, reset: () => (count = 0), close: () => client.close() };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const name = `samvad_t_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: "snake_case", logger });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    statements: () => count,
    reset: () => (count = 0),
    close: async () => {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

const groups: StakeholderGroup[] = ["government", "private_sector", "civil_society", "technical_community", "academia"];

/**
 * `total` published comments on one principle, inserted in bulk: about 60 % top level, the rest replies at depth
 * 1 and 2 with parent, root, depth and the root's reply count consistent.
 */
async function seedComments(db: Db, p: { consultationId: string; principleId: string; authorIds: string[]; total: number }) {
  const topCount = Math.ceil(p.total * 0.6);
  const replyCount = p.total - topCount;
  const base = (i: number): Omit<NewComment, "parentId" | "rootId" | "depth"> => ({
    consultationId: p.consultationId,
    principleId: p.principleId,
    authorId: p.authorIds[i % p.authorIds.length]!,
    stakeholderGroup: groups[i % groups.length]!,
    stance: STANCES[i % STANCES.length]!,
    body: `Seeded comment number ${i} on this principle.`,
    language: i % 3 ? "en" : "hi",
    state: "published",
    publishedAt: new Date(),
    formToken: crypto.randomUUID(),
  });
  // Replies go to the most recent threads first (those on the first page), one in three at depth 2.
  // A depth-2 reply answers the depth-1 reply planned just before it, in the same thread.
  const plan = Array.from({ length: replyCount }, (_, j) => {
    const deep = j % 3 === 2;
    const k = deep ? j - 1 : j;
    return { thread: topCount - 1 - (k % Math.min(topCount, 40)), deep };
  });
  const repliesPerThread = new Map<number, number>();
  for (const r of plan) repliesPerThread.set(r.thread, (repliesPerThread.get(r.thread) ?? 0) + 1);

  const tops = await db
    .insert(comments)
    .values(Array.from({ length: topCount }, (_, t) => ({ ...base(t), depth: 0, threadReplyCount: repliesPerThread.get(t) ?? 0 })))
    .returning({ id: comments.id });
  tops.sort((a, b) => a.id - b.id);

  const firstLevel = plan.filter((r) => !r.deep);
  const level1 = await db
    .insert(comments)
    .values(firstLevel.map((r, j) => ({ ...base(topCount + j), parentId: tops[r.thread]!.id, rootId: tops[r.thread]!.id, depth: 1 })))
    .returning({ id: comments.id, rootId: comments.rootId });
  const level1ByRoot = new Map(level1.map((c) => [c.rootId, c.id]));
  const deep = plan.filter((r) => r.deep);
  if (deep.length) {
    await db.insert(comments).values(
      deep.map((r, j) => {
        const root = tops[r.thread]!.id;
        const parent = level1ByRoot.get(root);
        if (!parent) throw new Error("seed plan: depth-2 reply without a depth-1 parent");
        return { ...base(topCount + firstLevel.length + j), parentId: parent, rootId: root, depth: 2 };
      }),
    );
  }
  return { topCount };
}

describe.each(testEngines())("principle page statement count on %s", (engine) => {
  let c: Counted;
  let consultationId: string;
  let small: string;
  let large: string;
  let slug: string;
  let smallSlug: string;
  let largeSlug: string;
  let viewerId: string;
  let viewerOrgs: string[];
  beforeAll(async () => {
    c = await openCounted(engine);
    const paris = await parisCall(c.db);
    consultationId = paris.consultationId;
    slug = paris.slug;
    small = paris.principles[0]!.id;
    large = paris.principles[1]!.id;
    smallSlug = paris.principles[0]!.slug;
    largeSlug = paris.principles[1]!.slug;
    const authors = [];
    for (const g of groups) authors.push((await newActor(c.db, g)).id);
    viewerId = authors[0]!;
    const org = await newOrganisation(c.db);
    await addMembership(c.db, viewerId, org, { verified: true, maySign: true });
    viewerOrgs = [org];
    for (const [i, target] of [small, large, null].entries()) {
      await recordEndorsement(
        c.db,
        {
          consultationId,
          principleId: target,
          actorId: authors[i]!,
          organisationId: null,
          stakeholderGroup: groups[i]!,
          statement: null,
        },
        ENDORSEMENT_RATE,
      );
    }
    await recordEndorsement(
      c.db,
      {
        consultationId,
        principleId: large,
        actorId: viewerId,
        organisationId: org,
        stakeholderGroup: "private_sector",
        statement: "On behalf of the organisation.",
      },
      ENDORSEMENT_RATE,
    );
    await seedComments(c.db, { consultationId, principleId: small, authorIds: authors, total: 50 });
    await seedComments(c.db, { consultationId, principleId: large, authorIds: authors, total: 500 });
  });
  afterAll(async () => c?.close());

  /** What the principle page loads, with the number of statements it took. */
  async function loadPage(principleSlug: string) {
    c.reset();
    const outline = await getPrincipleOutline(c.db, slug, principleSlug);
    if (!outline) throw new Error("principle page data missing");
    const data = await getPrinciplePageData(c.db, { outline, viewerId, sort: "newest", start: {} });
    expect(data.memberships.map((m) => m.organisationId)).toEqual(viewerOrgs);
    return {
      statements: c.statements(),
      page: data.page,
      total: data.total,
      byGroup: data.commentStats,
      endorsementsByGroup: data.endorsementStats,
      mine: data.active,
    };
  }

  it("issues the same number of statements for 50 and for 500 comments", async () => {
    const fifty = await loadPage(smallSlug);
    const fiveHundred = await loadPage(largeSlug);

    // The data is really there: the counts would diverge if anything were loaded per thread or per reply.
    expect(fifty.total).toBe(50);
    expect(fiveHundred.total).toBe(500);
    expect(fifty.page.threads).toHaveLength(30);
    expect(fifty.page.replies).toHaveLength(20);
    expect(fifty.page.nextCursor).toBeNull();
    expect(fiveHundred.page.threads).toHaveLength(50);
    expect(fiveHundred.page.replies.length).toBeGreaterThan(50);
    expect(fiveHundred.page.nextCursor).not.toBeNull();
    expect(fiveHundred.byGroup.reduce((n, r) => n + r.n, 0)).toBe(500);
    expect(fiveHundred.endorsementsByGroup.reduce((n, r) => n + r.n, 0)).toBe(2);
    expect(fiveHundred.mine).toHaveLength(2);

    expect(fiveHundred.statements).toBe(fifty.statements);
    // One for the outline (consultation, principle, the list of principles, the summary version and both counts,
    // the comment counts kept by the database), two for the threads (top level, then all their replies), and the
    // viewer's memberships, endorsements and whether they have commented before.
    expect(fifty.statements).toBe(6);
  });

  it("a visitor's page takes three statements: the outline (with its last-updated time) and the two for the threads", async () => {
    c.reset();
    const outline = await getPrincipleOutline(c.db, slug, largeSlug);
    if (!outline) throw new Error("principle page data missing");
    await getPrinciplePageData(c.db, { outline, viewerId: null, sort: "newest", start: {} });
    expect(outline.lastUpdated).toBeInstanceOf(Date);
    expect(c.statements()).toBe(3);
  });
});
