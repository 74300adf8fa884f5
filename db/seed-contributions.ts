import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import { insertComment } from "./queries/comments";
import { recordEndorsement } from "./queries/endorsements";
import { insertOffPlatformSubmission } from "./queries/off-platform";
import { ENDORSEMENT_RATE } from "@/lib/rules/token-bucket";
import { consultations, endorsementEvents, memberships, principles, users } from "./schema";
import type { StakeholderGroup } from "@/lib/limits";
import {
  openRoundComments,
  openRoundOffPlatform,
  pilotComments,
  pilotOffPlatform,
  type SeedComment,
  type SeedOffPlatform,
} from "./seed-comments";
import { seedPilotOutcome } from "./seed-pilot";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const MODERATOR = "neha.kapoor@samvad.example";

export type People = {
  userIds: Map<string, { id: string; email: string; group: StakeholderGroup }>;
  verified: { userId: string; organisationId: string }[];
};

export type SeededRound = {
  slug: string;
  consultationId: string;
  opensAt: Date;
  closesAt: Date;
  byPosition: Map<number, { id: string; position: number }>;
  /** Each seeded comment's id by its key (form token). */
  ids: Map<string, number>;
};

/**
 * The demo's contributions, written through the same queries the commands use so every derived row (counters,
 * versions, thread counts, the registry) is what real use would leave: comments in both rounds, replies, Hindi,
 * a comment that shows only its group, off-platform submissions and endorsements from all five groups. The closed
 * pilot's are dated inside its window; then its moderation, summaries and report (seed-pilot.ts).
 */
export async function seedDemoContributions(db: Db): Promise<void> {
  const userIds = new Map(
    (await db.select({ id: users.id, email: users.email, group: users.stakeholderGroup }).from(users)).map((u) => [u.email, u]),
  );
  const verified = await db
    .select({ userId: memberships.userId, organisationId: memberships.organisationId })
    .from(memberships)
    .where(sql`${memberships.verifiedAt} is not null`);
  const people: People = { userIds, verified };
  // The open round first, so its comments keep the numbers earlier demos gave them (#1, #2, …). The pilot's come
  // after with earlier dates; the per-person rate limit then refills nothing, which its few comments per person fit.
  const open = await seedRound(db, "paris-call", openRoundComments, openRoundOffPlatform, people);
  const pilot = await seedRound(db, "paris-call-pilot", pilotComments, pilotOffPlatform, people);

  const at = (r: SeededRound, days: number) => new Date(r.opensAt.getTime() + days * DAY);
  if (pilot) {
    await seedEndorsements(db, pilot, people, [
      { email: "vikram.rao@kavach-cloud.example", onBehalf: true, at: at(pilot, 10), statement: KAVACH },
      { email: "meera.iyer@icps.edu.example", principle: 7, at: at(pilot, 10) },
      { email: "asha.verma@digitaltrust.gov.example", at: at(pilot, 12), statement: "Worth backing as a whole." },
      { email: "fatima.sheikh@digitaladhikar.example", principle: 1, at: at(pilot, 14) },
      { email: "arjun.nair@nofi.example", principle: 2, at: at(pilot, 16) },
      { email: "rohan.mehta@setu-pay.example", principle: 8, at: at(pilot, 18) },
    ]);
    await seedPilotOutcome(db, pilot, people);
  }
  if (open) {
    await seedEndorsements(db, open, people, [
      { email: "vikram.rao@kavach-cloud.example", onBehalf: true, at: at(open, 1), statement: KAVACH },
      { email: "meera.iyer@icps.edu.example", principle: 7, at: at(open, 2) },
      { email: "asha.verma@digitaltrust.gov.example", principle: 1, at: at(open, 3) },
      { email: "fatima.sheikh@digitaladhikar.example", principle: 2, at: at(open, 4) },
      { email: "arjun.nair@nofi.example", at: at(open, 5), statement: "The technical community can deliver most of this." },
    ]);
  }
}

const KAVACH = "We commit to the nine principles in how we build and run our cloud services.";

/** A round's comments and off-platform submissions, oldest first; fixed form tokens make re-seeding add nothing. */
async function seedRound(db: Db, slug: string, comments: SeedComment[], offPlatform: SeedOffPlatform[], people: People) {
  const rows = await db
    .select({
      id: principles.id,
      position: principles.position,
      consultationId: principles.consultationId,
      opensAt: consultations.opensAt,
      closesAt: consultations.closesAt,
    })
    .from(principles)
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    .where(eq(consultations.slug, slug));
  const first = rows[0];
  if (!first) return undefined;
  const round: SeededRound = {
    slug,
    consultationId: first.consultationId,
    opensAt: first.opensAt,
    closesAt: first.closesAt,
    byPosition: new Map(rows.map((p) => [p.position, p])),
    ids: new Map(),
  };
  const when = (hours: number) => new Date(round.opensAt.getTime() + hours * HOUR);
  for (const c of comments) {
    const author = people.userIds.get(c.author);
    const principle = round.byPosition.get(c.principle);
    if (!author || !principle) continue;
    const org = c.onBehalf ? (people.verified.find((m) => m.userId === author.id)?.organisationId ?? null) : null;
    const r = await insertComment(
      db,
      {
        consultationId: round.consultationId,
        principleId: principle.id,
        authorId: author.id,
        parentId: c.replyTo ? (round.ids.get(c.replyTo) ?? null) : null,
        organisationId: org,
        stakeholderGroup: author.group,
        stance: c.stance,
        body: c.body,
        language: /[\u0900-\u097F]/.test(c.body) ? "hi" : "en",
        nameShown: !c.groupOnly,
        formToken: c.key,
      },
      when(c.at),
    );
    if (r.ok) round.ids.set(c.key, r.id);
  }
  const moderator = people.userIds.get(MODERATOR);
  for (const s of offPlatform) {
    const principle = round.byPosition.get(s.principle);
    if (!moderator || !principle) continue;
    const r = await insertOffPlatformSubmission(
      db,
      {
        consultationId: round.consultationId,
        principleId: principle.id,
        submitterName: s.submitterName,
        stakeholderGroup: s.stakeholderGroup,
        channel: s.channel,
        receivedAt: when(s.receivedAt),
        stance: s.stance,
        language: /[\u0900-\u097F]/.test(s.body) ? "hi" : "en",
        body: s.body,
        formToken: s.key,
        enteredBy: moderator.id,
        enteredByRole: "moderator",
      },
      when(s.enteredAt),
    );
    if (r.ok) round.ids.set(s.key, r.id);
  }
  return round;
}

interface SeedEndorsement {
  email: string;
  /** A principle's position; none: the consultation as a whole. */
  principle?: number;
  onBehalf?: boolean;
  at: Date;
  statement?: string;
}

/**
 * Each endorsement only if its person (or organisation) has never endorsed that target in this round: a
 * withdrawal made in the demo is never undone by a restart.
 */
async function seedEndorsements(db: Db, round: SeededRound, people: People, list: SeedEndorsement[]) {
  for (const e of list) {
    const person = people.userIds.get(e.email);
    if (!person) continue;
    const principleId = e.principle ? (round.byPosition.get(e.principle)?.id ?? null) : null;
    if (e.principle && !principleId) continue;
    const organisationId = e.onBehalf ? (people.verified.find((m) => m.userId === person.id)?.organisationId ?? null) : null;
    if (e.onBehalf && !organisationId) continue;
    const [earlier] = await db
      .select({ id: endorsementEvents.id })
      .from(endorsementEvents)
      .where(
        and(
          eq(endorsementEvents.consultationId, round.consultationId),
          principleId ? eq(endorsementEvents.principleId, principleId) : isNull(endorsementEvents.principleId),
          organisationId
            ? eq(endorsementEvents.organisationId, organisationId)
            : and(eq(endorsementEvents.actorId, person.id), isNull(endorsementEvents.organisationId)),
        ),
      )
      .limit(1);
    if (earlier) continue;
    await recordEndorsement(
      db,
      {
        consultationId: round.consultationId,
        principleId,
        actorId: person.id,
        organisationId,
        // On behalf of an organisation, the organisation's group; the Kavach representative's is private sector too.
        stakeholderGroup: person.group,
        statement: e.statement ?? null,
      },
      ENDORSEMENT_RATE,
      e.at,
    );
  }
}
