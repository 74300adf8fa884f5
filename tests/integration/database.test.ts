import { CAMPAIGN_DEMO_ACCOUNT_COUNT } from "@/db/seed-campaigns";
import { readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { DbHandle } from "@/db/client";
import { listPrinciples, getFeaturedConsultation } from "@/db/queries/consultations";
import { isUniqueViolation } from "@/db/queries/pg-errors";
import { seedDemo } from "@/db/seed";
import { demoAccounts, demoOrganisations } from "@/db/seed-accounts";
import { countRows, freshDatabase, testEngines } from "../support/engines";
import { fingerprintTables } from "../support/table-snapshot";
import { expectNoWrites } from "./consultation-fixtures";

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

const insertUser = (email: string, name = "A") =>
  sql`insert into users (email, name, password_hash, stakeholder_group, privacy_notice_version, privacy_consented_at)
    values (${email}, ${name}, 'x', 'academia', 'v', now())`;

/** An address no other test uses, so tests sharing a database never meet each other's rows. */
const uniqueAddress = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}@Example.org`;

const migrationFiles = () => readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length;

/**
 * No test here reads rows another test wrote: the ones that share `h` each make and look up their own rows (by
 * unique address) and assert nothing about totals; the ones that need an empty or exact database (the migration
 * list, the demo seed's counts, the migrator re-run) open a fresh one of their own. Any order, any subset runs.
 */
describe.each(testEngines())("database on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  /** A database migrated from empty for one test, closed (and dropped) when it ends. */
  async function ownDatabase(): Promise<DbHandle> {
    const own = await freshDatabase(engine, { fromEmpty: true });
    onTestFinished(() => own.close());
    return own;
  }

  it("applies every committed migration to an empty database", async () => {
    const db = (await ownDatabase()).db;
    const tables = rowsOf<{ table_name: string }>(
      await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(tables).toEqual([
      "appeals",
      "audit_log",
      "comment_cosigners",
      "comment_versions",
      "comments",
      "consultation_announcements",
      "consultation_reports",
      "consultations",
      "csp_reports",
      "email_confirmations",
      "endorsement_events",
      "endorsements",
      "grievances",
      "memberships",
      "moderation_decisions",
      "moderation_rules",
      "notification_preferences",
      "notifications",
      "off_platform_submissions",
      "organisations",
      "outbound_emails",
      "password_resets",
      "principle_comment_counts",
      "principles",
      "privacy_consents",
      "rate_limit_buckets",
      "reports",
      "sign_in_attempts",
      "site_feedback",
      "summary_citations",
      "summary_drafts",
      "summary_versions",
      "users",
    ]);
    const applied = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(migrationFiles());
    for (const fp of Object.values(await fingerprintTables(db))) expect(fp.rows).toBe(0);
  });

  it("has pg_trgm enabled and working", async () => {
    const r = rowsOf<{ s: number }>(await h.db.execute(sql`select similarity('a clear duty to report', 'A clear duty to report!') as s`));
    expect(Number(r[0]?.s)).toBe(1);
  });

  it("refuses an email that differs only in letter case", async () => {
    const email = uniqueAddress("Case");
    await h.db.execute(insertUser(email));
    await expect(h.db.execute(insertUser(email.toLowerCase().replace("example.org", "example.ORG")))).rejects.toSatisfy((err: unknown) =>
      isUniqueViolation(err, "users_email_lower_key"),
    );
  });

  it("seeds the demo idempotently: a second run adds nothing", async () => {
    const seeded = await ownDatabase();
    await seedDemo(seeded.db);
    const first = {
      users: await countRows(seeded, "users"),
      orgs: await countRows(seeded, "organisations"),
      members: await countRows(seeded, "memberships"),
      principles: await countRows(seeded, "principles"),
      consultations: await countRows(seeded, "consultations"),
      comments: await countRows(seeded, "comments"),
      endorsements: await countRows(seeded, "endorsement_events"),
    };
    await seedDemo(seeded.db);
    expect({
      users: await countRows(seeded, "users"),
      orgs: await countRows(seeded, "organisations"),
      members: await countRows(seeded, "memberships"),
      principles: await countRows(seeded, "principles"),
      consultations: await countRows(seeded, "consultations"),
      comments: await countRows(seeded, "comments"),
      endorsements: await countRows(seeded, "endorsement_events"),
    }).toEqual(first);
    expect(first.comments).toBeGreaterThan(0);
    expect(first.endorsements).toBeGreaterThan(0);
    expect(first.principles).toBe(18); // the open Paris Call and its closed pilot round, nine each
    expect(first.orgs).toBe(demoOrganisations.length);
    expect(first.users).toBe(demoAccounts.length + CAMPAIGN_DEMO_ACCOUNT_COUNT);
    const consultation = await getFeaturedConsultation(seeded.db);
    expect(consultation?.status).toBe("open");
    const principles = await listPrinciples(seeded.db, consultation!.id);
    expect(principles.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(principles.every((p) => p.titleHi && p.titleHi.length > 0)).toBe(true);

    // The closed pilot has its own comments and endorsements, all dated inside its window (replies may come in
    // its counter-comment window, after the comment period).
    const pilot = rowsOf<{ comments: number; outside: number; endorsements: number }>(
      await seeded.db.execute(sql`
        select (select count(*)::int from comments m where m.consultation_id = c.id) as comments,
               (select count(*)::int from comments m where m.consultation_id = c.id
                  and not (m.created_at >= c.opens_at and m.created_at < coalesce(c.counter_closes_at, c.closes_at))) as outside,
               (select count(*)::int from endorsement_events e where e.consultation_id = c.id
                  and e.created_at >= c.opens_at and e.created_at < c.closes_at) as endorsements
        from consultations c where c.slug = 'paris-call-pilot'`),
    );
    expect(pilot[0]).toMatchObject({ outside: 0 });
    expect(Number(pilot[0]?.comments)).toBeGreaterThan(0);
    expect(Number(pilot[0]?.endorsements)).toBeGreaterThan(0);
  });

  it("re-running the migrator on a migrated database changes nothing", async () => {
    const own = await ownDatabase();
    await own.db.execute(insertUser(uniqueAddress("kept")));
    const before = await fingerprintTables(own.db);
    await own.migrate();
    const applied = rowsOf<{ n: number }>(await own.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(migrationFiles());
    expect(await fingerprintTables(own.db)).toEqual(before);
  });

  // The helper the refusal tests rely on must itself be able to fail, including on a write that keeps the count.
  describe("expectNoWrites", () => {
    const namesOf = async (email: string) =>
      rowsOf<{ name: string }>(await h.db.execute(sql`select name from users where email = ${email}`)).map((r) => r.name);

    it("passes a read-only run and returns its result", async () => {
      const email = uniqueAddress("reader");
      await h.db.execute(insertUser(email, "Reader"));
      expect(await expectNoWrites(h, () => namesOf(email))).toEqual(["Reader"]);
    });

    it("fails on an UPDATE that leaves every row count as it was, naming the table", async () => {
      const email = uniqueAddress("quiet");
      await h.db.execute(insertUser(email, "Before"));
      await expect(
        expectNoWrites(h, () => h.db.execute(sql`update users set name = 'Changed quietly' where email = ${email}`)),
      ).rejects.toThrow(/tables changed: users \(rows changed in place/);
      // The statement did write: the failure is the helper's, not a refused statement's.
      expect(await namesOf(email)).toEqual(["Changed quietly"]);
    });

    it("fails on an INSERT and on a DELETE, naming the table and the counts", async () => {
      const email = uniqueAddress("short-lived");
      await expect(expectNoWrites(h, () => h.db.execute(insertUser(email)))).rejects.toThrow(/tables changed: users \((\d+) → \d+ rows\)/);
      await expect(expectNoWrites(h, () => h.db.execute(sql`delete from users where email = ${email}`))).rejects.toThrow(
        /tables changed: users \(\d+ → \d+ rows\)/,
      );
      expect(await namesOf(email)).toEqual([]);
    });
  });
});
