import fs from "node:fs";
import path from "node:path";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { getSessionUser, updatePasswordHash, updateProfile as updateProfileQuery, bumpSessionVersion } from "@/db/queries/users";
import {
  appeals,
  commentCosigners,
  comments,
  consultationReports,
  consultations,
  emailConfirmations,
  endorsements,
  memberships,
  moderationDecisions,
  offPlatformSubmissions,
  organisations,
  outboundEmails,
  reports,
  summaryCitations,
  summaryDrafts,
  summaryVersions,
  users,
} from "@/db/schema";
import { userForClaims } from "@/lib/auth/session-check";
import type { Actor } from "@/lib/commands/actor";
import * as commentCommands from "@/lib/commands/comments";
import { requestEmailConfirmation } from "@/lib/commands/email-confirmation";
import * as endorsementCommands from "@/lib/commands/endorsements";
import * as moderationCommands from "@/lib/commands/moderation";
import * as organisationCommands from "@/lib/commands/organisations";
import * as consultationReportCommands from "@/lib/commands/consultation-reports";
import * as summaryCommands from "@/lib/commands/summaries";
import * as offPlatformCommands from "@/lib/commands/off-platform";
import * as accountActions from "@/lib/actions/account";
import * as commentActions from "@/lib/actions/comments";
import * as endorsementActions from "@/lib/actions/endorsements";
import * as moderationActions from "@/lib/actions/moderation";
import * as organisationActions from "@/lib/actions/organisations";
import * as summaryActions from "@/lib/actions/summaries";
import * as consultationActions from "@/lib/actions/consultations";
import * as consultationCommands from "@/lib/commands/consultations";
import * as offPlatformActions from "@/lib/actions/off-platform";
import * as feedbackActions from "@/lib/actions/feedback";
import * as sessionActions from "@/lib/actions/session";
import * as emailActions from "@/lib/actions/email";
import * as privacyActions from "@/lib/actions/privacy";
import * as erasureCommands from "@/lib/commands/erasure";
import * as grievanceCommands from "@/lib/commands/grievances";
import * as campaignCommands from "@/lib/commands/campaigns";
import * as campaignActions from "@/lib/actions/campaigns";
import { insertGrievance, listGrievances } from "@/db/queries/grievances";
import { hashPassword } from "@/lib/auth/password";
import { requestEmailChange } from "@/lib/commands/email-change";
import { getPreferences, savePreferences } from "@/db/queries/notifications";
import { emailChangeSchema, notificationPreferencesSchema } from "@/lib/validation/email";
import { offPlatformSchema } from "@/lib/validation/off-platform";
import { passwordChangeSchema, profileSchema } from "@/lib/validation/account";
import { freshDatabase, testEngines } from "../support/engines";
import { commentInput, newActor, newConsultation, newOrganisation, SECRET, type SignedIn } from "./consultation-fixtures";
import {
  expectUnchanged,
  moderatedConsultation,
  newBlockedActor,
  newOrganisationRepresentative,
  newStaff,
  postComment,
  type ModeratedConsultation,
} from "./moderation-fixtures";

/**
 * The authorisation matrix, kept as data: every server action (every export of a 'use server' file in
 * lib/actions) × every kind of user. Each action that has a command is run, cell by cell, as that kind of user
 * against a real database and fresh target data: an allowed cell must succeed and make its change; a denied
 * cell must answer ok:false with the authorisation error listed here and leave every table exactly as it was.
 *
 * Actions without a command (the account ones) read the user from the session cookie and act only on that
 * user; they are listed with their rule and the part of it that can be checked without a request.
 */

const ROLES = ["anonymous", "participant", "orgRep", "blocked", "moderator", "admin"] as const;
type RoleName = (typeof ROLES)[number];

/** What a cell expects: the change, or the refusal that says who may not. */
const A = "allowed";
const U = "unauthenticated"; // no session
const F = "forbidden"; // signed in, without the right
const B = "blocked"; // a moderator's block on writing
const C = "capacityInvalid"; // not a representative of the organisation named
const N = "notFound"; // someone else's content is answered as if it did not exist
const O = "notClosed"; // a consultation's report waits until the consultation has closed
type Outcome = typeof A | typeof U | typeof F | typeof B | typeof C | typeof N | typeof O;

/** One row of the table, in the column order of ROLES. */
function cells(anonymous: Outcome, participant: Outcome, orgRep: Outcome, blocked: Outcome, moderator: Outcome, admin: Outcome) {
  return { anonymous, participant, orgRep, blocked, moderator, admin } satisfies Record<RoleName, Outcome>;
}

interface Who {
  role: RoleName;
  actor: Actor;
  /** The organisation the representative signs for (null for everyone else). */
  organisationId: string | null;
}
interface Ctx {
  h: DbHandle;
  c: ModeratedConsultation;
}
type Result = { ok: boolean; error?: string };

interface Scenario<T> {
  name: string;
  expect: Record<RoleName, Outcome>;
  /** Fresh target data for this one cell. */
  arrange: (ctx: Ctx, who: Who) => Promise<T>;
  act: (ctx: Ctx, who: Who, target: T) => Promise<Result>;
  /** Allowed cells: the change the command must have made. */
  changed: (ctx: Ctx, who: Who, target: T) => Promise<void>;
}

const commandModules = {
  comments: commentCommands,
  endorsements: endorsementCommands,
  moderation: moderationCommands,
  organisations: organisationCommands,
  "consultation-reports": consultationReportCommands,
  summaries: summaryCommands,
  consultations: consultationCommands,
  "off-platform": offPlatformCommands,
  erasure: erasureCommands,
  grievances: grievanceCommands,
  campaigns: campaignCommands,
} as const;

type CommandRef = {
  [M in keyof typeof commandModules]: { module: M; name: keyof (typeof commandModules)[M] & string };
}[keyof typeof commandModules];

type Row =
  | {
      kind: "command";
      rule: string;
      /** The command the action delegates to: lib/commands/<module>.ts, export <name>. */
      command: CommandRef;
      /** Further commands the same action calls (each must also be in its source, and run by a scenario). */
      alsoCalls?: CommandRef[];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each scenario has its own target type; T is used both in and out, so no narrower type admits them all
      scenarios: Scenario<any>[];
    }
  | { kind: "public"; rule: string; reason: string }
  | {
      kind: "selfService";
      rule: string;
      reason: string;
      /** How the action finds its user: only from the session, never from the form. */
      guard: "getCurrentUser" | "requireUser";
      /** The form fields the action reads; none of them may name an account. */
      fields: readonly string[];
      /** What can be checked without a request: the query acts on the given account only. */
      check: (h: DbHandle) => Promise<void>;
    };

// ---- Small helpers for the scenarios ------------------------------------------------------------------------

function signedIn(who: Who): SignedIn {
  if (!who.actor) throw new Error("this cell needs a signed-in actor");
  return who.actor;
}

/** The same person before the block (or anyone else for the anonymous cell), to make their own content. */
async function authorFor(db: Db, who: Who): Promise<SignedIn> {
  return who.actor ? { ...who.actor, writeBlockedAt: null } : newActor(db);
}

async function commentRow(db: Db, id: number) {
  const [row] = await db.select().from(comments).where(eq(comments.id, id));
  return row;
}

async function endorseOk(db: Db, actor: SignedIn, slug: string, capacity = "personal"): Promise<number> {
  const r = await endorsementCommands.endorse(db, actor, {
    consultationSlug: slug,
    input: { target: "consultation", capacity, statement: "" },
  });
  if (!r.ok) throw new Error(`setup endorsement refused: ${r.error}`);
  return r.id;
}

async function hiddenCommentOf(ctx: Ctx, author: SignedIn) {
  const moderator = await newStaff(ctx.h.db, "moderator");
  const commentId = await postComment(ctx.h.db, author, ctx.c);
  const hidden = await moderationCommands.moderateComment(ctx.h.db, moderator, {
    commentId,
    action: "hide",
    ruleId: ctx.c.rules[0]!.id,
    note: "",
  });
  if (!hidden.ok) throw new Error(`setup hide refused: ${hidden.error}`);
  return { commentId, decisionId: hidden.decisionId };
}

/** Two comments with the same text of their own (unlike any other cell's), so they form one campaign group. */
async function campaignPair(ctx: Ctx) {
  const body = `${crypto.randomUUID()} ${crypto.randomUUID()} we all ask for the same change`;
  const first = await postComment(ctx.h.db, await newActor(ctx.h.db), ctx.c, { body });
  const second = await postComment(ctx.h.db, await newActor(ctx.h.db), ctx.c, { body });
  const row = await commentRow(ctx.h.db, second);
  if (row?.campaignLeadId !== first) throw new Error("setup: the two comments did not group");
  return { first, second };
}

/** A comment made on behalf of an organisation by its representative: the author's own when `who` represents one. */
async function jointSubmission(ctx: Ctx, who: Who) {
  const own = who.role === "orgRep" && who.actor && who.organisationId;
  const rep = own ? { actor: who.actor!, organisationId: who.organisationId! } : await newOrganisationRepresentative(ctx.h.db);
  const commentId = await postComment(ctx.h.db, rep.actor, ctx.c, { capacity: rep.organisationId });
  return { commentId, organisationId: rep.organisationId };
}

const APPEAL = "Please look at this decision again.";

/** A principle of its own with one published comment, and (when asked) a valid draft a moderator saved. */
async function principleToSummarise(db: Db, p: { withDraft: boolean }) {
  const c = await newConsultation(db, { principleCount: 1 });
  const principle = c.principles[0]!;
  const commentId = await postComment(db, await newActor(db, "academia"), { slug: c.slug, principleSlug: principle.slug });
  const sections = { overview: `Researchers supported it [#${commentId}].`, academia: `As one researcher put it [#${commentId}].` };
  if (p.withDraft) {
    const saved = await summaryCommands.saveSummary(db, await newStaff(db, "moderator"), { principleId: principle.id, sections });
    if (!saved.ok || saved.problems.length) throw new Error(`setup draft refused: ${JSON.stringify(saved)}`);
  }
  return { principleId: principle.id, commentId, sections };
}

const INTRODUCTION = "This report sets out what was said in the consultation, group by group, as of its closing date.";

/** A new consultation's texts and one section, as the admins' form hands them to createConsultation. */
function adminDraftInput(ownerOrganisationId: string) {
  const texts = {
    slug: `matrix-${crypto.randomUUID().slice(0, 8)}`,
    title: "Draft rules",
    titleHi: "",
    description: "Comments are invited on the draft rules.",
    descriptionHi: "",
    ownerOrganisationId,
    hindi: true,
    referencePrefix: "DR",
  };
  const section = {
    index: 0,
    id: null,
    title: "Scope",
    titleHi: "",
    body: "These rules apply.",
    bodyHi: "",
    explainer: "",
    explainerHi: "",
    remove: false,
  };
  return { texts, sections: [section] };
}

/** A draft another admin created, its comment period running from yesterday. */
async function adminDraft(db: Db) {
  const input = adminDraftInput(await newOrganisation(db, { stakeholderGroup: "government" }));
  const admin = await newStaff(db, "admin");
  const created = await consultationCommands.createConsultation(db, admin, input);
  if (!created.ok) throw new Error(`setup draft refused: ${created.error}`);
  const day = 86_400_000;
  const schedule = {
    opensAt: new Date(Date.now() - day),
    closesAt: new Date(Date.now() + 40 * day),
    counterClosesAt: null,
    summaryDueAt: null,
  };
  const scheduled = await consultationCommands.scheduleConsultation(db, admin, {
    consultationId: created.id,
    schedule,
    acknowledgeShort: false,
  });
  if (!scheduled.ok) throw new Error(`setup schedule refused: ${scheduled.error}`);
  return { id: created.id, input };
}

const SCHEDULE = {
  opensAt: new Date("2030-01-01T04:30:00Z"),
  closesAt: new Date("2030-02-15T04:30:00Z"),
  counterClosesAt: null,
  summaryDueAt: null,
};

// ---- The matrix -------------------------------------------------------------------------------------------

/** The password the erasure cells give: hashed once, set on each cell's own fresh account. */
const ERASE_PASSWORD = "the account holder's own passphrase";
let erasePasswordHash: Promise<string> | undefined;

const MATRIX: Record<string, Row> = {
  // lib/actions/campaigns.ts: campaign groups and joint submissions.
  "campaigns.splitCampaignEntry": {
    kind: "command",
    rule: "moderators and admins",
    command: { module: "campaigns", name: "splitCampaignMember" },
    scenarios: [
      {
        name: "split a comment out of its campaign group",
        expect: cells(U, F, F, F, A, A),
        arrange: async (ctx) => campaignPair(ctx),
        act: ({ h }, who, t: { second: number }) => campaignCommands.splitCampaignMember(h.db, who.actor, { commentId: t.second }),
        changed: async ({ h }, who, t: { first: number; second: number }) => {
          const row = await commentRow(h.db, t.second);
          expect(row).toMatchObject({ campaignLeadId: null, campaignSplitBy: signedIn(who).id });
          expect(row?.campaignSplitAt).toBeInstanceOf(Date);
        },
      },
    ],
  },
  "campaigns.requestCosigner": {
    kind: "command",
    rule: "the author of a comment made on behalf of an organisation, while they still speak for it",
    command: { module: "campaigns", name: "requestCosigning" },
    scenarios: [
      {
        name: "name a co-signing organisation on a joint submission (the representative's own, for the representative)",
        expect: cells(U, N, A, B, N, N),
        arrange: async (ctx, who) => ({
          ...(await jointSubmission(ctx, who)),
          cosigner: await newOrganisation(ctx.h.db, { stakeholderGroup: "civil_society" }),
        }),
        act: ({ h }, who, t: { commentId: number; cosigner: string }) =>
          campaignCommands.requestCosigning(h.db, who.actor, { commentId: t.commentId, organisationId: t.cosigner }),
        changed: async ({ h }, _who, t: { commentId: number; cosigner: string }) => {
          const rows = await h.db.select().from(commentCosigners).where(eq(commentCosigners.commentId, t.commentId));
          expect(rows).toEqual([expect.objectContaining({ organisationId: t.cosigner, state: "pending", decidedBy: null })]);
        },
      },
    ],
  },
  "campaigns.answerCosignRequest": {
    kind: "command",
    rule: "an authorised representative of the co-signing organisation",
    command: { module: "campaigns", name: "decideCosigning" },
    scenarios: [
      {
        name: "confirm a co-signing request (addressed to the representative's organisation, for the representative)",
        expect: cells(U, F, A, B, F, F),
        arrange: async (ctx, who) => {
          const joint = await jointSubmission(ctx, { ...who, role: "participant" });
          const cosigner =
            who.role === "orgRep" && who.organisationId
              ? who.organisationId
              : (await newOrganisationRepresentative(ctx.h.db)).organisationId;
          await ctx.h.db.insert(commentCosigners).values({ commentId: joint.commentId, organisationId: cosigner });
          return { commentId: joint.commentId, cosigner };
        },
        act: ({ h }, who, t: { commentId: number; cosigner: string }) =>
          campaignCommands.decideCosigning(h.db, who.actor, { commentId: t.commentId, organisationId: t.cosigner, decision: "confirmed" }),
        changed: async ({ h }, who, t: { commentId: number; cosigner: string }) => {
          const [row] = await h.db
            .select()
            .from(commentCosigners)
            .where(and(eq(commentCosigners.commentId, t.commentId), eq(commentCosigners.organisationId, t.cosigner)));
          expect(row).toMatchObject({ state: "confirmed", decidedBy: signedIn(who).id });
        },
      },
    ],
  },
  // lib/actions/privacy.ts (DPDP Act 2023): erasure, grievances.
  "privacy.eraseMyAccount": {
    kind: "command",
    rule: "any signed-in user (a blocked one too), on their own account only, with its current password",
    command: { module: "erasure", name: "eraseOwnAccount" },
    scenarios: [
      {
        name: "erase one's own account",
        expect: cells(U, A, A, A, A, A),
        arrange: async ({ h }, who) => {
          erasePasswordHash ??= hashPassword(ERASE_PASSWORD);
          if (who.actor)
            await h.db
              .update(users)
              .set({ passwordHash: await erasePasswordHash })
              .where(eq(users.id, who.actor.id));
          return null;
        },
        act: ({ h }, who) =>
          erasureCommands.eraseOwnAccount(h.db, who.actor, {
            input: { currentPassword: ERASE_PASSWORD, comments: "keep", confirm: "yes" },
            address: null,
          }),
        changed: async ({ h }, who) => {
          const [row] = await h.db.select({ name: users.name, erasedAt: users.erasedAt }).from(users).where(eq(users.id, who.actor!.id));
          expect(row?.name).toBe("");
          expect(row?.erasedAt).toBeInstanceOf(Date);
        },
      },
    ],
  },
  "privacy.sendGrievance": {
    kind: "public",
    rule: "anyone, signed in or not",
    reason:
      "Stores a grievance to the grievance officer with a reference number; rate-limited per address, idempotent per form token, refused when sent faster than a person writes (grievances.test.ts). It reads and changes nobody's data.",
  },
  "privacy.resolveGrievance": {
    kind: "command",
    rule: "admins only",
    command: { module: "grievances", name: "markGrievanceResolved" },
    scenarios: [
      {
        name: "mark a grievance resolved",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => {
          const r = await insertGrievance(
            h.db,
            {
              name: "Sender",
              email: "sender@example.org",
              userId: null,
              message: "A grievance for the matrix.",
              language: "en",
              formToken: crypto.randomUUID(),
            },
            { key: `matrix:${crypto.randomUUID()}`, policy: { capacity: 10, refillMs: 1000 } },
          );
          if (!r.ok) throw new Error(r.error);
          return r.id;
        },
        act: ({ h }, who, grievanceId: number) =>
          grievanceCommands.markGrievanceResolved(h.db, who.actor, { grievanceId, resolution: "Answered by email." }),
        changed: async ({ h }, _who, grievanceId: number) => {
          const resolved = await listGrievances(h.db, { state: "resolved", limit: 1000 });
          expect(resolved.find((g) => g.id === grievanceId)).toMatchObject({ resolution: "Answered by email." });
        },
      },
    ],
  },
  // lib/actions/feedback.ts: the website's feedback form (GIGW), open to visitors by design.
  "feedback.sendFeedback": {
    kind: "public",
    rule: "anyone, signed in or not",
    reason:
      "Stores a message about the website with a reference number; rate-limited per address, idempotent per form token (feedback.test.ts). It reads and changes nobody's data.",
  },
  // lib/actions/session.ts: "Stay signed in".
  "session.extendSession": {
    kind: "public",
    rule: "anyone; only a valid session cookie is extended, and only the caller's own",
    reason:
      "Re-issues the caller's own session cookie with a fresh 'last seen' after checking it against the database; without a valid session it refuses (sessionEnded), and it never extends past the absolute lifetime (session-timeout.spec.ts).",
  },
  // lib/actions/account.ts: no commands; the session is the only source of the account.
  "account.signUp": {
    kind: "public",
    rule: "anyone, signed in or not",
    reason: "Creates a new participant account: open to anonymous visitors by design (validation and unique email in accounts.test.ts).",
  },
  "account.signIn": {
    kind: "public",
    rule: "anyone, signed in or not",
    reason:
      "Checks a password through authenticate(), throttled per account and address (sign-in-limits.test.ts); grants nobody anything without credentials.",
  },
  "account.signOut": {
    kind: "selfService",
    rule: "any signed-in user on their own account; anonymous refused (nothing to sign out)",
    reason: "Reads the user from the session cookie and bumps that user's session version; needs a request to run.",
    guard: "getCurrentUser",
    fields: [],
    check: async (h) => {
      const [a, b] = [await newActor(h.db), await newActor(h.db)];
      const nowS = Math.floor(Date.now() / 1000);
      const claims = async (id: string) => ({ sub: id, sv: (await getSessionUser(h.db, id))!.sessionVersion, authAt: nowS, seenAt: nowS });
      const [ca, cb] = [await claims(a.id), await claims(b.id)];
      await bumpSessionVersion(h.db, a.id);
      expect(await userForClaims(h.db, ca, nowS)).toBeNull();
      expect(await userForClaims(h.db, cb, nowS)).toMatchObject({ id: b.id });
    },
  },
  "account.updateProfile": {
    kind: "selfService",
    rule: "any signed-in user on their own account; anonymous refused (redirected to sign in)",
    reason: "Reads the user from the session cookie (requireUser) and updates that user only; needs a request to run.",
    guard: "requireUser",
    fields: Object.keys(profileSchema.shape),
    check: async (h) => {
      const [a, b] = [await newActor(h.db), await newActor(h.db)];
      const [beforeB] = await h.db.select().from(users).where(eq(users.id, b.id));
      const r = await updateProfileQuery(
        h.db,
        a.id,
        { name: "Renamed Person", stakeholderGroup: "academia", designation: "Dean", preferredLanguage: "hi" },
        { kind: "none" },
      );
      expect(r).toEqual({ ok: true });
      expect(await getSessionUser(h.db, a.id)).toMatchObject({ name: "Renamed Person", stakeholderGroup: "academia" });
      const [afterB] = await h.db.select().from(users).where(eq(users.id, b.id));
      expect(afterB).toEqual(beforeB);
    },
  },
  "account.changePassword": {
    kind: "selfService",
    rule: "any signed-in user on their own account, knowing its current password; anonymous refused (redirected to sign in)",
    reason:
      "Reads the user from the session cookie (requireUser), checks the current password, and rewrites that user's hash only; needs a request to run.",
    guard: "requireUser",
    fields: Object.keys(passwordChangeSchema.shape),
    check: async (h) => {
      const [a, b] = [await newActor(h.db), await newActor(h.db)];
      const [beforeB] = await h.db.select().from(users).where(eq(users.id, b.id));
      const before = (await getSessionUser(h.db, a.id))!.sessionVersion;
      expect(await updatePasswordHash(h.db, a.id, "another-hash")).toBe(before + 1);
      const [afterB] = await h.db.select().from(users).where(eq(users.id, b.id));
      expect(afterB).toEqual(beforeB);
    },
  },

  "account.resendEmailConfirmation": {
    kind: "selfService",
    rule: "any signed-in user, about their own stored address; anonymous refused (sent to sign in)",
    reason:
      "Reads the user from the session cookie and queues a link to that user's stored address only; the form names no account or address.",
    guard: "requireUser",
    fields: [],
    check: async (h) => {
      const [a, b] = [await newActor(h.db), await newActor(h.db)];
      const mail = {
        linkFor: (token: string) => `https://samvad.example/en/confirm-email?token=${token}`,
        compose: (link: string) => ({ subject: "Confirm", body: link }),
      };
      expect(await requestEmailConfirmation(h.db, null, mail)).toEqual({ ok: false, error: "unauthenticated" });
      expect(await requestEmailConfirmation(h.db, a, mail)).toEqual({ ok: true });
      const links = await h.db
        .select({ userId: emailConfirmations.userId })
        .from(emailConfirmations)
        .where(inArray(emailConfirmations.userId, [a.id, b.id]));
      expect(links).toEqual([{ userId: a.id }]);
      const queued = await h.db
        .select({ to: outboundEmails.toAddress })
        .from(outboundEmails)
        .where(inArray(outboundEmails.userId, [a.id, b.id]));
      expect(queued).toEqual([{ to: (await getSessionUser(h.db, a.id))!.email }]);
    },
  },
  "account.confirmEmailAddress": {
    kind: "public",
    rule: "anyone holding an unused, unexpired link",
    reason:
      "The one-time token from the emailed link is the proof of the mailbox; it confirms only the address it was sent to (email-confirmation.test.ts).",
  },

  // lib/actions/email.ts
  "email.forgotPassword": {
    kind: "public",
    rule: "anyone, signed in or not",
    reason:
      "Queues a single-use reset link only to the address's own mailbox, answers the same whether or not an account uses it, and is throttled per address and per client (email.test.ts).",
  },
  "email.resetPasswordWithLink": {
    kind: "public",
    rule: "anyone holding an unused, unexpired reset link",
    reason:
      "The one-time token from the emailed link is the proof of the mailbox; it resets only the account it was sent for, once (email.test.ts).",
  },
  "email.changeEmail": {
    kind: "selfService",
    rule: "any signed-in user on their own account, knowing its current password; anonymous refused (redirected to sign in)",
    reason:
      "Reads the user from the session cookie (requireUser), checks the current password, and sends a link to the new address for that user only; the account changes when the link is used.",
    guard: "requireUser",
    fields: Object.keys(emailChangeSchema.shape),
    check: async (h) => {
      const [a, b] = [await newActor(h.db), await newActor(h.db)];
      const target = `new-${crypto.randomUUID().slice(0, 8)}@example.org`;
      expect(await requestEmailChange(h.db, null, { newEmail: target })).toEqual({ ok: false, error: "unauthenticated" });
      expect(await requestEmailChange(h.db, a, { newEmail: target })).toEqual({ ok: true });
      const links = await h.db
        .select({ userId: emailConfirmations.userId })
        .from(emailConfirmations)
        .where(inArray(emailConfirmations.userId, [a.id, b.id]));
      expect(links).toEqual([{ userId: a.id }]);
    },
  },
  "email.saveNotificationPreferences": {
    kind: "selfService",
    rule: "any signed-in user on their own settings; anonymous refused (redirected to sign in)",
    reason: "Reads the user from the session cookie (requireUser) and writes that user's notification preferences only.",
    guard: "requireUser",
    fields: Object.keys(notificationPreferencesSchema.shape),
    check: async (h) => {
      const [a, b] = [await newActor(h.db), await newActor(h.db)];
      await savePreferences(h.db, a.id, { decision: false, reply: false, citation: true, consultation: false, cosign: false });
      expect(await getPreferences(h.db, a.id)).toEqual({
        decision: false,
        reply: false,
        citation: true,
        consultation: false,
        cosign: false,
      });
      expect(await getPreferences(h.db, b.id)).toEqual({ decision: true, reply: true, citation: true, consultation: true, cosign: true });
    },
  },

  // lib/actions/comments.ts
  "comments.submitComment": {
    kind: "command",
    rule: "signed-in and not blocked; on behalf of an organisation only as its verified member",
    command: { module: "comments", name: "createComment" },
    scenarios: [
      {
        name: "in one's own name",
        expect: cells(U, A, A, B, A, A),
        arrange: async () => commentInput({ body: "A comment made by the matrix test." }),
        act: ({ h, c }, who, input) =>
          commentCommands.createComment(h.db, who.actor, {
            consultationSlug: c.slug,
            principleSlug: c.principleSlug,
            input,
            language: "en",
            secret: SECRET,
          }),
        changed: async ({ h }, who, input) => {
          const [row] = await h.db.select().from(comments).where(eq(comments.formToken, input.formToken));
          expect(row).toMatchObject({ authorId: signedIn(who).id, organisationId: null, state: "published" });
        },
      },
      {
        name: "on behalf of an organisation",
        expect: cells(U, C, A, B, C, C),
        arrange: async ({ h }, who) => ({
          organisationId: who.organisationId ?? (await newOrganisationRepresentative(h.db)).organisationId,
          input: commentInput({ body: "Our organisation's view, from the matrix test." }),
        }),
        act: ({ h, c }, who, t) =>
          commentCommands.createComment(h.db, who.actor, {
            consultationSlug: c.slug,
            principleSlug: c.principleSlug,
            input: { ...t.input, capacity: t.organisationId },
            language: "en",
            secret: SECRET,
          }),
        changed: async ({ h }, who, t) => {
          const [row] = await h.db.select().from(comments).where(eq(comments.formToken, t.input.formToken));
          expect(row).toMatchObject({ authorId: signedIn(who).id, organisationId: t.organisationId });
        },
      },
    ],
  },
  "comments.saveCommentEdit": {
    kind: "command",
    rule: "the comment's author, signed in and not blocked",
    command: { module: "comments", name: "editComment" },
    scenarios: [
      {
        name: "one's own comment",
        expect: cells(U, A, A, B, A, A),
        arrange: async ({ h, c }, who) => postComment(h.db, await authorFor(h.db, who), c),
        act: ({ h }, who, commentId: number) =>
          commentCommands.editComment(h.db, who.actor, { commentId, body: "The text after the edit.", stance: "opposes" }),
        changed: async ({ h }, _who, commentId: number) => {
          expect(await commentRow(h.db, commentId)).toMatchObject({ body: "The text after the edit.", stance: "opposes" });
        },
      },
      {
        name: "someone else's comment",
        expect: cells(U, N, N, N, N, N),
        arrange: async ({ h, c }) => postComment(h.db, await newActor(h.db), c),
        act: ({ h }, who, commentId: number) =>
          commentCommands.editComment(h.db, who.actor, { commentId, body: "Words put in another's mouth.", stance: "opposes" }),
        changed: async () => {},
      },
    ],
  },
  "comments.withdrawOwnComment": {
    kind: "command",
    // lib/commands/comments.ts withdrawComment does not check the block: taking one's own words back is allowed.
    rule: "the comment's author, signed in (a blocked author may still withdraw)",
    command: { module: "comments", name: "withdrawComment" },
    scenarios: [
      {
        name: "one's own comment",
        expect: cells(U, A, A, A, A, A),
        arrange: async ({ h, c }, who) => postComment(h.db, await authorFor(h.db, who), c),
        act: ({ h }, who, commentId: number) => commentCommands.withdrawComment(h.db, who.actor, { commentId }),
        changed: async ({ h }, _who, commentId: number) => {
          expect((await commentRow(h.db, commentId))?.state).toBe("withdrawn");
        },
      },
      {
        name: "someone else's comment",
        expect: cells(U, N, N, N, N, N),
        arrange: async ({ h, c }) => postComment(h.db, await newActor(h.db), c),
        act: ({ h }, who, commentId: number) => commentCommands.withdrawComment(h.db, who.actor, { commentId }),
        changed: async () => {},
      },
    ],
  },

  // lib/actions/endorsements.ts
  "endorsements.recordEndorsement": {
    kind: "command",
    rule: "signed-in and not blocked; on behalf of an organisation only as its representative with authority to sign",
    command: { module: "endorsements", name: "endorse" },
    scenarios: [
      {
        name: "in one's own name",
        expect: cells(U, A, A, B, A, A),
        arrange: async () => null,
        act: ({ h, c }, who) =>
          endorsementCommands.endorse(h.db, who.actor, {
            consultationSlug: c.slug,
            input: { target: "consultation", capacity: "personal", statement: "" },
          }),
        changed: async ({ h, c }, who) => {
          const active = await h.db
            .select()
            .from(endorsements)
            .where(
              and(
                eq(endorsements.consultationId, c.consultationId),
                eq(endorsements.endorserId, signedIn(who).id),
                isNull(endorsements.withdrawnAt),
              ),
            );
          expect(active).toMatchObject([{ organisationId: null, targetKey: "consultation" }]);
        },
      },
      {
        name: "on behalf of an organisation",
        expect: cells(U, C, A, B, C, C),
        arrange: async ({ h }, who) => who.organisationId ?? (await newOrganisationRepresentative(h.db)).organisationId,
        act: ({ h, c }, who, organisationId: string) =>
          endorsementCommands.endorse(h.db, who.actor, {
            consultationSlug: c.slug,
            input: { target: "consultation", capacity: organisationId, statement: "" },
          }),
        changed: async ({ h, c }, who, organisationId: string) => {
          const active = await h.db
            .select()
            .from(endorsements)
            .where(
              and(
                eq(endorsements.consultationId, c.consultationId),
                eq(endorsements.organisationId, organisationId),
                isNull(endorsements.withdrawnAt),
              ),
            );
          expect(active).toMatchObject([{ endorserId: signedIn(who).id }]);
        },
      },
    ],
  },
  "endorsements.withdrawEndorsementAction": {
    kind: "command",
    // lib/commands/endorsements.ts withdrawEndorsement does not check the block either.
    rule: "one's own personal endorsement (a blocked user may still withdraw); an organisation's only by its representative with authority to sign",
    command: { module: "endorsements", name: "withdrawEndorsement" },
    scenarios: [
      {
        name: "one's own personal endorsement",
        expect: cells(U, A, A, A, A, A),
        arrange: async ({ h, c }, who) => endorseOk(h.db, await authorFor(h.db, who), c.slug),
        act: ({ h }, who, endorsementId: number) => endorsementCommands.withdrawEndorsement(h.db, who.actor, { endorsementId }),
        changed: async ({ h }, who, endorsementId: number) => {
          const [row] = await h.db.select().from(endorsements).where(eq(endorsements.id, endorsementId));
          expect(row?.withdrawnAt).toBeInstanceOf(Date);
          expect(row?.withdrawnBy).toBe(signedIn(who).id);
        },
      },
      {
        name: "an organisation's endorsement",
        expect: cells(U, F, A, F, F, F),
        arrange: async ({ h, c }, who) => {
          const rep = who.organisationId
            ? { actor: signedIn(who), organisationId: who.organisationId }
            : await newOrganisationRepresentative(h.db);
          return endorseOk(h.db, rep.actor, c.slug, rep.organisationId);
        },
        act: ({ h }, who, endorsementId: number) => endorsementCommands.withdrawEndorsement(h.db, who.actor, { endorsementId }),
        changed: async ({ h }, _who, endorsementId: number) => {
          const [row] = await h.db.select().from(endorsements).where(eq(endorsements.id, endorsementId));
          expect(row?.withdrawnAt).toBeInstanceOf(Date);
        },
      },
    ],
  },

  // lib/actions/moderation.ts
  "moderation.submitReport": {
    kind: "command",
    rule: "signed-in and not blocked, on someone else's published comment",
    command: { module: "moderation", name: "reportComment" },
    scenarios: [
      {
        name: "someone else's comment",
        expect: cells(U, A, A, B, A, A),
        arrange: async ({ h, c }) => postComment(h.db, await newActor(h.db), c),
        act: ({ h }, who, commentId: number) =>
          moderationCommands.reportComment(h.db, who.actor, { commentId, reason: "off_topic", details: "" }),
        changed: async ({ h }, who, commentId: number) => {
          const got = await h.db.select().from(reports).where(eq(reports.commentId, commentId));
          expect(got).toMatchObject([{ reporterId: signedIn(who).id, reason: "off_topic" }]);
        },
      },
    ],
  },
  "moderation.submitDecision": {
    kind: "command",
    rule: "moderators and admins",
    command: { module: "moderation", name: "moderateComment" },
    scenarios: [
      {
        name: "hide a comment under a rule",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h, c }) => postComment(h.db, await newActor(h.db), c),
        act: ({ h, c }, who, commentId: number) =>
          moderationCommands.moderateComment(h.db, who.actor, { commentId, action: "hide", ruleId: c.rules[0]!.id, note: "" }),
        changed: async ({ h }, who, commentId: number) => {
          expect((await commentRow(h.db, commentId))?.state).toBe("hidden");
          const d = await h.db.select().from(moderationDecisions).where(eq(moderationDecisions.commentId, commentId));
          expect(d).toMatchObject([{ action: "hide", actorId: signedIn(who).id, actorRole: who.role }]);
        },
      },
    ],
  },
  "moderation.submitAppeal": {
    kind: "command",
    // lib/commands/moderation.ts appealDecision does not check the block: a blocked author may contest decisions.
    rule: "the author whose content (or account) the decision is about, once per decision",
    command: { module: "moderation", name: "appealDecision" },
    scenarios: [
      {
        name: "the hide of one's own comment",
        expect: cells(U, A, A, A, A, A),
        arrange: async (ctx, who) => (await hiddenCommentOf(ctx, await authorFor(ctx.h.db, who))).decisionId,
        act: ({ h }, who, decisionId: number) => moderationCommands.appealDecision(h.db, who.actor, { decisionId, statement: APPEAL }),
        changed: async ({ h }, who, decisionId: number) => {
          const got = await h.db.select().from(appeals).where(eq(appeals.decisionId, decisionId));
          expect(got).toMatchObject([{ appellantId: signedIn(who).id, outcome: null }]);
        },
      },
      {
        name: "the hide of someone else's comment",
        expect: cells(U, N, N, N, N, N),
        arrange: async (ctx) => (await hiddenCommentOf(ctx, await newActor(ctx.h.db))).decisionId,
        act: ({ h }, who, decisionId: number) => moderationCommands.appealDecision(h.db, who.actor, { decisionId, statement: APPEAL }),
        changed: async () => {},
      },
    ],
  },
  "moderation.submitAppealDecision": {
    kind: "command",
    rule: "moderators and admins other than the one who made the contested decision",
    command: { module: "moderation", name: "decideAppeal" },
    scenarios: [
      {
        name: "reverse another moderator's hide",
        expect: cells(U, F, F, F, A, A),
        arrange: async (ctx) => {
          const author = await newActor(ctx.h.db);
          const { commentId, decisionId } = await hiddenCommentOf(ctx, author);
          const appeal = await moderationCommands.appealDecision(ctx.h.db, author, { decisionId, statement: APPEAL });
          if (!appeal.ok) throw new Error(`setup appeal refused: ${appeal.error}`);
          return { commentId, appealId: appeal.id };
        },
        act: ({ h }, who, t: { appealId: number }) =>
          moderationCommands.decideAppeal(h.db, who.actor, { appealId: t.appealId, outcome: "reversed", note: "" }),
        changed: async ({ h }, who, t: { commentId: number; appealId: number }) => {
          const [appeal] = await h.db.select().from(appeals).where(eq(appeals.id, t.appealId));
          expect(appeal).toMatchObject({ outcome: "reversed", decidedBy: signedIn(who).id });
          expect((await commentRow(h.db, t.commentId))?.state).toBe("published");
        },
      },
    ],
  },
  "moderation.submitBlock": {
    kind: "command",
    rule: "moderators and admins, never on themselves",
    command: { module: "moderation", name: "blockParticipant" },
    scenarios: [
      {
        name: "block a participant under a rule",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => (await newActor(h.db)).id,
        act: ({ h, c }, who, userId: string) =>
          moderationCommands.blockParticipant(h.db, who.actor, {
            userId,
            consultationId: c.consultationId,
            blocked: true,
            ruleId: c.rules[0]!.id,
            note: "",
          }),
        changed: async ({ h }, _who, userId: string) => {
          expect((await getSessionUser(h.db, userId))?.writeBlockedAt).toBeInstanceOf(Date);
        },
      },
    ],
  },
  "moderation.togglePreModeration": {
    kind: "command",
    rule: "moderators and admins",
    command: { module: "moderation", name: "setPreModeration" },
    scenarios: [
      {
        name: "turn pre-moderation on",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => newConsultation(h.db, { principleCount: 1 }),
        act: ({ h }, who, t: { slug: string }) =>
          moderationCommands.setPreModeration(h.db, who.actor, { consultationSlug: t.slug, on: true }),
        changed: async ({ h }, _who, t: { consultationId: string }) => {
          const [row] = await h.db
            .select({ on: consultations.preModeration })
            .from(consultations)
            .where(eq(consultations.id, t.consultationId));
          expect(row?.on).toBe(true);
        },
      },
    ],
  },

  "moderation.submitAutoHideThreshold": {
    kind: "command",
    rule: "moderators and admins",
    command: { module: "moderation", name: "setAutoHideThreshold" },
    scenarios: [
      {
        name: "change the auto-hide threshold",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => newConsultation(h.db, { principleCount: 1 }),
        act: ({ h }, who, t: { slug: string }) =>
          moderationCommands.setAutoHideThreshold(h.db, who.actor, { consultationSlug: t.slug, threshold: 7 }),
        changed: async ({ h }, _who, t: { consultationId: string }) => {
          const [row] = await h.db
            .select({ n: consultations.autoHideThreshold })
            .from(consultations)
            .where(eq(consultations.id, t.consultationId));
          expect(row?.n).toBe(7);
        },
      },
    ],
  },

  // lib/actions/organisations.ts
  "organisations.submitMembershipReview": {
    kind: "command",
    rule: "moderators and admins",
    command: { module: "organisations", name: "reviewMembership" },
    scenarios: [
      {
        name: "approve a pending membership",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => {
          const organisationId = await newOrganisation(h.db, { verified: true });
          const member = await newActor(h.db);
          await h.db.insert(memberships).values({ userId: member.id, organisationId });
          return { userId: member.id, organisationId };
        },
        act: ({ h }, who, t: { userId: string; organisationId: string }) =>
          organisationCommands.reviewMembership(h.db, who.actor, { ...t, approve: true, reason: "" }),
        changed: async ({ h }, who, t: { userId: string; organisationId: string }) => {
          const [row] = await h.db
            .select()
            .from(memberships)
            .where(and(eq(memberships.userId, t.userId), eq(memberships.organisationId, t.organisationId)));
          expect(row?.verifiedAt).toBeInstanceOf(Date);
          expect(row?.verifiedBy).toBe(signedIn(who).id);
        },
      },
    ],
  },
  "organisations.submitOrganisationVerification": {
    kind: "command",
    rule: "moderators and admins",
    command: { module: "organisations", name: "verifyOrganisation" },
    scenarios: [
      {
        name: "verify an organisation with its domain",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => newOrganisation(h.db, { verified: false }),
        act: ({ h }, who, organisationId: string) =>
          organisationCommands.verifyOrganisation(h.db, who.actor, { organisationId, domain: "verified.example" }),
        changed: async ({ h }, who, organisationId: string) => {
          const [row] = await h.db.select().from(organisations).where(eq(organisations.id, organisationId));
          expect(row).toMatchObject({ verifiedBy: signedIn(who).id, websiteDomain: "verified.example" });
          expect(row?.verifiedAt).toBeInstanceOf(Date);
        },
      },
    ],
  },
  "organisations.submitSigningAuthority": {
    kind: "command",
    rule: "admins only",
    command: { module: "organisations", name: "setSigningAuthority" },
    scenarios: [
      {
        name: "grant a verified member the authority to sign",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => {
          const organisationId = await newOrganisation(h.db, { verified: true });
          const member = await newActor(h.db);
          await h.db.insert(memberships).values({ userId: member.id, organisationId, verifiedAt: new Date(), maySign: false });
          return { userId: member.id, organisationId };
        },
        act: ({ h }, who, t: { userId: string; organisationId: string }) =>
          organisationCommands.setSigningAuthority(h.db, who.actor, { ...t, maySign: true }),
        changed: async ({ h }, _who, t: { userId: string; organisationId: string }) => {
          const [row] = await h.db
            .select({ maySign: memberships.maySign })
            .from(memberships)
            .where(and(eq(memberships.userId, t.userId), eq(memberships.organisationId, t.organisationId)));
          expect(row?.maySign).toBe(true);
        },
      },
    ],
  },
  "organisations.submitRoleChange": {
    kind: "command",
    rule: "admins only, and never on their own role",
    command: { module: "organisations", name: "changeRole" },
    scenarios: [
      {
        name: "make another user a moderator",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => (await newActor(h.db)).id,
        act: ({ h }, who, userId: string) => organisationCommands.changeRole(h.db, who.actor, { userId, role: "moderator" }),
        changed: async ({ h }, _who, userId: string) => {
          expect((await getSessionUser(h.db, userId))?.role).toBe("moderator");
        },
      },
      {
        name: "change one's own role",
        expect: cells(U, F, F, F, F, F),
        arrange: async ({ h }, who) => (who.actor ? who.actor.id : (await newActor(h.db)).id),
        act: ({ h }, who, userId: string) =>
          organisationCommands.changeRole(h.db, who.actor, { userId, role: who.actor?.role === "admin" ? "participant" : "admin" }),
        changed: async () => {},
      },
    ],
  },

  // lib/actions/consultations.ts
  "consultations.saveConsultation": {
    kind: "command",
    // The form creates a draft (createConsultation) or, for a saved one, edits it (updateConsultation).
    rule: "admins only, to create a consultation and to edit its texts and sections",
    command: { module: "consultations", name: "createConsultation" },
    alsoCalls: [{ module: "consultations", name: "updateConsultation" }],
    scenarios: [
      {
        name: "create a draft with one section",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => adminDraftInput(await newOrganisation(h.db, { stakeholderGroup: "government" })),
        act: ({ h }, who, t: ReturnType<typeof adminDraftInput>) => consultationCommands.createConsultation(h.db, who.actor, t),
        changed: async ({ h }, who, t: ReturnType<typeof adminDraftInput>) => {
          const [row] = await h.db.select().from(consultations).where(eq(consultations.slug, t.texts.slug));
          expect(row).toMatchObject({ status: "draft", createdBy: signedIn(who).id });
        },
      },
      {
        name: "edit a draft's title",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => adminDraft(h.db),
        act: ({ h }, who, t: Awaited<ReturnType<typeof adminDraft>>) =>
          consultationCommands.updateConsultation(h.db, who.actor, {
            consultationId: t.id,
            texts: { ...t.input.texts, title: "A new title" },
            sections: [],
          }),
        changed: async ({ h }, _who, t: Awaited<ReturnType<typeof adminDraft>>) => {
          const [row] = await h.db.select().from(consultations).where(eq(consultations.id, t.id));
          expect(row?.title).toBe("A new title");
        },
      },
    ],
  },
  "consultations.saveSchedule": {
    kind: "command",
    rule: "admins only",
    command: { module: "consultations", name: "scheduleConsultation" },
    scenarios: [
      {
        name: "set a draft's schedule",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => adminDraft(h.db),
        act: ({ h }, who, t: Awaited<ReturnType<typeof adminDraft>>) =>
          consultationCommands.scheduleConsultation(h.db, who.actor, { consultationId: t.id, schedule: SCHEDULE, acknowledgeShort: false }),
        changed: async ({ h }, _who, t: Awaited<ReturnType<typeof adminDraft>>) => {
          const [row] = await h.db.select().from(consultations).where(eq(consultations.id, t.id));
          expect(row).toMatchObject({ opensAt: SCHEDULE.opensAt, closesAt: SCHEDULE.closesAt });
        },
      },
    ],
  },
  "consultations.submitPublication": {
    kind: "command",
    rule: "admins only, once the official texts are in Hindi or the translation is marked pending",
    command: { module: "consultations", name: "publishConsultation" },
    scenarios: [
      {
        name: "publish a draft, its Hindi translation marked pending",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => adminDraft(h.db),
        act: ({ h }, who, t: Awaited<ReturnType<typeof adminDraft>>) =>
          consultationCommands.publishConsultation(h.db, who.actor, {
            consultationId: t.id,
            hindiPending: true,
            hindiPendingUntil: new Date(Date.now() + 7 * 86_400_000),
          }),
        changed: async ({ h }, _who, t: Awaited<ReturnType<typeof adminDraft>>) => {
          const [row] = await h.db.select().from(consultations).where(eq(consultations.id, t.id));
          expect(row?.status).toBe("open");
          expect(row?.publishedAt).toBeInstanceOf(Date);
        },
      },
    ],
  },
  "consultations.submitClosure": {
    kind: "command",
    rule: "admins only, when no comment awaits moderation",
    command: { module: "consultations", name: "closeConsultation" },
    scenarios: [
      {
        name: "close an open consultation",
        expect: cells(U, F, F, F, F, A),
        arrange: async ({ h }) => newConsultation(h.db, { principleCount: 1 }),
        act: ({ h }, who, t: { consultationId: string }) => consultationCommands.closeConsultation(h.db, who.actor, t),
        changed: async ({ h }, _who, t: { consultationId: string }) => {
          const [row] = await h.db.select().from(consultations).where(eq(consultations.id, t.consultationId));
          expect(row?.status).toBe("closed");
        },
      },
    ],
  },

  // lib/actions/summaries.ts
  "summaries.submitSummary": {
    kind: "command",
    // The action saves first (saveSummary) and, when the form asks to publish, then publishes (publishSummary).
    rule: "moderators and admins, to save a principle's summary draft and to publish it",
    command: { module: "summaries", name: "saveSummary" },
    alsoCalls: [{ module: "summaries", name: "publishSummary" }],
    scenarios: [
      {
        name: "save a principle's summary draft",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => principleToSummarise(h.db, { withDraft: false }),
        act: ({ h }, who, t: { principleId: string; sections: Record<string, string> }) =>
          summaryCommands.saveSummary(h.db, who.actor, { principleId: t.principleId, sections: t.sections }),
        changed: async ({ h }, who, t: { principleId: string; sections: Record<string, string> }) => {
          const drafts = await h.db.select().from(summaryDrafts).where(eq(summaryDrafts.principleId, t.principleId));
          expect(drafts).toMatchObject([{ sections: t.sections, updatedBy: signedIn(who).id }]);
        },
      },
      {
        name: "publish a saved draft",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => principleToSummarise(h.db, { withDraft: true }),
        act: ({ h }, who, t: { principleId: string }) => summaryCommands.publishSummary(h.db, who.actor, { principleId: t.principleId }),
        changed: async ({ h }, who, t: { principleId: string; commentId: number; sections: Record<string, string> }) => {
          const versions = await h.db.select().from(summaryVersions).where(eq(summaryVersions.principleId, t.principleId));
          expect(versions).toMatchObject([{ version: 1, sections: t.sections, publishedByRole: who.role }]);
          const cited = await h.db.select().from(summaryCitations).where(eq(summaryCitations.versionId, versions[0]!.id));
          expect(cited.map((r) => r.section).sort()).toEqual(["academia", "overview"]);
          for (const r of cited) expect(r.commentId).toBe(t.commentId);
        },
      },
    ],
  },
  "summaries.submitConsultationReport": {
    kind: "command",
    rule: "moderators and admins, once the consultation has closed",
    command: { module: "consultation-reports", name: "publishConsultationReport" },
    scenarios: [
      {
        name: "publish a closed consultation's report",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ h }) => newConsultation(h.db, { status: "closed", principleCount: 1 }),
        act: ({ h }, who, t: { slug: string }) =>
          consultationReportCommands.publishConsultationReport(h.db, who.actor, { consultationSlug: t.slug, introduction: INTRODUCTION }),
        changed: async ({ h }, who, t: { consultationId: string }) => {
          const got = await h.db.select().from(consultationReports).where(eq(consultationReports.consultationId, t.consultationId));
          expect(got).toMatchObject([{ introduction: INTRODUCTION, publishedByRole: who.role }]);
        },
      },
      {
        name: "publish the report of a consultation still open",
        expect: cells(U, F, F, F, O, O),
        arrange: async ({ h }) => newConsultation(h.db, { principleCount: 1 }),
        act: ({ h }, who, t: { slug: string }) =>
          consultationReportCommands.publishConsultationReport(h.db, who.actor, { consultationSlug: t.slug, introduction: INTRODUCTION }),
        changed: async () => {},
      },
    ],
  },
  // lib/actions/off-platform.ts
  "off-platform.submitOffPlatform": {
    kind: "command",
    rule: "moderators and admins, until the consultation is closed",
    command: { module: "off-platform", name: "enterOffPlatformSubmission" },
    scenarios: [
      {
        name: "enter a submission received by email",
        expect: cells(U, F, F, F, A, A),
        arrange: async ({ c }) => offPlatformInput(c),
        act: ({ h }, who, input: ReturnType<typeof offPlatformInput>) =>
          offPlatformCommands.enterOffPlatformSubmission(h.db, who.actor, { input }),
        changed: async ({ h }, who, input: ReturnType<typeof offPlatformInput>) => {
          const [row] = await h.db.select().from(comments).where(eq(comments.formToken, input.formToken));
          expect(row).toMatchObject({ authorId: null, offPlatform: true, state: "published", body: input.body });
          const [sub] = await h.db.select().from(offPlatformSubmissions).where(eq(offPlatformSubmissions.commentId, row!.id));
          expect(sub).toMatchObject({ enteredBy: signedIn(who).id, channel: "email" });
        },
      },
    ],
  },
};

/** Everything a moderator fills in for a letter received yesterday, on the matrix's consultation. */
function offPlatformInput(c: ModeratedConsultation) {
  const yesterday = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Kolkata",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(Date.now() - 24 * 60 * 60 * 1000));
  return offPlatformSchema.parse({
    consultationSlug: c.slug,
    principleId: c.principleId,
    submitterName: "Residents' Welfare Association, Sector 12",
    stakeholderGroup: "civil_society",
    channel: "email",
    receivedOn: yesterday,
    stance: "supports",
    language: "en",
    body: "We support the principle and ask for help desks in every district.",
    formToken: crypto.randomUUID(),
  });
}

/**
 * Mutating route handlers (POST, PUT, PATCH, DELETE) under app/, by file and method. None runs a command of
 * ours today; each is listed with why it is outside the matrix.
 */
const ROUTE_MATRIX: Record<string, Partial<Record<"POST" | "PUT" | "PATCH" | "DELETE", { exempt: string }>>> = {
  "app/api/unsubscribe/route.ts": {
    POST: {
      exempt:
        "RFC 8058 one-click unsubscribe: needs no session by design; the HMAC-signed token names one account and one kind of email, and the only thing it can do is switch that kind off (email.test.ts)",
    },
  },
  "app/api/csp-report/route.ts": {
    POST: {
      exempt:
        "browsers send Content-Security-Policy violation reports without a session, and from any page: it only stores a truncated, anonymous report, under a global rate limit and a 64 KiB cap (csp-report.test.ts)",
    },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    POST: {
      exempt:
        "next-auth's own endpoints (sign-in with credentials, sign-out, CSRF token); refused unless same-origin (lib/http/origin.ts); credentials are checked and throttled by lib/auth/authenticate.ts",
    },
  },
};

/** The 'use server' modules under test, by file name: a new file there must be added here and to MATRIX. */
const ACTION_MODULES: Record<string, Record<string, unknown>> = {
  account: accountActions,
  comments: commentActions,
  endorsements: endorsementActions,
  moderation: moderationActions,
  organisations: organisationActions,
  summaries: summaryActions,
  consultations: consultationActions,
  "off-platform": offPlatformActions,
  feedback: feedbackActions,
  session: sessionActions,
  email: emailActions,
  privacy: privacyActions,
  campaigns: campaignActions,
};

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ACTIONS_DIR = path.join(ROOT, "lib", "actions");
const NOT_ACTIONS = new Set(["form-state.ts"]);
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** An action's declaration in its module's source: from `export … name` to the next export. */
function declarationOf(moduleName: string, exportName: string): string {
  const source = fs.readFileSync(path.join(ACTIONS_DIR, `${moduleName}.ts`), "utf8");
  const start = source.search(new RegExp(`export (const|async function) ${exportName}\\b`));
  if (start === -1) return "";
  const next = source.slice(start + 1).search(/\nexport /);
  return source.slice(start, next === -1 ? undefined : start + 1 + next);
}

/** Declared through the one wrapper, which loads the actor from the session. */
const WRAPPED = /^export const \w+ = (formAction|buttonAction)\(/;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) out.push(...filesUnder(full, keep));
    } else if (keep(entry.name)) out.push(full);
  }
  return out;
}

// ---- Completeness: the matrix names every endpoint ----------------------------------------------------------

describe("the authorisation matrix covers every endpoint", () => {
  it("lists every export of every 'use server' module in lib/actions, and nothing else", async () => {
    const discovered = fs
      .readdirSync(ACTIONS_DIR)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !NOT_ACTIONS.has(f))
      .sort();
    expect(discovered.map((f) => f.replace(/\.tsx?$/, ""))).toEqual(Object.keys(ACTION_MODULES).sort());
    const exported: string[] = [];
    for (const file of discovered) {
      const mod = (await import(path.join(ACTIONS_DIR, file))) as Record<string, unknown>;
      for (const name of Object.keys(mod)) exported.push(`${file.replace(/\.tsx?$/, "")}.${name}`);
    }
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it("form-state.ts, the one exception, is not a 'use server' module and exports no function", async () => {
    for (const f of NOT_ACTIONS) {
      const source = fs.readFileSync(path.join(ACTIONS_DIR, f), "utf8");
      expect(source).not.toMatch(/^\s*["']use server["']/m);
      const mod = (await import(path.join(ACTIONS_DIR, f))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) expect(typeof value, name).not.toBe("function");
    }
  });

  it("declares no server action outside lib/actions", () => {
    const sources = ["app", "components", "lib"].flatMap((d) => filesUnder(path.join(ROOT, d), (n) => /\.(ts|tsx|js|jsx|mjs)$/.test(n)));
    expect(sources.length).toBeGreaterThan(20);
    const outside = sources.filter(
      (f) => !f.startsWith(ACTIONS_DIR + path.sep) && /^\s*["']use server["'];?\s*$/m.test(fs.readFileSync(f, "utf8")),
    );
    expect(outside.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("lists every mutating route handler under app/ (POST, PUT, PATCH, DELETE)", async () => {
    const routes = filesUnder(path.join(ROOT, "app"), (n) => /^route\.(ts|tsx|js|mjs)$/.test(n));
    expect(routes.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of routes) {
      const rel = path.relative(ROOT, file).split(path.sep).join("/");
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of MUTATING) if (typeof mod[method] === "function") found.push(`${rel} ${method}`);
    }
    const listed = Object.entries(ROUTE_MATRIX).flatMap(([file, methods]) => Object.keys(methods).map((m) => `${file} ${m}`));
    expect(found.sort()).toEqual(listed.sort());
    for (const [file, methods] of Object.entries(ROUTE_MATRIX)) {
      for (const [method, entry] of Object.entries(methods)) expect(entry?.exempt.length, `${file} ${method}`).toBeGreaterThan(40);
    }
  });

  it("each action calls the command the matrix names, with the session's user", () => {
    for (const [key, row] of Object.entries(MATRIX)) {
      const [moduleName, exportName] = key.split(".") as [string, string];
      const action = ACTION_MODULES[moduleName]?.[exportName];
      expect(typeof action, key).toBe("function");
      const source = declarationOf(moduleName, exportName);
      if (row.kind === "command") {
        const command = (commandModules[row.command.module] as Record<string, unknown>)[row.command.name];
        expect(typeof command, `${key} → ${row.command.module}.${row.command.name}`).toBe("function");
        expect(source, key).toMatch(new RegExp(`\\b${row.command.name}\\)?\\(`));
        for (const also of row.alsoCalls ?? []) {
          const extra = (commandModules[also.module] as Record<string, unknown>)[also.name];
          expect(typeof extra, `${key} → ${also.module}.${also.name}`).toBe("function");
          expect(source, key).toMatch(new RegExp(`\\b${also.name}\\)?\\(`));
        }
        // The wrapper reads the actor from the session (lib/actions/kit/form-action.ts), never from the form.
        expect(source, key).toMatch(WRAPPED);
        expect(row.scenarios.length, key).toBeGreaterThan(0);
      } else if (row.kind === "selfService") {
        expect(source, key).toMatch(new RegExp(`\\b${row.guard}\\)?\\(`));
        // The account acted on is the session's: no form field may name one.
        for (const field of row.fields) expect(["userId", "id", "email", "user"], `${key} reads ${field}`).not.toContain(field);
        expect(source, key).not.toMatch(/userId/);
      } else {
        expect(row.reason.length, key).toBeGreaterThan(40);
      }
    }
  });
});

// ---- The cells ----------------------------------------------------------------------------------------------

describe.each(testEngines())("authorisation matrix on %s", (engine) => {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.h = await freshDatabase(engine);
    // One consultation for the whole table; every cell makes its own target in it (reports never auto-hide here).
    ctx.c = await moderatedConsultation(ctx.h.db, { threshold: 1000 });
  });
  afterAll(async () => ctx.h?.close());

  async function whoIs(role: RoleName): Promise<Who> {
    const db = ctx.h.db;
    switch (role) {
      case "anonymous":
        return { role, actor: null, organisationId: null };
      case "participant":
        return { role, actor: await newActor(db), organisationId: null };
      case "orgRep": {
        const rep = await newOrganisationRepresentative(db);
        return { role, actor: rep.actor, organisationId: rep.organisationId };
      }
      case "blocked":
        return { role, actor: await newBlockedActor(db), organisationId: null };
      case "moderator":
      case "admin":
        return { role, actor: await newStaff(db, role), organisationId: null };
    }
  }

  for (const [key, row] of Object.entries(MATRIX)) {
    if (row.kind === "selfService") {
      it(`${key}: ${row.rule} — the query it uses acts on the given account only`, async () => {
        await row.check(ctx.h);
      });
      continue;
    }
    if (row.kind !== "command") continue;
    for (const scenario of row.scenarios) {
      for (const role of ROLES) {
        const expected = scenario.expect[role];
        it(`${key} → ${row.command.name} (${scenario.name}) as ${role}: ${expected}`, async () => {
          const who = await whoIs(role);
          const target = await scenario.arrange(ctx, who);
          if (expected === A) {
            const result = await scenario.act(ctx, who, target);
            expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
            await scenario.changed(ctx, who, target);
          } else {
            const result = await expectUnchanged(ctx.h, () => scenario.act(ctx, who, target));
            expect(result).toEqual({ ok: false, error: expected });
          }
        });
      }
    }
  }
});
