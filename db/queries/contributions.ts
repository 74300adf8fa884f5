import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { comments, endorsements, organisations, principles } from "../schema";

/**
 * Everything a participant contributed and its fate: each comment's state, the rule it was hidden under and
 * the appeal, whether it was edited, and the summary versions that cite it; each endorsement and its withdrawal.
 */
export async function listContributionsOf(db: Db, userId: string) {
  const [commentRows, endorsementRows] = await Promise.all([
    db
      .select({
        id: comments.id,
        principlePosition: principles.position,
        principleTitle: principles.title,
        principleTitleHi: principles.titleHi,
        body: comments.body,
        stance: comments.stance,
        state: comments.state,
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
  return {
    comments: commentRows.map((c) => ({ ...c, citedInVersions: (c.citedInVersions ?? []).map(Number) })),
    endorsements: endorsementRows,
  };
}
