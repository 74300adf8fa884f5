import { readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listPrinciples, getFeaturedConsultation } from "@/db/queries/consultations";
import { isUniqueViolation } from "@/db/queries/pg-errors";
import { seedDemo } from "@/db/seed";
import { demoAccounts, demoOrganisations } from "@/db/seed-accounts";
import { countRows, freshDatabase, testEngines } from "../support/engines";

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

describe.each(testEngines())("database on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  it("applies every committed migration to an empty database", async () => {
    const tables = rowsOf<{ table_name: string }>(
      await h.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(tables).toEqual([
      "appeals", "audit_log", "comment_versions", "comments", "consultation_reports", "consultations",
      "email_confirmations", "endorsement_events", "endorsements", "memberships", "moderation_decisions", "moderation_rules",
      "notifications", "organisations", "outbound_emails", "principles", "rate_limit_buckets", "reports", "sign_in_attempts",
      "summary_citations", "summary_drafts", "summary_versions", "users",
    ]);
    const applied = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length);
  });

  it("has pg_trgm enabled and working", async () => {
    const r = rowsOf<{ s: number }>(await h.db.execute(sql`select similarity('a clear duty to report', 'A clear duty to report!') as s`));
    expect(Number(r[0]?.s)).toBe(1);
  });

  it("refuses an email that differs only in letter case", async () => {
    await h.db.execute(sql`insert into users (email, name, password_hash, stakeholder_group, privacy_notice_version, privacy_consented_at)
      values ('Case@Example.org', 'A', 'x', 'academia', 'v', now())`);
    await expect(
      h.db.execute(sql`insert into users (email, name, password_hash, stakeholder_group, privacy_notice_version, privacy_consented_at)
        values ('case@example.ORG', 'B', 'x', 'academia', 'v', now())`),
    ).rejects.toSatisfy((err: unknown) => isUniqueViolation(err, "users_email_lower_key"));
  });

  it("seeds the demo idempotently: a second run adds nothing", async () => {
    await seedDemo(h.db);
    const first = {
      users: await countRows(h, "users"),
      orgs: await countRows(h, "organisations"),
      members: await countRows(h, "memberships"),
      principles: await countRows(h, "principles"),
      consultations: await countRows(h, "consultations"),
      comments: await countRows(h, "comments"),
      endorsements: await countRows(h, "endorsement_events"),
    };
    await seedDemo(h.db);
    expect({
      users: await countRows(h, "users"),
      orgs: await countRows(h, "organisations"),
      members: await countRows(h, "memberships"),
      principles: await countRows(h, "principles"),
      consultations: await countRows(h, "consultations"),
      comments: await countRows(h, "comments"),
      endorsements: await countRows(h, "endorsement_events"),
    }).toEqual(first);
    expect(first.comments).toBeGreaterThan(0);
    expect(first.endorsements).toBeGreaterThan(0);
    expect(first.principles).toBe(18); // the open Paris Call and its closed pilot round, nine each
    expect(first.orgs).toBe(demoOrganisations.length);
    expect(first.users).toBe(demoAccounts.length + 1); // plus the user of the case test above
    const consultation = await getFeaturedConsultation(h.db);
    expect(consultation?.status).toBe("open");
    const principles = await listPrinciples(h.db, consultation!.id);
    expect(principles.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(principles.every((p) => p.titleHi && p.titleHi.length > 0)).toBe(true);

    // The closed pilot has its own comments and endorsements, all dated inside its window.
    const pilot = rowsOf<{ comments: number; outside: number; endorsements: number }>(
      await h.db.execute(sql`
        select (select count(*)::int from comments m where m.consultation_id = c.id) as comments,
               (select count(*)::int from comments m where m.consultation_id = c.id
                  and not (m.created_at >= c.opens_at and m.created_at < c.closes_at)) as outside,
               (select count(*)::int from endorsement_events e where e.consultation_id = c.id
                  and e.created_at >= c.opens_at and e.created_at < c.closes_at) as endorsements
        from consultations c where c.slug = 'paris-call-pilot'`),
    );
    expect(pilot[0]).toMatchObject({ outside: 0 });
    expect(Number(pilot[0]?.comments)).toBeGreaterThan(0);
    expect(Number(pilot[0]?.endorsements)).toBeGreaterThan(0);
  });

  it("re-running the migrator on a migrated database changes nothing", async () => {
    await h.migrate();
    const applied = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(Number(applied[0]?.n)).toBe(readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length);
  });
});
