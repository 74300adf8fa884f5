import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createUser } from "@/db/seed";
import { consultationAnnouncements, notifications, outboundEmails, users } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { startAnnouncementScheduler, startBackgroundJobs } from "@/lib/jobs/background";
import { freshDatabase, testEngines } from "../support/engines";
import { newConsultation } from "./consultation-fixtures";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(testEngines())("background jobs on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  const announcementsOf = async (consultationId: string) =>
    (
      await h.db
        .select({ kind: consultationAnnouncements.kind })
        .from(consultationAnnouncements)
        .where(eq(consultationAnnouncements.consultationId, consultationId))
    )
      .map((r) => r.kind)
      .sort();

  it("without a mail server, three instances of the jobs announce a due consultation in the app exactly once and queue its email copies", async () => {
    // The settings of an install without SMTP_URL (the demo, or a platform without mail).
    const settings = parseEnv({});
    expect(settings.SMTP_URL).toBeUndefined();
    const fan = await createUser(h.db, { emailConfirmedAt: new Date() });
    const unconfirmed = await createUser(h.db);
    const now = Date.now();
    const c = await newConsultation(h.db, { opensAt: new Date(now - MINUTE), closesAt: new Date(now + 2 * DAY) });

    const errors: unknown[] = [];
    const stops = [1, 2, 3].map(() =>
      startBackgroundJobs(h.db, settings, { everyMs: 100, firstAfterMs: 0, onError: (err) => errors.push(err) }),
    );
    try {
      await vi.waitFor(async () => expect(await announcementsOf(c.consultationId)).toEqual(["closing", "opened"]), {
        timeout: 30_000,
        interval: 100,
      });
      // A few more rounds of each: nothing is announced twice.
      await new Promise((resolve) => setTimeout(resolve, 600));
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
    expect(errors).toEqual([]);

    const perUser = await h.db
      .select({ userId: notifications.userId, n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(eq(notifications.consultationId, c.consultationId))
      .groupBy(notifications.userId);
    const [live] = await h.db
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .where(sql`erased_at is null`);
    expect(perUser).toHaveLength(Number(live!.n));
    expect(perUser.every((u) => Number(u.n) === 2)).toBe(true);
    for (const who of [fan, unconfirmed]) {
      const kinds = await h.db
        .select({ kind: notifications.kind })
        .from(notifications)
        .where(and(eq(notifications.userId, who.id), eq(notifications.consultationId, c.consultationId)));
      expect(kinds.map((k) => k.kind).sort()).toEqual(["consultation_closing", "consultation_opened"]);
    }
    // The email copies wait in the outbox (no worker runs without SMTP_URL), only for the confirmed address.
    const queued = await h.db.select().from(outboundEmails).where(eq(outboundEmails.userId, fan.id));
    expect(queued).toHaveLength(2);
    expect(queued.every((m) => m.sentAt === null && m.attempts === 0)).toBe(true);
    expect(await h.db.select().from(outboundEmails).where(eq(outboundEmails.userId, unconfirmed.id))).toEqual([]);
  });

  it("a stopped scheduler announces nothing more", async () => {
    const stop = startAnnouncementScheduler(h.db, { everyMs: 50, firstAfterMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stop();
    const now = Date.now();
    const c = await newConsultation(h.db, { opensAt: new Date(now - MINUTE), closesAt: new Date(now + 10 * DAY) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await announcementsOf(c.consultationId)).toEqual([]);
  });
});
