import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { insertConsultationReport } from "./queries/consultation-reports";
import { decideOnComment } from "./queries/moderation";
import { getCitedComments, insertSummaryVersion, saveSummaryDraft } from "./queries/summaries";
import { consultations, moderationDecisions, moderationRules, summaryVersions } from "./schema";
import { SUMMARY_SECTIONS, type SummaryContent } from "@/lib/limits";
import { allCitedIds, citationProblems, citedIds } from "@/lib/rules/citations";
import type { People, SeededRound } from "./seed-contributions";

const DAY = 24 * 60 * 60 * 1000;
const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/**
 * What the end of a round looks like, on the closed pilot: a comment hidden under a rule and one hidden and then
 * restored on review (the public ledger), summaries of four principles with their citations (one in a second
 * version, after the counter-comment window), and the published consultation report. Each step only if it has
 * not happened yet, so a restart adds nothing.
 */
export async function seedPilotOutcome(db: Db, pilot: SeededRound, people: People): Promise<void> {
  const moderator = people.userIds.get("neha.kapoor@samvad.example");
  const admin = people.userIds.get("sanjay.gupta@samvad.example");
  if (!moderator || !admin) return;
  const [schedule] = await db
    .select({ counterClosesAt: consultations.counterClosesAt })
    .from(consultations)
    .where(eq(consultations.id, pilot.consultationId));
  const opened = (days: number) => new Date(pilot.opensAt.getTime() + days * DAY);
  // The last window's end: summaries and the report come after it.
  const ended = schedule?.counterClosesAt ?? new Date(pilot.closesAt.getTime() + 7 * DAY);
  const after = (days: number) => new Date(ended.getTime() + days * DAY);
  const rules = new Map(
    (
      await db
        .select({ id: moderationRules.id, number: moderationRules.number })
        .from(moderationRules)
        .where(eq(moderationRules.consultationId, pilot.consultationId))
    ).map((r) => [r.number, r.id]),
  );
  const staff = {
    moderator: { actorId: moderator.id, actorRole: "moderator" },
    admin: { actorId: admin.id, actorRole: "admin" },
  };

  // A phone number posted in a comment: hidden under rule 4 (personal data).
  await decideOnce(db, pilot.ids.get(key(111)), [
    {
      ...staff.moderator,
      action: "hide",
      ruleId: rules.get(4) ?? null,
      note: "A phone number was published in the comment. The point about fraud complaints can be posted again without it.",
      at: opened(43),
    },
  ]);
  // Hidden as advertising, then restored by someone else on review: free training for operators is on topic.
  await decideOnce(db, pilot.ids.get(key(112)), [
    { ...staff.moderator, action: "hide", ruleId: rules.get(3) ?? null, note: "Promotes the forum's own events.", at: opened(47) },
    {
      ...staff.admin,
      action: "restore",
      ruleId: null,
      note: "On review: free clinics for operators are on topic, not advertising.",
      at: opened(49),
    },
  ]);

  const c = (n: number) => pilot.ids.get(key(n));
  const cite = (...ids: (number | undefined)[]) => ids.map((id) => `[#${id ?? 0}]`).join(" ");
  const first = {
    overview: `Participants backed protecting critical systems and the people who depend on them, and asked for the list of critical systems to be published ${cite(c(101), c(102))}.`,
    government: `The Department supports the principle without conditions and would start from the systems already declared critical under law ${cite(c(101))}.`,
    civil_society: `Civil society supports it if the people whose data these systems hold are protected too, and if the list of critical systems is public ${cite(c(102))}.`,
  };
  await publishOnce(db, pilot.byPosition.get(1)?.id, moderator.id, [
    { sections: first, at: after(5) },
    {
      at: after(9),
      sections: {
        overview: `Participants from all five groups backed protecting critical systems and the people who depend on them ${cite(c(101), c(102), c(106), c(107), c(108))}.\n\nThey differed on who should carry the duty when one organisation runs a system and another hosts it ${cite(c(107), c(115))}.`,
        government: first.government,
        private_sector: `A cloud provider asked that duties fall on whoever operates a system, with clear contracts, not on every provider at once ${cite(c(107))}.`,
        civil_society: first.civil_society,
        technical_community: `Every operator of a critical system should publish a security contact and answer it within a day ${cite(c(108))}.`,
        academia: `A published list of critical systems would let researchers study how well they are protected ${cite(c(106))}.\n\nIn the counter-comment window, research on past incidents was brought in: contracts should say who does what ${cite(c(115))}.`,
        agreement:
          "- Critical systems, and the people who depend on them, should be protected.\n- The list of critical systems should be public.",
        disagreement: `Whether duties fall on operators, on providers, or on both by contract ${cite(c(107), c(115))}.`,
        notReflected: "Suggestions about specific vendors were left out: the summary is about the principle, not about companies.",
      },
    },
  ]);
  await publishOnce(db, pilot.byPosition.get(4)?.id, moderator.id, [
    {
      at: after(6),
      sections: {
        overview: `The one submission backed the principle, but said small firms do not know where to report theft of trade secrets ${cite(c(104))}.`,
        private_sector: `Without a clear channel for reporting such theft, the principle stays on paper ${cite(c(104))}.`,
      },
    },
  ]);
  await publishOnce(db, pilot.byPosition.get(5)?.id, moderator.id, [
    {
      at: after(6),
      sections: {
        overview: `Researchers asked that non-proliferation rules exempt good-faith vulnerability research, in writing ${cite(c(105))}.`,
        academia: `Rules on intrusion software have hurt researchers elsewhere; India should not repeat that ${cite(c(105))}.`,
      },
    },
  ]);
  await publishOnce(db, pilot.byPosition.get(7)?.id, moderator.id, [
    {
      at: after(7),
      sections: {
        overview: `Every group that wrote saw cyber hygiene as the most practical principle, and asked for training in people's own languages ${cite(c(103), c(109), c(110), c(202))}.`,
        government: `District offices could have a yearly hygiene check, reported to the state ${cite(c(110))}.`,
        civil_society: `Information has to reach people in their own language ${cite(c(109))}; a residents' association, writing by email, asked for short sessions at residents' meetings ${cite(c(202))}.`,
        technical_community: `Timely patching, strong sign-in and tested backups prevent most incidents at small organisations ${cite(c(103))}.`,
      },
    },
  ]);

  await insertConsultationReport(
    db,
    {
      consultationId: pilot.consultationId,
      publishedByRole: "admin",
      introduction:
        "The pilot round tested the dialogue with invited participants from all five stakeholder groups before it opened to everyone.\n\nThe summaries below show what each group said on the principles that drew comments, every point linked to the comments behind it. One comment was hidden because it published a phone number; another was hidden and then restored on review. Both decisions are in the public moderation ledger.",
    },
    after(12),
  );
}

type Decision = {
  action: "hide" | "restore";
  ruleId: string | null;
  note: string;
  actorId: string;
  actorRole: string;
  at: Date;
};

/** The decisions in turn, only on a comment nobody has decided on yet. */
async function decideOnce(db: Db, commentId: number | undefined, decisions: Decision[]) {
  if (!commentId) return;
  const [earlier] = await db
    .select({ id: moderationDecisions.id })
    .from(moderationDecisions)
    .where(eq(moderationDecisions.commentId, commentId))
    .limit(1);
  if (earlier) return;
  for (const d of decisions) {
    const r = await decideOnComment(
      db,
      { commentId, action: d.action, ruleId: d.ruleId, note: d.note, actorId: d.actorId, actorRole: d.actorRole },
      d.at,
    );
    if (!r.ok) return;
  }
}

/**
 * A principle's summary versions, as the editor would publish them: the draft saved, its citations checked by the
 * same rules, then the numbered version with its citations. Only for a principle with no published version yet;
 * a version whose citations do not hold (a comment hidden since) is not published.
 */
async function publishOnce(db: Db, principleId: string | undefined, userId: string, versions: { sections: SummaryContent; at: Date }[]) {
  if (!principleId) return;
  const [earlier] = await db
    .select({ id: summaryVersions.id })
    .from(summaryVersions)
    .where(eq(summaryVersions.principleId, principleId))
    .limit(1);
  if (earlier) return;
  for (const v of versions) {
    const problems = citationProblems(v.sections, principleId, await getCitedComments(db, allCitedIds(v.sections)));
    if (problems.length) return;
    await saveSummaryDraft(db, { principleId, sections: v.sections, userId }, v.at);
    const citations = SUMMARY_SECTIONS.flatMap((section) =>
      [...new Set(citedIds(v.sections[section] ?? ""))].map((commentId) => ({ commentId, section })),
    );
    await insertSummaryVersion(db, { principleId, sections: v.sections, publishedByRole: "moderator", citations }, v.at);
  }
}
