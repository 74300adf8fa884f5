import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { searchPrinciples } from "@/db/queries/search";
import { comments, consultations, users } from "@/db/schema";
import { MAX_ID, type CommentDecision } from "@/lib/limits";
import type { Actor } from "@/lib/commands/actor";
import * as campaignCommands from "@/lib/commands/campaigns";
import * as commentCommands from "@/lib/commands/comments";
import { publishConsultationReport } from "@/lib/commands/consultation-reports";
import * as consultationCommands from "@/lib/commands/consultations";
import { requestEmailChange } from "@/lib/commands/email-change";
import { confirmEmail } from "@/lib/commands/email-confirmation";
import * as endorsementCommands from "@/lib/commands/endorsements";
import { markGrievanceResolved } from "@/lib/commands/grievances";
import * as moderationCommands from "@/lib/commands/moderation";
import { enterOffPlatformSubmission } from "@/lib/commands/off-platform";
import * as organisationCommands from "@/lib/commands/organisations";
import * as summaryCommands from "@/lib/commands/summaries";
import { commentPlaceSchema } from "@/lib/validation/comments";
import { readForm } from "@/lib/validation/form-data";
import { offPlatformSchema } from "@/lib/validation/off-platform";
import { parseSearchParams } from "@/lib/validation/search";
import { hugeString, oddString } from "../support/hostile-input";
import { freshDatabase, testEngines } from "../support/engines";
import { changedTables, fingerprintTables } from "../support/table-snapshot";
import { commentInput, newActor, newConsultation, SECRET, type SignedIn } from "./consultation-fixtures";
import { moderatedConsultation, newBlockedActor, newOrganisationRepresentative, newStaff, postComment } from "./moderation-fixtures";

/**
 * Property-based input at the command layer (issue 13): "never a 5xx and never a write on invalid input". The
 * actions parse their forms with zod and then call a command with ids, slugs and texts taken from the request.
 * For every command that takes such values, a thousand generated calls name what the caller may not touch:
 * ids that exist nowhere, other people's comments, endorsements and decisions, unknown slugs, drafts and
 * closed consultations, organisations one does not speak for, the wrong kind of user. Each call must resolve
 * (a throw would be a 500) with ok:false, and no table may change: every table is fingerprinted before and
 * after each command's run (one snapshot each side of the thousand calls, as one per call would take minutes).
 */

/**
 * A thousand calls per command on PostgreSQL, the engine a deployment runs (CI sets it); the embedded engine runs the
 * same properties with a quarter as many when PostgreSQL runs too, and the full thousand when it is the only engine.
 * The two engines share every line of query code, so the second thousand would test the same paths again at the
 * cost of a minute of CI.
 */
function runsOn(engine: string, full: number): number {
  return engine === "pglite" && testEngines().includes("postgres") ? full / 4 : full;
}
const FULL_RUNS = 1000;
/** Runs of the property whose valid cases write (a participant and a comment each). */
const FULL_TEXT_RUNS = 300;
const DAY = 86_400_000;

type Result = { ok: boolean; error?: unknown };
/** One generated call: what it tries (shown when the property fails) and the call itself. */
interface Attempt {
  what: string;
  run: () => Promise<Result>;
}

async function buildWorld(db: Db) {
  const c = await moderatedConsultation(db);
  const elsewhere = await moderatedConsultation(db);
  const draft = await newConsultation(db, { status: "draft" });
  const author = await newActor(db);
  const participant = await newActor(db, "academia");
  const blocked = await newBlockedActor(db);
  const rep = await newOrganisationRepresentative(db);
  const moderator = await newStaff(db, "moderator");
  const admin = await newStaff(db, "admin");

  const authorComment = await postComment(db, author, c);
  const participantComment = await postComment(db, participant, c);
  const moderatorComment = await postComment(db, moderator, c);
  const elsewhereComment = await postComment(db, participant, elsewhere);
  const jointComment = await postComment(db, rep.actor, c, { capacity: rep.organisationId });
  const withdrawnComment = await postComment(db, author, c);
  const withdrawn = await commentCommands.withdrawComment(db, author, { commentId: withdrawnComment });
  if (!withdrawn.ok) throw new Error(`setup withdrawal refused: ${withdrawn.error}`);

  // The participant's comment hidden under a rule, and their appeal against it.
  const hiddenComment = await postComment(db, participant, c);
  const hide = await moderationCommands.moderateComment(db, moderator, {
    commentId: hiddenComment,
    action: "hide",
    ruleId: c.rules[0]!.id,
    note: "",
  });
  if (!hide.ok) throw new Error(`setup hide refused: ${hide.error}`);
  const appeal = await moderationCommands.appealDecision(db, participant, {
    decisionId: hide.decisionId,
    statement: "Please look at this again.",
  });
  if (!appeal.ok) throw new Error(`setup appeal refused: ${appeal.error}`);

  const endorsement = await endorsementCommands.endorse(db, participant, {
    consultationSlug: c.slug,
    input: { target: "consultation", capacity: "personal", statement: "" },
  });
  const dropped = await endorsementCommands.endorse(db, author, {
    consultationSlug: c.slug,
    input: { target: c.principleId, capacity: "personal", statement: "" },
  });
  if (!endorsement.ok || !dropped.ok) throw new Error("setup endorsement refused");
  const undone = await endorsementCommands.withdrawEndorsement(db, author, { endorsementId: dropped.id });
  if (!undone.ok) throw new Error(`setup endorsement withdrawal refused: ${undone.error}`);

  // A consultation that closed with the author's comment in it.
  const closed = await newConsultation(db, { opensAt: new Date(Date.now() - 40 * DAY), closesAt: new Date(Date.now() + DAY) });
  const closedComment = await postComment(db, author, { slug: closed.slug, principleSlug: closed.principles[0]!.slug });
  await db
    .update(consultations)
    .set({ status: "closed", closesAt: new Date(Date.now() - DAY) })
    .where(eq(consultations.id, closed.consultationId));

  return {
    c,
    elsewhere,
    draft,
    closed,
    author,
    participant,
    blocked,
    rep,
    moderator,
    admin,
    comments: {
      authorComment,
      participantComment,
      moderatorComment,
      elsewhereComment,
      jointComment,
      withdrawnComment,
      hiddenComment,
      closedComment,
    },
    decisionId: hide.decisionId,
    appealId: appeal.id,
    endorsementId: endorsement.id,
    withdrawnEndorsementId: dropped.id,
  };
}
type World = Awaited<ReturnType<typeof buildWorld>>;

// ---- Generators of what a caller may not touch --------------------------------------------------------------

/**
 * Reference numbers no row has (serial ids here stay small) up to the largest PostgreSQL integer. Ids outside that
 * domain (0, negative, 2³¹, not whole) never reach a command: every action reads ids with idField, whose output
 * tests/unit/schema-properties.test.ts holds to 1…MAX_ID, and only actions call commands.
 */
const absentId = fc.oneof(fc.integer({ min: 1_000_000, max: MAX_ID }), fc.constant(MAX_ID));
const absentUuid = fc.uuid();
const slugLike = fc.stringMatching(/^[a-z0-9-]{1,100}$/);

function people(w: World) {
  const all: [string, Actor][] = [
    ["anonymous", null],
    ["author", w.author],
    ["participant", w.participant],
    ["blocked", w.blocked],
    ["orgRep", w.rep.actor],
    ["moderator", w.moderator],
    ["admin", w.admin],
  ];
  const pick = (names: string[]) => fc.constantFrom(...all.filter(([n]) => names.includes(n)));
  return {
    anyone: fc.constantFrom(...all),
    pick,
    notStaff: pick(["anonymous", "author", "participant", "blocked", "orgRep"]),
    notAdmin: pick(["anonymous", "author", "participant", "blocked", "orgRep", "moderator"]),
    staff: pick(["moderator", "admin"]),
  };
}

/** A call, labelled with who made it and with what, for the failure message. */
function attempt(who: [string, Actor], target: unknown, run: (actor: Actor) => Promise<Result>): Attempt {
  return { what: `${who[0]} → ${JSON.stringify(target)}`, run: () => run(who[1]) };
}

const as = (a: Actor) => a as SignedIn;

/** Every command that takes ids, slugs or texts from a request, with calls it must refuse. */
function commandCases(w: World, db: Db): Record<string, fc.Arbitrary<Attempt>> {
  const p = people(w);
  const ids = w.comments;
  const unknownSlug = slugLike.filter((s) => ![w.c.slug, w.elsewhere.slug, w.closed.slug, w.draft.slug].includes(s));
  const notOwnOpen = fc.constantFrom(ids.participantComment, ids.moderatorComment, ids.elsewhereComment, ids.hiddenComment);

  // Comments: edit and withdraw only one's own, while the consultation takes them.
  const ownChange = (run: (actor: Actor, commentId: number) => Promise<Result>) =>
    fc.oneof(
      fc.tuple(p.anyone, absentId).map(([who, id]) => attempt(who, id, (a) => run(a, id))),
      fc
        .tuple(p.pick(["anonymous", "author", "participant", "blocked", "orgRep", "admin"]), fc.constant(ids.moderatorComment))
        .map(([who, id]) => attempt(who, id, (a) => run(a, id))),
      fc.tuple(p.pick(["author", "blocked", "orgRep", "admin"]), notOwnOpen).map(([who, id]) => attempt(who, id, (a) => run(a, id))),
      fc.constantFrom(ids.withdrawnComment, ids.closedComment).map((id) => attempt(["author", w.author], id, (a) => run(a, id))),
    );

  const commentPlace = (consultationSlug: string, principleSlug: string, overrides: Parameters<typeof commentInput>[0] = {}) => ({
    consultationSlug,
    principleSlug,
    input: commentInput(overrides),
    language: "en" as const,
    secret: SECRET,
  });

  return {
    "comments.createComment": fc.oneof(
      fc
        .tuple(p.anyone, fc.oneof(unknownSlug, fc.constantFrom(w.draft.slug, w.closed.slug)), fc.constantFrom("principle-1", "principle-9"))
        .map(([who, slug, principle]) =>
          attempt(who, { slug, principle }, (a) => commentCommands.createComment(db, a, commentPlace(slug, principle))),
        ),
      fc
        .tuple(p.anyone, slugLike)
        .map(([who, principle]) =>
          attempt(who, { principle }, (a) => commentCommands.createComment(db, a, commentPlace(w.c.slug, `x${principle}`))),
        ),
      p
        .pick(["anonymous", "blocked"])
        .map((who) => attempt(who, "valid", (a) => commentCommands.createComment(db, a, commentPlace(w.c.slug, w.c.principleSlug)))),
      fc
        .tuple(p.pick(["author", "participant", "moderator"]), fc.oneof(absentId, fc.constant(ids.elsewhereComment)))
        .map(([who, parentId]) =>
          attempt(who, { parentId }, (a) => commentCommands.createComment(db, a, commentPlace(w.c.slug, w.c.principleSlug, { parentId }))),
        ),
      fc
        .tuple(p.pick(["author", "participant", "moderator", "admin"]), fc.oneof(absentUuid, fc.constant(w.rep.organisationId)))
        .map(([who, capacity]) =>
          attempt(who, { capacity }, (a) => commentCommands.createComment(db, a, commentPlace(w.c.slug, w.c.principleSlug, { capacity }))),
        ),
      fc
        .tuple(p.pick(["author", "participant"]), fc.string({ minLength: 1 }), fc.string())
        .map(([who, website, stamp]) =>
          attempt(who, { website, stamp }, (a) =>
            commentCommands.createComment(db, a, commentPlace(w.c.slug, w.c.principleSlug, { website, stamp })),
          ),
        ),
      fc
        .tuple(p.pick(["author", "participant"]), fc.string())
        .map(([who, stamp]) =>
          attempt(who, { stamp }, (a) => commentCommands.createComment(db, a, commentPlace(w.c.slug, w.c.principleSlug, { stamp }))),
        ),
    ),
    "comments.editComment": ownChange((a, commentId) =>
      commentCommands.editComment(db, a, { commentId, body: "An edited text that is long enough.", stance: "opposes" }),
    ),
    "comments.withdrawComment": ownChange((a, commentId) => commentCommands.withdrawComment(db, a, { commentId })),
    "moderation.reportComment": fc.oneof(
      fc
        .tuple(p.anyone, fc.oneof(absentId, fc.constantFrom(ids.withdrawnComment, ids.hiddenComment)))
        .map(([who, commentId]) =>
          attempt(who, commentId, (a) => moderationCommands.reportComment(db, a, { commentId, reason: "spam", details: "" })),
        ),
      p
        .pick(["anonymous", "blocked"])
        .map((who) =>
          attempt(who, ids.participantComment, (a) =>
            moderationCommands.reportComment(db, a, { commentId: ids.participantComment, reason: "spam", details: "" }),
          ),
        ),
      fc.constant(
        attempt(["author", w.author], "own", (a) =>
          moderationCommands.reportComment(db, a, { commentId: ids.authorComment, reason: "abusive", details: "" }),
        ),
      ),
    ),
    "moderation.moderateComment": fc.oneof(
      fc
        .tuple(p.notStaff, fc.constantFrom(...Object.values(ids)), fc.constantFrom<CommentDecision>("approve", "keep", "hide", "restore"))
        .map(([who, commentId, action]) =>
          attempt(who, { commentId, action }, (a) =>
            moderationCommands.moderateComment(db, a, { commentId, action, ruleId: w.c.rules[0]!.id, note: "" }),
          ),
        ),
      fc
        .tuple(p.staff, absentId, fc.constantFrom<CommentDecision>("approve", "keep", "hide", "restore"))
        .map(([who, commentId, action]) =>
          attempt(who, { commentId, action }, (a) =>
            moderationCommands.moderateComment(db, a, { commentId, action, ruleId: w.c.rules[0]!.id, note: "" }),
          ),
        ),
      fc
        .constantFrom<CommentDecision>("approve", "keep", "hide", "restore")
        .map((action) =>
          attempt(["moderator", w.moderator], { own: true, action }, (a) =>
            moderationCommands.moderateComment(db, a, { commentId: ids.moderatorComment, action, ruleId: w.c.rules[0]!.id, note: "" }),
          ),
        ),
      fc
        .tuple(p.staff, fc.constantFrom<CommentDecision>("approve", "restore"))
        .map(([who, action]) =>
          attempt(who, { published: true, action }, (a) =>
            moderationCommands.moderateComment(db, a, { commentId: ids.authorComment, action, ruleId: null, note: "" }),
          ),
        ),
      fc
        .tuple(p.staff, fc.oneof(absentUuid, fc.constant(w.elsewhere.rules[0]!.id)))
        .map(([who, ruleId]) =>
          attempt(who, { ruleId }, (a) =>
            moderationCommands.moderateComment(db, a, { commentId: ids.authorComment, action: "hide", ruleId, note: "" }),
          ),
        ),
    ),
    "moderation.appealDecision": fc.oneof(
      fc
        .tuple(p.anyone, absentId)
        .map(([who, decisionId]) =>
          attempt(who, decisionId, (a) =>
            moderationCommands.appealDecision(db, a, { decisionId, statement: "Please look at this again." }),
          ),
        ),
      p.pick(["anonymous", "author", "blocked", "orgRep", "moderator", "admin", "participant"]).map((who) =>
        // The participant has appealed this decision already; nobody else may.
        attempt(who, w.decisionId, (a) =>
          moderationCommands.appealDecision(db, a, { decisionId: w.decisionId, statement: "Please look at this again." }),
        ),
      ),
    ),
    "moderation.decideAppeal": fc.oneof(
      fc
        .tuple(p.anyone, absentId)
        .map(([who, appealId]) =>
          attempt(who, appealId, (a) => moderationCommands.decideAppeal(db, a, { appealId, outcome: "reversed", note: "" })),
        ),
      fc
        .tuple(
          p.pick(["anonymous", "author", "participant", "blocked", "orgRep", "moderator"]),
          fc.constantFrom("upheld", "reversed") as fc.Arbitrary<"upheld" | "reversed">,
        )
        .map(([who, outcome]) =>
          attempt(who, { appealId: w.appealId, outcome }, (a) =>
            moderationCommands.decideAppeal(db, a, { appealId: w.appealId, outcome, note: "" }),
          ),
        ),
    ),
    "moderation.blockParticipant": fc.oneof(
      fc.tuple(p.notStaff, fc.boolean()).map(([who, blocked]) =>
        attempt(who, { blocked }, (a) =>
          moderationCommands.blockParticipant(db, a, {
            userId: w.participant.id,
            consultationId: w.c.consultationId,
            blocked,
            ruleId: w.c.rules[0]!.id,
            note: "",
          }),
        ),
      ),
      fc.tuple(p.staff, fc.oneof(absentUuid, fc.constantFrom(w.moderator.id, w.admin.id))).map(([who, userId]) =>
        attempt(who, { userId }, (a) =>
          moderationCommands.blockParticipant(db, a, {
            userId,
            consultationId: w.c.consultationId,
            blocked: true,
            ruleId: w.c.rules[0]!.id,
            note: "",
          }),
        ),
      ),
      fc.tuple(p.staff, absentUuid).map(([who, consultationId]) =>
        attempt(who, { consultationId }, (a) =>
          moderationCommands.blockParticipant(db, a, {
            userId: w.participant.id,
            consultationId,
            blocked: true,
            ruleId: w.c.rules[0]!.id,
            note: "",
          }),
        ),
      ),
      fc.tuple(p.staff, fc.oneof(absentUuid, fc.constant(w.elsewhere.rules[0]!.id), fc.constant(null))).map(([who, ruleId]) =>
        attempt(who, { ruleId }, (a) =>
          moderationCommands.blockParticipant(db, a, {
            userId: w.participant.id,
            consultationId: w.c.consultationId,
            blocked: true,
            ruleId,
            note: "",
          }),
        ),
      ),
      // Lifting a block nobody placed changes nothing.
      p.staff.map((who) =>
        attempt(who, "unblock", (a) =>
          moderationCommands.blockParticipant(db, a, {
            userId: w.participant.id,
            consultationId: w.c.consultationId,
            blocked: false,
            ruleId: null,
            note: "",
          }),
        ),
      ),
    ),
    "moderation.setPreModeration": fc.oneof(
      fc
        .tuple(p.notStaff, fc.boolean())
        .map(([who, on]) => attempt(who, { on }, (a) => moderationCommands.setPreModeration(db, a, { consultationSlug: w.c.slug, on }))),
      fc
        .tuple(p.staff, unknownSlug, fc.boolean())
        .map(([who, slug, on]) =>
          attempt(who, { slug, on }, (a) => moderationCommands.setPreModeration(db, a, { consultationSlug: slug, on })),
        ),
    ),
    "moderation.setAutoHideThreshold": fc.oneof(
      fc
        .tuple(p.notStaff, fc.integer({ min: 1, max: 50 }))
        .map(([who, threshold]) =>
          attempt(who, threshold, (a) => moderationCommands.setAutoHideThreshold(db, a, { consultationSlug: w.c.slug, threshold })),
        ),
      fc
        .tuple(p.staff, unknownSlug, fc.integer({ min: 1, max: 50 }))
        .map(([who, slug, threshold]) =>
          attempt(who, { slug, threshold }, (a) => moderationCommands.setAutoHideThreshold(db, a, { consultationSlug: slug, threshold })),
        ),
      fc
        .tuple(
          p.staff,
          fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 51 }), fc.double({ noInteger: true }), fc.constantFrom(NaN, Infinity)),
        )
        .map(([who, threshold]) =>
          attempt(who, threshold, (a) => moderationCommands.setAutoHideThreshold(db, a, { consultationSlug: w.c.slug, threshold })),
        ),
    ),
    "endorsements.endorse": fc.oneof(
      p.pick(["anonymous", "blocked"]).map((who) =>
        attempt(who, "valid", (a) =>
          endorsementCommands.endorse(db, a, {
            consultationSlug: w.c.slug,
            input: { target: w.c.principles[1]!.id, capacity: "personal", statement: "" },
          }),
        ),
      ),
      fc.tuple(p.anyone, fc.oneof(unknownSlug, fc.constantFrom(w.draft.slug, w.closed.slug))).map(([who, slug]) =>
        attempt(who, slug, (a) =>
          endorsementCommands.endorse(db, a, {
            consultationSlug: slug,
            input: { target: "consultation", capacity: "personal", statement: "" },
          }),
        ),
      ),
      fc
        .tuple(
          p.pick(["author", "participant", "orgRep", "moderator", "admin"]),
          fc.oneof(absentUuid, fc.constant(w.elsewhere.principleId)),
        )
        .map(([who, target]) =>
          attempt(who, { target }, (a) =>
            endorsementCommands.endorse(db, a, { consultationSlug: w.c.slug, input: { target, capacity: "personal", statement: "" } }),
          ),
        ),
      fc
        .tuple(p.pick(["author", "participant", "moderator", "admin"]), fc.oneof(absentUuid, fc.constant(w.rep.organisationId)))
        .map(([who, capacity]) =>
          attempt(who, { capacity }, (a) =>
            endorsementCommands.endorse(db, a, {
              consultationSlug: w.c.slug,
              input: { target: w.c.principles[1]!.id, capacity, statement: "" },
            }),
          ),
        ),
    ),
    "endorsements.withdrawEndorsement": fc.oneof(
      fc
        .tuple(p.anyone, absentId)
        .map(([who, endorsementId]) =>
          attempt(who, endorsementId, (a) => endorsementCommands.withdrawEndorsement(db, a, { endorsementId })),
        ),
      p
        .pick(["anonymous", "author", "blocked", "orgRep", "moderator", "admin"])
        .map((who) =>
          attempt(who, w.endorsementId, (a) => endorsementCommands.withdrawEndorsement(db, a, { endorsementId: w.endorsementId })),
        ),
      p.anyone.map((who) =>
        attempt(who, w.withdrawnEndorsementId, (a) =>
          endorsementCommands.withdrawEndorsement(db, a, { endorsementId: w.withdrawnEndorsementId }),
        ),
      ),
    ),
    "campaigns.splitCampaignMember": fc.oneof(
      fc
        .tuple(p.notStaff, fc.constantFrom(...Object.values(ids)))
        .map(([who, commentId]) => attempt(who, commentId, (a) => campaignCommands.splitCampaignMember(db, a, { commentId }))),
      // The setup's comments share one text, so they form a campaign group a moderator may split: only absent ids here.
      fc
        .tuple(p.staff, absentId)
        .map(([who, commentId]) => attempt(who, commentId, (a) => campaignCommands.splitCampaignMember(db, a, { commentId }))),
    ),
    "campaigns.requestCosigning": fc.oneof(
      fc
        .tuple(p.anyone, fc.oneof(absentId, fc.constantFrom(ids.authorComment, ids.participantComment)), absentUuid)
        .map(([who, commentId, organisationId]) =>
          attempt(who, { commentId }, (a) => campaignCommands.requestCosigning(db, a, { commentId, organisationId })),
        ),
      fc
        .tuple(p.pick(["anonymous", "author", "participant", "blocked", "moderator", "admin"]), absentUuid)
        .map(([who, organisationId]) =>
          attempt(who, { joint: true }, (a) => campaignCommands.requestCosigning(db, a, { commentId: ids.jointComment, organisationId })),
        ),
      fc
        .oneof(absentUuid, fc.constant(w.rep.organisationId))
        .map((organisationId) =>
          attempt(["orgRep", w.rep.actor], { organisationId }, (a) =>
            campaignCommands.requestCosigning(db, a, { commentId: ids.jointComment, organisationId }),
          ),
        ),
    ),
    "campaigns.decideCosigning": fc
      .tuple(
        p.anyone,
        fc.oneof(absentId, fc.constant(ids.jointComment)),
        fc.oneof(absentUuid, fc.constant(w.rep.organisationId)),
        fc.constantFrom("confirmed", "declined") as fc.Arbitrary<"confirmed" | "declined">,
      )
      .map(([who, commentId, organisationId, decision]) =>
        attempt(who, { commentId, organisationId, decision }, (a) =>
          campaignCommands.decideCosigning(db, a, { commentId, organisationId, decision }),
        ),
      ),
    "consultation-reports.publishConsultationReport": fc.oneof(
      fc
        .tuple(p.notStaff, fc.constantFrom(w.closed.slug, w.c.slug))
        .map(([who, slug]) =>
          attempt(who, slug, (a) => publishConsultationReport(db, a, { consultationSlug: slug, introduction: "x".repeat(60) })),
        ),
      fc
        .tuple(p.staff, fc.oneof(unknownSlug, fc.constantFrom(w.draft.slug, w.c.slug)))
        .map(([who, slug]) =>
          attempt(who, slug, (a) => publishConsultationReport(db, a, { consultationSlug: slug, introduction: "x".repeat(60) })),
        ),
    ),
    "summaries.saveSummary": fc.oneof(
      p.notStaff.map((who) =>
        attempt(who, "valid", (a) => summaryCommands.saveSummary(db, a, { principleId: w.c.principleId, sections: { overview: "x" } })),
      ),
      fc
        .tuple(p.staff, absentUuid)
        .map(([who, principleId]) =>
          attempt(who, principleId, (a) => summaryCommands.saveSummary(db, a, { principleId, sections: { overview: "x" } })),
        ),
    ),
    "summaries.publishSummary": fc
      .tuple(p.anyone, fc.oneof(absentUuid, fc.constantFrom(w.c.principleId, w.elsewhere.principleId)))
      .map(([who, principleId]) => attempt(who, principleId, (a) => summaryCommands.publishSummary(db, a, { principleId }))),
    "off-platform.enterOffPlatformSubmission": fc.oneof(
      p.notStaff.map((who) =>
        attempt(who, "valid", (a) => enterOffPlatformSubmission(db, a, { input: offPlatformInput(w.c.slug, w.c.principleId, 0) })),
      ),
      fc
        .tuple(p.staff, fc.oneof(unknownSlug, fc.constantFrom(w.draft.slug, w.closed.slug)))
        .map(([who, slug]) =>
          attempt(who, slug, (a) => enterOffPlatformSubmission(db, a, { input: offPlatformInput(slug, w.c.principleId, 0) })),
        ),
      fc
        .tuple(p.staff, fc.oneof(absentUuid, fc.constant(w.elsewhere.principleId)))
        .map(([who, principleId]) =>
          attempt(who, principleId, (a) => enterOffPlatformSubmission(db, a, { input: offPlatformInput(w.c.slug, principleId, 0) })),
        ),
      // Received tomorrow or later, or long before the consultation opened.
      fc
        .tuple(p.staff, fc.oneof(fc.integer({ min: 2, max: 3000 }), fc.integer({ min: -3000, max: -3 })))
        .map(([who, days]) =>
          attempt(who, { days }, (a) => enterOffPlatformSubmission(db, a, { input: offPlatformInput(w.c.slug, w.c.principleId, days) })),
        ),
    ),
    "organisations.reviewMembership": fc.oneof(
      fc.tuple(p.notStaff, fc.boolean()).map(([who, approve]) =>
        attempt(who, { approve }, (a) =>
          organisationCommands.reviewMembership(db, a, {
            userId: w.rep.actor.id,
            organisationId: w.rep.organisationId,
            approve,
            reason: "r",
          }),
        ),
      ),
      fc
        .tuple(
          p.staff,
          fc.oneof(absentUuid, fc.constant(w.author.id)),
          fc.oneof(absentUuid, fc.constant(w.rep.organisationId)),
          fc.boolean(),
        )
        .map(([who, userId, organisationId, approve]) =>
          attempt(who, { userId, organisationId, approve }, (a) =>
            organisationCommands.reviewMembership(db, a, { userId, organisationId, approve, reason: "not a member" }),
          ),
        ),
      p.staff.map((who) =>
        attempt(who, "self", (a) =>
          organisationCommands.reviewMembership(db, a, {
            userId: as(a).id,
            organisationId: w.rep.organisationId,
            approve: true,
            reason: "",
          }),
        ),
      ),
      p.staff.map((who) =>
        attempt(who, "no reason", (a) =>
          organisationCommands.reviewMembership(db, a, {
            userId: w.rep.actor.id,
            organisationId: w.rep.organisationId,
            approve: false,
            reason: "  ",
          }),
        ),
      ),
    ),
    "organisations.verifyOrganisation": fc.oneof(
      p.notStaff.map((who) =>
        attempt(who, "valid", (a) =>
          organisationCommands.verifyOrganisation(db, a, { organisationId: w.rep.organisationId, domain: null }),
        ),
      ),
      fc
        .tuple(p.staff, absentUuid)
        .map(([who, organisationId]) =>
          attempt(who, organisationId, (a) => organisationCommands.verifyOrganisation(db, a, { organisationId, domain: "example.org" })),
        ),
    ),
    "organisations.setSigningAuthority": fc.oneof(
      fc
        .tuple(p.notAdmin, fc.boolean())
        .map(([who, maySign]) =>
          attempt(who, { maySign }, (a) =>
            organisationCommands.setSigningAuthority(db, a, { userId: w.rep.actor.id, organisationId: w.rep.organisationId, maySign }),
          ),
        ),
      fc
        .tuple(fc.oneof(absentUuid, fc.constant(w.author.id)), fc.oneof(absentUuid, fc.constant(w.rep.organisationId)), fc.boolean())
        .map(([userId, organisationId, maySign]) =>
          attempt(["admin", w.admin], { userId, organisationId }, (a) =>
            organisationCommands.setSigningAuthority(db, a, { userId, organisationId, maySign }),
          ),
        ),
      fc
        .boolean()
        .map((maySign) =>
          attempt(["admin", w.admin], "self", (a) =>
            organisationCommands.setSigningAuthority(db, a, { userId: w.admin.id, organisationId: w.rep.organisationId, maySign }),
          ),
        ),
    ),
    "organisations.changeRole": fc.oneof(
      fc
        .tuple(p.notAdmin, fc.constantFrom("participant", "moderator", "admin") as fc.Arbitrary<"participant" | "moderator" | "admin">)
        .map(([who, role]) => attempt(who, role, (a) => organisationCommands.changeRole(db, a, { userId: w.author.id, role }))),
      fc
        .tuple(
          fc.oneof(absentUuid, fc.constant(w.admin.id)),
          fc.constantFrom("participant", "moderator") as fc.Arbitrary<"participant" | "moderator">,
        )
        .map(([userId, role]) =>
          attempt(["admin", w.admin], { userId, role }, (a) => organisationCommands.changeRole(db, a, { userId, role })),
        ),
    ),
    "consultations.createConsultation": fc.oneof(
      p.notAdmin.map((who) =>
        attempt(who, "valid", (a) =>
          consultationCommands.createConsultation(db, a, draftInput(`new-${crypto.randomUUID().slice(0, 8)}`, w.rep.organisationId)),
        ),
      ),
      absentUuid.map((owner) =>
        attempt(["admin", w.admin], { owner }, (a) =>
          consultationCommands.createConsultation(db, a, draftInput(`new-${owner.slice(0, 8)}`, owner)),
        ),
      ),
      fc
        .constantFrom(w.c.slug, w.closed.slug, w.draft.slug)
        .map((slug) =>
          attempt(["admin", w.admin], { slug }, (a) =>
            consultationCommands.createConsultation(db, a, draftInput(slug, w.rep.organisationId)),
          ),
        ),
    ),
    "consultations.updateConsultation": fc.oneof(
      p.notAdmin.map((who) =>
        attempt(who, "valid", (a) =>
          consultationCommands.updateConsultation(db, a, {
            consultationId: w.draft.consultationId,
            ...draftInput(w.draft.slug, w.rep.organisationId),
          }),
        ),
      ),
      fc
        .oneof(absentUuid, fc.constant(w.closed.consultationId))
        .map((consultationId) =>
          attempt(["admin", w.admin], consultationId, (a) =>
            consultationCommands.updateConsultation(db, a, { consultationId, ...draftInput(w.draft.slug, w.rep.organisationId) }),
          ),
        ),
      absentUuid.map((owner) =>
        attempt(["admin", w.admin], { owner }, (a) =>
          consultationCommands.updateConsultation(db, a, { consultationId: w.draft.consultationId, ...draftInput(w.draft.slug, owner) }),
        ),
      ),
      fc.oneof(absentUuid, fc.constant(w.c.principleId)).map((sectionId) =>
        attempt(["admin", w.admin], { sectionId }, (a) =>
          consultationCommands.updateConsultation(db, a, {
            consultationId: w.draft.consultationId,
            ...draftInput(w.draft.slug, w.rep.organisationId, sectionId),
          }),
        ),
      ),
      fc.constantFrom(w.c.slug, w.elsewhere.slug).map((slug) =>
        attempt(["admin", w.admin], { slug }, (a) =>
          consultationCommands.updateConsultation(db, a, {
            consultationId: w.draft.consultationId,
            ...draftInput(slug, w.rep.organisationId),
          }),
        ),
      ),
    ),
    "consultations.scheduleConsultation": fc.oneof(
      p.notAdmin.map((who) =>
        attempt(who, "valid", (a) =>
          consultationCommands.scheduleConsultation(db, a, {
            consultationId: w.draft.consultationId,
            schedule: schedule(1, 40),
            acknowledgeShort: false,
          }),
        ),
      ),
      fc
        .oneof(absentUuid, fc.constant(w.closed.consultationId))
        .map((consultationId) =>
          attempt(["admin", w.admin], consultationId, (a) =>
            consultationCommands.scheduleConsultation(db, a, { consultationId, schedule: schedule(1, 40), acknowledgeShort: true }),
          ),
        ),
      // Closing before opening, or a short period not acknowledged.
      fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 29 })).map(([opens, length]) =>
        attempt(["admin", w.admin], { opens, length }, (a) =>
          consultationCommands.scheduleConsultation(db, a, {
            consultationId: w.draft.consultationId,
            schedule: schedule(opens, opens + (length === 0 ? -1 : length)),
            acknowledgeShort: false,
          }),
        ),
      ),
    ),
    "consultations.publishConsultation": fc.oneof(
      p.notAdmin.map((who) =>
        attempt(who, "valid", (a) =>
          consultationCommands.publishConsultation(db, a, {
            consultationId: w.draft.consultationId,
            hindiPending: true,
            hindiPendingUntil: new Date(Date.now() + 9 * DAY),
          }),
        ),
      ),
      fc.oneof(absentUuid, fc.constantFrom(w.c.consultationId, w.closed.consultationId)).map((consultationId) =>
        attempt(["admin", w.admin], consultationId, (a) =>
          consultationCommands.publishConsultation(db, a, {
            consultationId,
            hindiPending: true,
            hindiPendingUntil: new Date(Date.now() + 9 * DAY),
          }),
        ),
      ),
      // The draft's Hindi texts are missing: publishing needs a pending date still to come.
      fc
        .oneof(
          fc.constant(null),
          fc.integer({ min: -3000, max: 0 }).map((d) => new Date(Date.now() + d * DAY)),
        )
        .map((until) =>
          attempt(["admin", w.admin], { until }, (a) =>
            consultationCommands.publishConsultation(db, a, {
              consultationId: w.draft.consultationId,
              hindiPending: until !== null,
              hindiPendingUntil: until,
            }),
          ),
        ),
    ),
    "consultations.closeConsultation": fc.oneof(
      p.notAdmin.map((who) =>
        attempt(who, "valid", (a) => consultationCommands.closeConsultation(db, a, { consultationId: w.elsewhere.consultationId })),
      ),
      fc
        .oneof(absentUuid, fc.constantFrom(w.draft.consultationId, w.closed.consultationId))
        .map((consultationId) =>
          attempt(["admin", w.admin], consultationId, (a) => consultationCommands.closeConsultation(db, a, { consultationId })),
        ),
    ),
    "grievances.markGrievanceResolved": fc
      .tuple(p.anyone, absentId)
      .map(([who, grievanceId]) =>
        attempt(who, grievanceId, (a) => markGrievanceResolved(db, a, { grievanceId, resolution: "Answered by email." })),
      ),
    "email-change.requestEmailChange": fc.oneof(
      fc.emailAddress().map((newEmail) => attempt(["anonymous", null], newEmail, (a) => requestEmailChange(db, a, { newEmail }))),
      fc
        .tuple(
          p.pick(["author", "participant", "moderator", "admin"]),
          fc.constantFrom<Person>("author", "participant", "moderator", "admin"),
        )
        .map(([who, owner]) =>
          attempt(who, { emailOf: owner }, async (a) => requestEmailChange(db, a, { newEmail: await emailOf(db, w, owner) })),
        ),
    ),
    "email-confirmation.confirmEmail": fc
      .oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.string())
      .map((token) => ({ what: `token ${JSON.stringify(token)}`, run: () => confirmEmail(db, { token }) })),
  };
}

function offPlatformInput(consultationSlug: string, principleId: string, daysFromToday: number) {
  const day = new Date(Date.now() + daysFromToday * DAY + 5.5 * 3_600_000).toISOString().slice(0, 10);
  return offPlatformSchema.parse({
    consultationSlug,
    principleId,
    submitterName: "A letter writer",
    stakeholderGroup: "civil_society",
    channel: "post",
    receivedOn: day,
    stance: "supports",
    language: "en",
    body: "A letter about this principle, entered by a moderator.",
    formToken: crypto.randomUUID(),
  });
}

function draftInput(slug: string, ownerOrganisationId: string, sectionId: string | null = null) {
  return {
    texts: {
      slug,
      title: "Draft rules",
      titleHi: "",
      description: "Comments are invited.",
      descriptionHi: "",
      ownerOrganisationId,
      hindi: true,
      referencePrefix: "DR",
    },
    sections: [
      {
        index: 0,
        id: sectionId,
        title: "Scope",
        titleHi: "",
        body: "These rules apply.",
        bodyHi: "",
        explainer: "",
        explainerHi: "",
        remove: false,
      },
    ],
  };
}

function schedule(opensInDays: number, closesInDays: number) {
  return {
    opensAt: new Date(Date.now() + opensInDays * DAY),
    closesAt: new Date(Date.now() + closesInDays * DAY),
    counterClosesAt: null,
    summaryDueAt: null,
  };
}

type Person = "author" | "participant" | "moderator" | "admin";

/** Someone's address as it might be typed (in capitals): another person's is taken, one's own is unchanged. */
async function emailOf(db: Db, w: World, who: Person): Promise<string> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, w[who].id));
  if (!row) throw new Error(`no account for ${who}`);
  return row.email.toUpperCase();
}

// ---- The properties ---------------------------------------------------------------------------------------

for (const engine of testEngines()) {
  describe(`commands refuse what the caller may not touch, and write nothing (${engine})`, () => {
    const RUNS = runsOn(engine, FULL_RUNS);
    const TEXT_RUNS = runsOn(engine, FULL_TEXT_RUNS);
    let h: DbHandle;
    let w: World;
    let cases: Record<string, fc.Arbitrary<Attempt>>;
    const seconds: Record<string, number> = {};
    const refusals: Record<string, Record<string, number>> = {};

    beforeAll(async () => {
      h = await freshDatabase(engine);
      w = await buildWorld(h.db);
      cases = commandCases(w, h.db);
    });
    afterAll(async () => {
      console.log(`${engine}: seconds per ${RUNS} calls`, seconds);
      console.log(`${engine}: refusals by error`, JSON.stringify(refusals));
      await h?.close();
    });

    const names = [
      "comments.createComment",
      "comments.editComment",
      "comments.withdrawComment",
      "moderation.reportComment",
      "moderation.moderateComment",
      "moderation.appealDecision",
      "moderation.decideAppeal",
      "moderation.blockParticipant",
      "moderation.setPreModeration",
      "moderation.setAutoHideThreshold",
      "endorsements.endorse",
      "endorsements.withdrawEndorsement",
      "campaigns.splitCampaignMember",
      "campaigns.requestCosigning",
      "campaigns.decideCosigning",
      "consultation-reports.publishConsultationReport",
      "summaries.saveSummary",
      "summaries.publishSummary",
      "off-platform.enterOffPlatformSubmission",
      "organisations.reviewMembership",
      "organisations.verifyOrganisation",
      "organisations.setSigningAuthority",
      "organisations.changeRole",
      "consultations.createConsultation",
      "consultations.updateConsultation",
      "consultations.scheduleConsultation",
      "consultations.publishConsultation",
      "consultations.closeConsultation",
      "grievances.markGrievanceResolved",
      "email-change.requestEmailChange",
      "email-confirmation.confirmEmail",
    ];

    it("has a property for every command listed", () => {
      expect(Object.keys(cases).sort()).toEqual([...names].sort());
    });

    for (const name of names) {
      it(`${name}: ${RUNS} refused calls, none throws, no table changes`, { timeout: 600_000 }, async () => {
        const started = performance.now();
        const before = await fingerprintTables(h.db);
        await fc.assert(
          fc.asyncProperty(cases[name]!, async (call) => {
            const result = await call.run();
            expect(result.ok, `${call.what} was allowed`).toBe(false);
            const tally = (refusals[name] ??= {});
            tally[String(result.error)] = (tally[String(result.error)] ?? 0) + 1;
          }),
          { numRuns: RUNS },
        );
        const changed = changedTables(before, await fingerprintTables(h.db));
        seconds[name] = Math.round((performance.now() - started) / 100) / 10;
        expect(changed).toEqual([]);
      });
    }

    /** A comment form as the browser (or a replayed post) sends it, with the given text. */
    function commentForm(body: string, formToken = crypto.randomUUID()) {
      const form = new FormData();
      const fields = {
        body,
        stance: "supports",
        formToken,
        stamp: commentInput().stamp,
        consultationSlug: w.c.slug,
        principleSlug: w.c.principleSlug,
      };
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return readForm(form, Object.keys(commentPlaceSchema.shape));
    }

    async function post(raw: Record<string, string>) {
      const parsed = commentPlaceSchema.safeParse(raw);
      if (!parsed.success) return { parsed: false as const };
      const { consultationSlug, principleSlug, ...input } = parsed.data;
      const result = await commentCommands.createComment(h.db, await newActor(h.db), {
        consultationSlug,
        principleSlug,
        input,
        language: "en",
        secret: SECRET,
      });
      return { parsed: true as const, input, result };
    }

    it("a comment whose text carries a NUL is stored without it (it failed the insert: a 500)", async () => {
      const sent = await post(commentForm("A comment with a NUL\0 in the middle of it."));
      if (!sent.parsed || !sent.result.ok) throw new Error(`refused: ${JSON.stringify(sent)}`);
      const [row] = await h.db.select({ body: comments.body }).from(comments).where(eq(comments.id, sent.result.id));
      expect(row?.body).toBe("A comment with a NUL in the middle of it.");
    });

    it("a search for a text with a NUL answers (it failed the query: a 500)", async () => {
      const parsed = parseSearchParams({ q: "cyber\0space" });
      if (!parsed.ok) throw new Error(parsed.error);
      await expect(searchPrinciples(h.db, parsed.params.q, { limit: 5, offset: 0 })).resolves.toEqual({ rows: [], more: false });
    });

    // Valid posts write (each by a new participant, so no rate limit decides); fewer runs, as each makes rows.
    it(
      "texts of every kind (NUL, direction overrides, lone surrogates, Devanagari, past the limit) never make a comment throw",
      { timeout: 600_000 },
      async () => {
        const started = performance.now();
        const text = fc.oneof(
          fc.tuple(oddString, oddString, oddString).map((parts) => `A comment ${parts.join(" mixed ")} with enough letters.`),
          hugeString,
          oddString,
        );
        let stored = 0;
        await fc.assert(
          fc.asyncProperty(text, async (body) => {
            const sent = await post(commentForm(body));
            if (!sent.parsed || !sent.result.ok) return;
            stored += 1;
            const [row] = await h.db.select({ body: comments.body }).from(comments).where(eq(comments.id, sent.result.id));
            // Stored as parsed, except what no UTF-8 text can hold: a lone surrogate arrives as U+FFFD.
            expect(row?.body).toBe(
              sent.input.body.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"),
            );
          }),
          { numRuns: TEXT_RUNS },
        );
        // Most texts are valid comments: the insert path really ran on them.
        expect(stored).toBeGreaterThan(TEXT_RUNS / 4);
        seconds["texts through createComment"] = Math.round((performance.now() - started) / 100) / 10;
      },
    );
  });
}
