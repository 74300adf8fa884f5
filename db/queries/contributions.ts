import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { comments, consultations, endorsements, organisations, principles } from "../schema";
import { referenceNumber } from "@/lib/rules/reference-number";

/** A consultation round the participant took part in: its schedule, for the timeline beside their comments. */
export interface ContributionRound {
  id: string;
  slug: string;
  title: string;
  titleHi: string | null;
  status: "draft" | "open" | "closed";
  opensAt: Date;
  closesAt: Date;
  counterClosesAt: Date | null;
  closedAt: Date | null;
  summaryDueAt: Date | null;
}

/**
 * Everything a participant contributed and its fate: each comment's reference number, state, the rule it was
 * hidden under and the appeal, whether it was edited, and the summary versions that cite it; each endorsement and
 * its withdrawal; and the rounds the comments belong to, with their timelines and when the summary is expected.
 */
export async function listContributionsOf(db: Db, userId: string) {
  const [commentRows, endorsementRows] = await Promise.all([
    db
      .select({
        id: comments.id,
        round: {
          id: consultations.id,
          slug: consultations.slug,
          title: consultations.title,
          titleHi: consultations.titleHi,
          status: consultations.status,
          opensAt: consultations.opensAt,
          closesAt: consultations.closesAt,
          counterClosesAt: consultations.counterClosesAt,
          closedAt: consultations.closedAt,
          summaryDueAt: consultations.summaryDueAt,
        },
        referencePrefix: consultations.referencePrefix,
        principleSlug: principles.slug,
        principlePosition: principles.position,
        principleTitle: principles.title,
        principleTitleHi: principles.titleHi,
        body: comments.body,
        stance: comments.stance,
        state: comments.state,
        language: comments.language,
        nameShown: comments.nameShown,
        // The latest published summary of the comment's principle, whether or not it cites the comment.
        summaryVersion: sql<number | null>`(select max(v.version) from summary_versions v where v.principle_id = ${principles.id})`,
        organisationName: organisations.name,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        withdrawnAt: comments.withdrawnAt,
        hiddenRule: sql<number | null>`case when ${comments.state} = 'hidden' then (
          select r.number from moderation_decisions d left join moderation_rules r on r.id = d.rule_id
          where d.comment_id = ${comments.id} and d.action in ('hide', 'auto_hide') order by d.id desc limit 1) end`,
        appealOutcome: sql<string | null>`(select coalesce(a.outcome, 'pending') from appeals a
          join moderation_decisions d on d.id = a.decision_id where d.comment_id = ${comments.id} order by a.id desc limit 1)`,
        citedInVersions: sql<number[] | null>`(select array_agg(distinct v.version order by v.version) from summary_citations sc
          join summary_versions v on v.id = sc.version_id where sc.comment_id = ${comments.id})`,
      })
      .from(comments)
      .innerJoin(principles, eq(principles.id, comments.principleId))
      .innerJoin(consultations, eq(consultations.id, comments.consultationId))
      .leftJoin(organisations, eq(organisations.id, comments.organisationId))
      .where(eq(comments.authorId, userId))
      .orderBy(asc(comments.id)),
    db
      .select({
        id: endorsements.id,
        targetKey: endorsements.targetKey,
        principlePosition: principles.position,
        organisationName: organisations.name,
        statement: endorsements.statement,
        endorsedAt: endorsements.endorsedAt,
        withdrawnAt: endorsements.withdrawnAt,
      })
      .from(endorsements)
      .leftJoin(principles, eq(principles.id, endorsements.principleId))
      .leftJoin(organisations, eq(organisations.id, endorsements.organisationId))
      .where(eq(endorsements.endorserId, userId))
      .orderBy(asc(endorsements.id)),
  ]);
  const rounds = new Map<string, ContributionRound>();
  for (const c of commentRows) rounds.set(c.round.id, c.round);
  return {
    comments: commentRows.map(({ round, referencePrefix, ...c }) => ({
      ...c,
      consultationId: round.id,
      reference: referenceNumber(referencePrefix, c.id, c.createdAt),
      summaryVersion: c.summaryVersion === null ? null : Number(c.summaryVersion),
      citedInVersions: (c.citedInVersions ?? []).map(Number),
    })),
    rounds: [...rounds.values()],
    endorsements: endorsementRows,
  };
}
