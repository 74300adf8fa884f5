import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { countRegistry, listAllEndorsements, listEndorsementEvents, listRegistry, recordEndorsement } from "@/db/queries/endorsements";
import { consultations, endorsementEvents, endorsements } from "@/db/schema";
import { endorse, withdrawEndorsement } from "@/lib/commands/endorsements";
import { endorsementSubject, replayEndorsements } from "@/lib/rules/endorsements";
import { ENDORSEMENT_RATE, type BucketPolicy } from "@/lib/rules/token-bucket";
import type { EndorsementInput } from "@/lib/validation/comments";
import { countRows, freshDatabase, testEngines } from "../support/engines";
import {
  addMembership,
  expectNoWrites,
  newActor,
  newConsultation,
  newOrganisation,
  PARIS,
  parisCall,
  rows,
  type SignedIn,
} from "./consultation-fixtures";

// The interleaving test is about locks, not the rate limit (tested on its own below), so it lifts the limit.
const UNLIMITED: BucketPolicy = { capacity: 10_000, refillMs: 1 };

const input = (target: string, capacity: string = "personal", statement = ""): EndorsementInput => ({ target, capacity, statement });

/** A small deterministic generator, so a failing interleaving can be reproduced. */
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, i = 0; e && i < 5; i++) {
    parts.push(String((e as Error).message ?? e));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(" | ");
}

describe.each(testEngines())("endorsements on %s", (engine) => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await freshDatabase(engine);
  });
  afterAll(async () => h?.close());

  async function activeOf(consultationId: string, targetKey: string, subject: { endorserId: string; organisationId: string | null }) {
    return h.db
      .select({ id: endorsements.id, endorserId: endorsements.endorserId, stakeholderGroup: endorsements.stakeholderGroup })
      .from(endorsements)
      .where(
        and(
          eq(endorsements.consultationId, consultationId),
          eq(endorsements.targetKey, targetKey),
          isNull(endorsements.withdrawnAt),
          subject.organisationId
            ? eq(endorsements.organisationId, subject.organisationId)
            : and(isNull(endorsements.organisationId), eq(endorsements.endorserId, subject.endorserId)),
        ),
      );
  }

  describe("concurrency", () => {
    it("50 concurrent endorsements by one person for one target record one endorsement and one event", async () => {
      const { consultationId, principles } = await parisCall(h.db);
      const target = principles[2]!.id;
      const a = await newActor(h.db);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => endorse(h.db, a, { consultationSlug: PARIS, input: input(target) })),
      );
      for (const r of results) expect(r.ok).toBe(true);
      const oks = results.filter((r) => r.ok);
      expect(new Set(oks.map((r) => r.id)).size).toBe(1);
      expect(oks.filter((r) => !r.alreadyActive)).toHaveLength(1);

      expect(await activeOf(consultationId, target, { endorserId: a.id, organisationId: null })).toHaveLength(1);
      const events = await h.db
        .select({ action: endorsementEvents.action })
        .from(endorsementEvents)
        .where(and(eq(endorsementEvents.actorId, a.id), eq(endorsementEvents.targetKey, target)));
      expect(events).toEqual([{ action: "endorse" }]);
    });

    it("an organisation endorsed concurrently by two authorised representatives ends with one active endorsement", async () => {
      const { consultationId } = await parisCall(h.db);
      const org = await newOrganisation(h.db, { stakeholderGroup: "technical_community" });
      const r1 = await newActor(h.db);
      const r2 = await newActor(h.db);
      await addMembership(h.db, r1.id, org, { verified: true, maySign: true });
      await addMembership(h.db, r2.id, org, { verified: true, maySign: true });
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          endorse(h.db, i % 2 ? r1 : r2, { consultationSlug: PARIS, input: input("consultation", org, "We support the Call.") }),
        ),
      );
      for (const r of results) expect(r.ok).toBe(true);
      const oks = results.filter((r) => r.ok);
      expect(new Set(oks.map((r) => r.id)).size).toBe(1);
      expect(oks.filter((r) => !r.alreadyActive)).toHaveLength(1);

      const active = await activeOf(consultationId, "consultation", { endorserId: r1.id, organisationId: org });
      expect(active).toHaveLength(1);
      expect([r1.id, r2.id]).toContain(active[0]!.endorserId);
      // Capacity decides the voice: the organisation's group, not the representative's.
      expect(active[0]!.stakeholderGroup).toBe("technical_community");
      const events = await h.db
        .select({ action: endorsementEvents.action })
        .from(endorsementEvents)
        .where(eq(endorsementEvents.organisationId, org));
      expect(events).toEqual([{ action: "endorse" }]);
    });

    it("200 interleaved endorse and withdraw requests end in the state the event log replays to", async () => {
      const c = await newConsultation(h.db, { principleCount: 2 });
      const targets = ["consultation", c.principles[0]!.id, c.principles[1]!.id];
      const people = [await newActor(h.db), await newActor(h.db), await newActor(h.db)];
      const org = await newOrganisation(h.db);
      const reps = [await newActor(h.db), await newActor(h.db)];
      for (const r of reps) await addMembership(h.db, r.id, org, { verified: true, maySign: true });
      // Who acts, and as whom: three people for themselves, two representatives for the one organisation.
      const speakers: { actor: SignedIn; organisationId: string | null }[] = [
        ...people.map((actor) => ({ actor, organisationId: null })),
        ...reps.map((actor) => ({ actor, organisationId: org })),
      ];

      // Start with some endorsements active, so early withdrawals have something to withdraw.
      for (const [i, s] of speakers.entries()) {
        const r = await endorse(
          h.db,
          s.actor,
          { consultationSlug: c.slug, input: input(targets[i % 3]!, s.organisationId ?? "personal") },
          new Date(),
          UNLIMITED,
        );
        expect(r.ok).toBe(true);
      }
      const eventsBefore = await listEndorsementEvents(h.db, c.consultationId);

      const random = mulberry32(20261123);
      const plan = Array.from({ length: 200 }, () => ({
        speaker: speakers[Math.floor(random() * speakers.length)]!,
        target: targets[Math.floor(random() * targets.length)]!,
        action: random() < 0.5 ? ("endorse" as const) : ("withdraw" as const),
        delayMs: Math.floor(random() * 150),
      }));

      const outcomes = await Promise.all(
        plan.map(async ({ speaker, target, action, delayMs }) => {
          // A short random start spreads the requests so reads, endorsements and withdrawals interleave.
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (action === "endorse") {
            const r = await endorse(
              h.db,
              speaker.actor,
              { consultationSlug: c.slug, input: input(target, speaker.organisationId ?? "personal") },
              new Date(),
              UNLIMITED,
            );
            return { action, r };
          }
          const [active] = await activeOf(c.consultationId, target, {
            endorserId: speaker.actor.id,
            organisationId: speaker.organisationId,
          });
          if (!active) return { action: "nothing" as const };
          const r = await withdrawEndorsement(h.db, speaker.actor, { endorsementId: active.id });
          return { action, r };
        }),
      );

      let endorsed = 0;
      let withdrawn = 0;
      for (const o of outcomes) {
        if (o.action === "endorse") {
          expect(o.r.ok).toBe(true);
          if (o.r.ok && "alreadyActive" in o.r && !o.r.alreadyActive) endorsed++;
        } else if (o.action === "withdraw") {
          // Two withdrawals racing for the same endorsement: one wins, the other finds it gone.
          expect(o.r).toSatisfy((r: { ok: boolean; error?: string }) => r.ok || r.error === "notFound");
          if (o.r.ok) withdrawn++;
        }
      }
      // The run must exercise both paths, else the comparison below proves little.
      expect(endorsed).toBeGreaterThan(0);
      expect(withdrawn).toBeGreaterThan(0);

      const events = await listEndorsementEvents(h.db, c.consultationId);
      const newEvents = events.slice(eventsBefore.length);
      expect(newEvents.filter((e) => e.action === "endorse")).toHaveLength(endorsed);
      expect(newEvents.filter((e) => e.action === "withdraw")).toHaveLength(withdrawn);

      const replayed = replayEndorsements(events);
      const stored = (await listAllEndorsements(h.db, c.consultationId)).map((row) => ({
        targetKey: row.targetKey,
        subject: endorsementSubject(row),
        endorsedEventId: row.endorsedEventId,
        withdrawnEventId: row.withdrawnEventId,
      }));
      expect(stored).toEqual(replayed);

      // At most one active endorsement per target and subject.
      const activeKeys = stored.filter((e) => e.withdrawnEventId === null).map((e) => `${e.targetKey}|${e.subject}`);
      expect(new Set(activeKeys).size).toBe(activeKeys.length);

      // The write path never records a redundant event: per target and subject, the log alternates.
      const bySubject = new Map<string, string[]>();
      for (const e of events) {
        const key = `${e.targetKey}|${endorsementSubject({ endorserId: e.actorId, organisationId: e.organisationId })}`;
        bySubject.set(key, [...(bySubject.get(key) ?? []), e.action]);
      }
      for (const actions of bySubject.values()) {
        actions.forEach((action, i) => expect(action).toBe(i % 2 === 0 ? "endorse" : "withdraw"));
      }
    });
  });

  describe("rate limit", () => {
    it("endorse-and-withdraw cycles stop at the burst; re-endorsing an active target and withdrawing are never refused", async () => {
      const { consultationId, principles } = await parisCall(h.db);
      const target = principles[4]!.id;
      const a = await newActor(h.db);
      const start = new Date();
      const at = (ms: number) => new Date(start.getTime() + ms);
      let last: Awaited<ReturnType<typeof endorse>> | undefined;
      for (let i = 0; i < ENDORSEMENT_RATE.capacity; i++) {
        last = await endorse(h.db, a, { consultationSlug: PARIS, input: input(target) }, at(i));
        expect(last).toMatchObject({ ok: true, alreadyActive: false });
        // Endorsing what is already endorsed records nothing, so it must not cost a token either.
        expect(await endorse(h.db, a, { consultationSlug: PARIS, input: input(target) }, at(i))).toMatchObject({
          ok: true,
          alreadyActive: true,
        });
        if (last.ok) expect(await withdrawEndorsement(h.db, a, { endorsementId: last.id }, at(i))).toEqual({ ok: true });
      }
      const eventsBefore = await countRows(h, "endorsement_events");
      const refused = await endorse(h.db, a, { consultationSlug: PARIS, input: input(target, "personal", "Once more.") }, at(1000));
      expect(refused).toMatchObject({ ok: false, error: "rateLimited" });
      // Twenty tokens spent in the first 20 ms: the next one is whole a minute after the start.
      const retryAt = !refused.ok && "retryAt" in refused ? refused.retryAt.getTime() : 0;
      expect(retryAt).toBeGreaterThanOrEqual(at(ENDORSEMENT_RATE.refillMs - 1).getTime());
      expect(retryAt).toBeLessThanOrEqual(at(ENDORSEMENT_RATE.refillMs + 1).getTime());
      expect(await countRows(h, "endorsement_events")).toBe(eventsBefore);
      expect(await activeOf(consultationId, target, { endorserId: a.id, organisationId: null })).toEqual([]);

      // Someone else is not affected by this person's bucket.
      const b = await newActor(h.db);
      expect(await endorse(h.db, b, { consultationSlug: PARIS, input: input(target) }, at(1000))).toMatchObject({
        ok: true,
        alreadyActive: false,
      });

      // One refill later, one more endorsement goes through; it can still be withdrawn at once.
      const again = await endorse(h.db, a, { consultationSlug: PARIS, input: input(target) }, at(ENDORSEMENT_RATE.refillMs + 1));
      expect(again).toMatchObject({ ok: true, alreadyActive: false });
      if (again.ok)
        expect(await withdrawEndorsement(h.db, a, { endorsementId: again.id }, at(ENDORSEMENT_RATE.refillMs + 100))).toEqual({ ok: true });
    });
  });

  describe("authorisation", () => {
    it("a member without authority to sign, with an unverified membership, or of an unverified organisation cannot endorse for it", async () => {
      const { consultationId, principles } = await parisCall(h.db);
      const target = principles[0]!.id;
      const org = await newOrganisation(h.db);
      const unverifiedOrg = await newOrganisation(h.db, { verified: false });
      const noAuthority = await newActor(h.db);
      const unverifiedMember = await newActor(h.db);
      const memberOfUnverifiedOrg = await newActor(h.db);
      const outsider = await newActor(h.db);
      await addMembership(h.db, noAuthority.id, org, { verified: true, maySign: false });
      await addMembership(h.db, unverifiedMember.id, org, { verified: false, maySign: true });
      await addMembership(h.db, memberOfUnverifiedOrg.id, unverifiedOrg, { verified: true, maySign: true });

      const attempts: [SignedIn, string][] = [
        [noAuthority, org],
        [unverifiedMember, org],
        [memberOfUnverifiedOrg, unverifiedOrg],
        [outsider, org],
      ];
      for (const [actor, orgId] of attempts) {
        const r = await expectNoWrites(h, () => endorse(h.db, actor, { consultationSlug: PARIS, input: input(target, orgId) }));
        expect(r).toEqual({ ok: false, error: "capacityInvalid" });
      }
      expect(await activeOf(consultationId, target, { endorserId: noAuthority.id, organisationId: org })).toHaveLength(0);

      // The same people may still endorse in their own name.
      const own = await endorse(h.db, noAuthority, { consultationSlug: PARIS, input: input(target) });
      expect(own).toMatchObject({ ok: true, alreadyActive: false });
    });

    it("refuses anonymous endorsements and withdrawals", async () => {
      const { principles } = await parisCall(h.db);
      const a = await newActor(h.db);
      const mine = await endorse(h.db, a, { consultationSlug: PARIS, input: input(principles[1]!.id) });
      if (!mine.ok) throw new Error("setup endorsement refused");
      expect(await expectNoWrites(h, () => endorse(h.db, null, { consultationSlug: PARIS, input: input("consultation") }))).toEqual({
        ok: false,
        error: "unauthenticated",
      });
      expect(await expectNoWrites(h, () => withdrawEndorsement(h.db, null, { endorsementId: mine.id }))).toEqual({
        ok: false,
        error: "unauthenticated",
      });
    });

    it("takes no endorsement on a closed consultation, nor after its closing time", async () => {
      const closed = await newConsultation(h.db, { status: "closed" });
      const a = await newActor(h.db);
      for (const target of ["consultation", closed.principles[0]!.id]) {
        const r = await expectNoWrites(h, () => endorse(h.db, a, { consultationSlug: closed.slug, input: input(target) }));
        expect(r).toEqual({ ok: false, error: "consultationClosed" });
      }
      const past = await newConsultation(h.db, {
        status: "open",
        opensAt: new Date(Date.now() - 10 * 86_400_000),
        closesAt: new Date(Date.now() - 86_400_000),
      });
      const r = await expectNoWrites(h, () => endorse(h.db, a, { consultationSlug: past.slug, input: input("consultation") }));
      expect(r).toEqual({ ok: false, error: "consultationClosed" });
    });

    it("refuses withdrawals once the consultation has closed", async () => {
      const c = await newConsultation(h.db);
      const a = await newActor(h.db);
      const e = await endorse(h.db, a, { consultationSlug: c.slug, input: input("consultation") });
      if (!e.ok) throw new Error("setup endorsement refused");
      const afterClosing = new Date(Date.now() + 31 * 86_400_000);
      expect(await expectNoWrites(h, () => withdrawEndorsement(h.db, a, { endorsementId: e.id }, afterClosing))).toEqual({
        ok: false,
        error: "consultationClosed",
      });
      await h.db.update(consultations).set({ status: "closed" }).where(eq(consultations.id, c.consultationId));
      expect(await expectNoWrites(h, () => withdrawEndorsement(h.db, a, { endorsementId: e.id }))).toEqual({
        ok: false,
        error: "consultationClosed",
      });
      expect(await activeOf(c.consultationId, "consultation", { endorserId: a.id, organisationId: null })).toHaveLength(1);
    });

    it("nobody else can withdraw a personal endorsement; its author can, once", async () => {
      const { consultationId, principles } = await parisCall(h.db);
      const target = principles[3]!.id;
      const a = await newActor(h.db);
      const b = await newActor(h.db);
      const e = await endorse(h.db, a, { consultationSlug: PARIS, input: input(target, "personal", "Strongly agree.") });
      if (!e.ok) throw new Error("setup endorsement refused");
      expect(await expectNoWrites(h, () => withdrawEndorsement(h.db, b, { endorsementId: e.id }))).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await activeOf(consultationId, target, { endorserId: a.id, organisationId: null })).toHaveLength(1);

      expect(await withdrawEndorsement(h.db, a, { endorsementId: e.id })).toEqual({ ok: true });
      expect(await activeOf(consultationId, target, { endorserId: a.id, organisationId: null })).toHaveLength(0);
      expect(await expectNoWrites(h, () => withdrawEndorsement(h.db, a, { endorsementId: e.id }))).toEqual({
        ok: false,
        error: "notFound",
      });
      // The registry keeps the withdrawn entry.
      const registry = await listRegistry(h.db, consultationId, { target });
      const entry = registry.find((r) => r.id === e.id);
      expect(entry?.statement).toBe("Strongly agree.");
      expect(entry?.withdrawnAt).toBeInstanceOf(Date);
    });

    it("another authorised representative can withdraw the organisation's endorsement; a member without authority cannot", async () => {
      const { consultationId } = await parisCall(h.db);
      const org = await newOrganisation(h.db);
      const signer = await newActor(h.db);
      const otherSigner = await newActor(h.db);
      const plainMember = await newActor(h.db);
      await addMembership(h.db, signer.id, org, { verified: true, maySign: true });
      await addMembership(h.db, otherSigner.id, org, { verified: true, maySign: true });
      await addMembership(h.db, plainMember.id, org, { verified: true, maySign: false });
      const e = await endorse(h.db, signer, { consultationSlug: PARIS, input: input("consultation", org) });
      if (!e.ok) throw new Error("setup endorsement refused");

      expect(await expectNoWrites(h, () => withdrawEndorsement(h.db, plainMember, { endorsementId: e.id }))).toEqual({
        ok: false,
        error: "forbidden",
      });
      expect(await withdrawEndorsement(h.db, otherSigner, { endorsementId: e.id })).toEqual({ ok: true });

      const [row] = await h.db.select().from(endorsements).where(eq(endorsements.id, e.id));
      expect(row?.withdrawnBy).toBe(otherSigner.id);
      expect(row?.withdrawnEventId).not.toBeNull();
      const [event] = await h.db.select().from(endorsementEvents).where(eq(endorsementEvents.id, row!.withdrawnEventId!));
      expect(event).toMatchObject({ action: "withdraw", organisationId: org, actorId: otherSigner.id, targetKey: "consultation" });
      expect(await activeOf(consultationId, "consultation", { endorserId: signer.id, organisationId: org })).toHaveLength(0);
    });
  });

  describe("registry pages", () => {
    it("walking the registry 100 entries at a time visits every entry once, in the order of the whole list", async () => {
      const c = await newConsultation(h.db, { principleCount: 1 });
      const groups = ["government", "private_sector", "civil_society", "technical_community", "academia"] as const;
      const start = new Date();
      // 230 entries in five groups; every three share one timestamp, so the order must fall back to the id.
      for (let i = 0; i < 230; i++) {
        const group = groups[i % groups.length]!;
        const actor = await newActor(h.db, group);
        const r = await recordEndorsement(
          h.db,
          {
            consultationId: c.consultationId,
            principleId: null,
            actorId: actor.id,
            organisationId: null,
            stakeholderGroup: group,
            statement: null,
          },
          ENDORSEMENT_RATE,
          new Date(start.getTime() - Math.floor(i / 3) * 1000),
        );
        expect(r.ok).toBe(true);
      }
      const whole = await listRegistry(h.db, c.consultationId);
      expect(whole).toHaveLength(230);
      expect(await countRegistry(h.db, c.consultationId)).toBe(230);

      const walked: number[] = [];
      let after: number | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await listRegistry(h.db, c.consultationId, {}, { after, limit: 100 });
        walked.push(...page.map((r) => r.id));
        if (page.length < 100) break;
        after = page.at(-1)!.id;
      }
      expect(walked).toEqual(whole.map((r) => r.id));

      // A filter applies to pages and count alike.
      const academia = await listRegistry(h.db, c.consultationId, { group: "academia" }, { limit: 100 });
      expect(academia.every((r) => r.stakeholderGroup === "academia")).toBe(true);
      expect(academia).toHaveLength(await countRegistry(h.db, c.consultationId, { group: "academia" }));
      expect(academia).toHaveLength(46);
    });
  });

  describe("the event log is append-only", () => {
    it("refuses UPDATE, DELETE and TRUNCATE on endorsement_events", async () => {
      const { consultationId } = await parisCall(h.db);
      const a = await newActor(h.db);
      const e = await endorse(h.db, a, { consultationSlug: PARIS, input: input("consultation", "personal", "Original statement") });
      if (!e.ok) throw new Error("setup endorsement refused");
      const before = await listEndorsementEvents(h.db, consultationId);
      expect(before.length).toBeGreaterThan(0);

      const refused = async (statement: ReturnType<typeof sql>) => {
        let error: unknown;
        try {
          await h.db.execute(statement);
        } catch (err) {
          error = err;
        }
        expect(error, "the statement should have been refused").toBeDefined();
        expect(errorText(error)).toMatch(/append-only/);
      };
      await refused(sql`update endorsement_events set statement = 'rewritten' where actor_id = ${a.id}`);
      await refused(sql`update endorsement_events set action = 'withdraw'`);
      await refused(sql`delete from endorsement_events where actor_id = ${a.id}`);
      await refused(sql`delete from endorsement_events`);
      await refused(sql`truncate endorsement_events cascade`);

      expect(await listEndorsementEvents(h.db, consultationId)).toEqual(before);
      const [mine] = await rows<{ statement: string }>(h.db, sql`select statement from endorsement_events where actor_id = ${a.id}`);
      expect(mine?.statement).toBe("Original statement");
    });
  });
});
