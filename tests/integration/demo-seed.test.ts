import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getConsultationReport } from "@/db/queries/consultation-reports";
import { listLedger } from "@/db/queries/ledger";
import { countCommentsByGroupAndStance, countEndorsementsByGroup } from "@/db/queries/statistics";
import { listOtherNotifications } from "@/db/queries/notifications";
import {
  comments,
  consultationAnnouncements,
  consultations,
  offPlatformSubmissions,
  organisations,
  outboundEmails,
  principles,
  summaryCitations,
  summaryVersions,
  users,
} from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { demoAccounts } from "@/db/seed-accounts";
import { STAKEHOLDER_GROUPS } from "@/lib/limits";
import { freshDatabase, testEngines } from "../support/engines";
import { changedTables, fingerprintTables } from "../support/table-snapshot";
import { rows } from "./consultation-fixtures";

const DAY = 24 * 60 * 60 * 1000;

// `npm run demo` must show the whole life of a consultation: an open round with real activity, and a closed pilot
// with what comes at the end of one. Both engines; the seed is written through the app's own queries.
describe.each(testEngines())("the demo seed on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
    await seedDemo(h.db);
  });
  afterAll(async () => h?.close());

  async function round(slug: string) {
    const [c] = await h.db.select().from(consultations).where(eq(consultations.slug, slug));
    if (!c) throw new Error(`no ${slug}`);
    return c;
  }

  it("gives both rounds an owner, a reference prefix, a summary date and a full schedule; principles carry an explainer", async () => {
    const open = await round("paris-call");
    const pilot = await round("paris-call-pilot");
    const [owner] = await h.db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, open.ownerOrganisationId!));
    expect(owner?.name).toBe("Department of Digital Trust (demo)");
    expect(pilot.ownerOrganisationId).toBe(open.ownerOrganisationId);
    expect([open.referencePrefix, pilot.referencePrefix]).toEqual(["PC", "PCP"]);
    expect(open.counterClosesAt!.getTime() - open.closesAt.getTime()).toBe(14 * DAY);
    expect(open.summaryDueAt!.getTime()).toBeGreaterThan(open.counterClosesAt!.getTime());
    // The pilot's counter-comment window lies in the past, and its summary date after it.
    expect(pilot.counterClosesAt!.getTime()).toBeGreaterThan(pilot.closesAt.getTime());
    expect(pilot.counterClosesAt!.getTime()).toBeLessThan(Date.now());
    expect(pilot.summaryDueAt!.getTime()).toBeGreaterThan(pilot.counterClosesAt!.getTime());
    const list = await h.db.select().from(principles).where(eq(principles.consultationId, open.id));
    expect(list).toHaveLength(9);
    for (const p of list) {
      expect(p.body).not.toContain("\n\n");
      expect(p.bodyHi).not.toContain("\n\n");
      expect(p.explainer?.length).toBeGreaterThan(40);
      expect(p.explainerHi?.length).toBeGreaterThan(40);
    }
  });

  it("gives the closed pilot published summaries with citations (one in two versions) and a published report", async () => {
    const pilot = await round("paris-call-pilot");
    const versions = await h.db
      .select({
        principleId: summaryVersions.principleId,
        version: summaryVersions.version,
        id: summaryVersions.id,
        at: summaryVersions.publishedAt,
      })
      .from(summaryVersions)
      .innerJoin(principles, eq(principles.id, summaryVersions.principleId))
      .where(eq(principles.consultationId, pilot.id));
    const summarised = new Set(versions.map((v) => v.principleId));
    expect(summarised.size).toBeGreaterThanOrEqual(3);
    expect(versions.filter((v) => v.version === 2)).toHaveLength(1);
    const cited = await h.db
      .select({ versionId: summaryCitations.versionId })
      .from(summaryCitations)
      .where(
        inArray(
          summaryCitations.versionId,
          versions.map((v) => v.id),
        ),
      );
    for (const v of versions)
      expect(
        cited.some((c) => c.versionId === v.id),
        `version ${v.id} cites comments`,
      ).toBe(true);
    // Summaries come after the last window closed; nothing is dated in the future.
    for (const v of versions) {
      expect(v.at.getTime()).toBeGreaterThan(pilot.counterClosesAt!.getTime());
      expect(v.at.getTime()).toBeLessThan(Date.now());
    }
    const report = await getConsultationReport(h.db, pilot.id);
    expect(report?.introduction.length).toBeGreaterThan(50);
  });

  it("puts a hidden comment and a restored one in the pilot's ledger, endorsements from all five groups, a Hindi comment and an off-platform submission", async () => {
    const pilot = await round("paris-call-pilot");
    const ledger = await listLedger(h.db, pilot.id);
    expect(ledger.filter((d) => d.action === "hide")).toHaveLength(2);
    expect(ledger.filter((d) => d.action === "restore")).toHaveLength(1);
    const states = await h.db
      .select({ state: comments.state, n: sql<number>`count(*)::int` })
      .from(comments)
      .where(eq(comments.consultationId, pilot.id))
      .groupBy(comments.state);
    expect(states.find((s) => s.state === "hidden")?.n).toBe(1);

    const endorsed = await countEndorsementsByGroup(h.db, { consultationId: pilot.id });
    expect(new Set(endorsed.map((e) => e.stakeholderGroup))).toEqual(new Set(STAKEHOLDER_GROUPS));
    const hindi = await h.db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.consultationId, pilot.id), eq(comments.language, "hi")));
    expect(hindi.length).toBeGreaterThan(0);
    const offPlatform = await h.db
      .select({ id: comments.id, receivedAt: offPlatformSubmissions.receivedAt })
      .from(comments)
      .innerJoin(offPlatformSubmissions, eq(offPlatformSubmissions.commentId, comments.id))
      .where(eq(comments.consultationId, pilot.id));
    expect(offPlatform).toHaveLength(1);

    // Every contribution is dated inside the pilot's intake period; replies may come in the counter-comment window.
    const outside = await rows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from comments m join consultations c on c.id = m.consultation_id
          where c.slug = 'paris-call-pilot'
            and (m.created_at < c.opens_at or m.created_at >= c.counter_closes_at or (m.parent_id is null and m.created_at >= c.closes_at))`,
    );
    expect(Number(outside[0]?.n)).toBe(0);
  });

  it("gives the open round comments from all five groups, in Hindi, a group-only one, replies, an off-platform submission and endorsements", async () => {
    const open = await round("paris-call");
    const counted = await countCommentsByGroupAndStance(h.db, { consultationId: open.id });
    expect(new Set(counted.map((c) => c.stakeholderGroup))).toEqual(new Set(STAKEHOLDER_GROUPS));
    const all = await h.db.select().from(comments).where(eq(comments.consultationId, open.id));
    expect(all.some((c) => c.language === "hi")).toBe(true);
    expect(all.some((c) => !c.nameShown && c.authorId !== null)).toBe(true);
    expect(all.filter((c) => c.parentId !== null).length).toBeGreaterThanOrEqual(3);
    expect(all.filter((c) => c.offPlatform)).toHaveLength(1);
    expect(all.every((c) => c.createdAt.getTime() >= open.opensAt.getTime() && c.createdAt.getTime() < Date.now())).toBe(true);
    const endorsed = await countEndorsementsByGroup(h.db, { consultationId: open.id });
    expect(endorsed.reduce((n, e) => n + e.n, 0)).toBeGreaterThanOrEqual(5);
  });

  it("shows the notifications: the open round's opening to every demo account, a co-signing request and a grievance", async () => {
    const open = await round("paris-call");
    const accountId = async (key: string) => {
      const email = demoAccounts.find((a) => a.key === key)?.email ?? "";
      const [u] = await h.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!u) throw new Error(`no demo account ${key}`);
      return u.id;
    };
    expect(
      (await h.db.select().from(consultationAnnouncements).where(eq(consultationAnnouncements.consultationId, open.id))).map((a) => a.kind),
    ).toEqual(["opened"]);
    for (const account of demoAccounts) {
      const kinds = (await listOtherNotifications(h.db, await accountId(account.key))).map((n) => `${n.kind}:${n.consultationSlug}`);
      expect(kinds, account.key).toContain("consultation_opened:paris-call");
    }
    // The demo addresses count as confirmed: each has the email copy waiting in the outbox.
    const participant = await accountId("academia");
    const copies = await h.db
      .select({ subject: outboundEmails.subject })
      .from(outboundEmails)
      .where(and(eq(outboundEmails.userId, participant), sql`${outboundEmails.subject} like '%is open for comments'`));
    expect(copies).toHaveLength(1);
    // Vikram Rao represents Kavach Cloud Services, whose co-signature the Digital Adhikar Collective asked for.
    const vikram = await listOtherNotifications(h.db, await accountId("representative"));
    expect(vikram.filter((n) => n.kind === "cosign_request")).toEqual([
      expect.objectContaining({ organisationName: "Kavach Cloud Services (demo)", byOrganisation: "Digital Adhikar Collective (demo)" }),
    ]);
    // The admin was told of the demo grievance (since resolved).
    const admin = await listOtherNotifications(h.db, await accountId("admin"));
    const grievanceNotices = admin.filter((n) => n.kind === "grievance");
    expect(grievanceNotices).toHaveLength(1);
    expect(grievanceNotices[0]?.grievanceResolvedAt).toBeInstanceOf(Date);
  });

  it("running the seed again changes nothing in any table", async () => {
    const before = await fingerprintTables(h.db);
    await seedDemo(h.db);
    expect(changedTables(before, await fingerprintTables(h.db))).toEqual([]);
  });
});
