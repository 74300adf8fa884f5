import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { consultations, principles, type Stance, type StakeholderGroup } from "../schema";
import type { CommentSort } from "@/lib/limits";
import { hasCommented, listCommentThreads, type PageStart } from "./comments";
import { listActiveEndorsementsOf } from "./endorsements";
import type { GroupCapacityCount, GroupStanceCount } from "./statistics";
import { listMembershipsOfUser } from "./users";
import { signableOrganisationIds } from "@/lib/rules/capacity";

export interface PrincipleSibling {
  id: string;
  position: number;
  slug: string;
  title: string;
  titleHi: string | null;
}

/** A timestamp computed in SQL arrives as a string from postgres-js and as a Date from PGlite. */
function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** A json column arrives parsed from postgres-js and PGlite alike; a string is parsed for safety. */
function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/**
 * What the principle page shows above its comments, in one statement: the principle, its consultation, the
 * list of principles (position and pager), the latest published summary version, and the counts by group
 * (comments from the counters kept by the database, active endorsements counted: there are few per principle).
 */
export async function getPrincipleOutline(db: Db, consultationSlug: string, principleSlug: string) {
  const [row] = await db
    .select({
      consultation: {
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
        referencePrefix: consultations.referencePrefix,
      },
      principle: {
        id: principles.id,
        position: principles.position,
        slug: principles.slug,
        title: principles.title,
        titleHi: principles.titleHi,
        body: principles.body,
        bodyHi: principles.bodyHi,
        explainer: principles.explainer,
        explainerHi: principles.explainerHi,
      },
      // "Last updated": the latest of the principle's own text, its newest published comment (read from the
      // index by number, so the cost does not grow with the comments; an edit is not counted, as on the
      // consultation page) and its summary versions. greatest() passes over the nulls of a principle with none.
      lastUpdated: sql<Date>`greatest(${principles.updatedAt},
        (select c.published_at from comments c where c.principle_id = ${principles.id} and c.state = 'published'
          order by c.id desc limit 1),
        (select max(v.published_at) from summary_versions v where v.principle_id = ${principles.id}))`.mapWith(toDate),
      siblings: sql<unknown>`(select coalesce(json_agg(json_build_object('id', s.id, 'position', s.position, 'slug', s.slug,
        'title', s.title, 'titleHi', s.title_hi) order by s.position), '[]'::json)
        from principles s where s.consultation_id = ${consultations.id})`,
      summaryVersion: sql<number | null>`(select max(v.version) from summary_versions v where v.principle_id = ${principles.id})`,
      commentStats: sql<unknown>`(select coalesce(json_agg(json_build_object('stakeholderGroup', k.stakeholder_group,
        'stance', k.stance, 'n', k.n)), '[]'::json)
        from principle_comment_counts k where k.principle_id = ${principles.id} and k.n > 0)`,
      endorsementStats: sql<unknown>`(select coalesce(json_agg(json_build_object('stakeholderGroup', x.g, 'organisational', x.o,
        'n', x.n)), '[]'::json) from (select e.stakeholder_group as g, e.organisation_id is not null as o, count(*)::int as n
        from endorsements e where e.consultation_id = ${consultations.id} and e.target_key = ${principles.id}::text
        and e.withdrawn_at is null group by 1, 2) x)`,
    })
    .from(principles)
    .innerJoin(consultations, eq(consultations.id, principles.consultationId))
    // Drafts too: the page applies the visibility rule (lib/auth/consultation-access), so that staff can read them.
    .where(and(eq(consultations.slug, consultationSlug), eq(principles.slug, principleSlug)))
    .limit(1);
  if (!row) return null;
  const commentStats = json<{ stakeholderGroup: StakeholderGroup; stance: Stance; n: number }[]>(row.commentStats);
  return {
    consultation: row.consultation,
    principle: row.principle,
    lastUpdated: row.lastUpdated,
    principles: json<PrincipleSibling[]>(row.siblings),
    summaryVersion: row.summaryVersion === null ? null : Number(row.summaryVersion),
    commentStats: commentStats as GroupStanceCount[],
    endorsementStats: json<GroupCapacityCount[]>(row.endorsementStats),
    total: commentStats.reduce((sum, r) => sum + r.n, 0),
  };
}

export type PrincipleOutline = NonNullable<Awaited<ReturnType<typeof getPrincipleOutline>>>;

/**
 * Everything the principle page reads below its outline. With the outline, a visitor's page takes three
 * statements and a signed-in one's six (plus the session check), whatever the number of comments: two
 * statements load a page of threads with all their replies, and the counts are kept by the database.
 */
export async function getPrinciplePageData(
  db: Db,
  p: { outline: PrincipleOutline; viewerId: string | null; sort: CommentSort; start: PageStart },
) {
  const { consultation, principle } = p.outline;
  const [page, viewer] = await Promise.all([
    listCommentThreads(db, { principleId: principle.id, viewerId: p.viewerId, sort: p.sort, start: p.start }),
    p.viewerId ? viewerStanding(db, consultation.id, p.viewerId) : Promise.resolve({ memberships: [], active: [], commented: false }),
  ]);
  return { ...p.outline, page, ...viewer };
}

async function viewerStanding(db: Db, consultationId: string, userId: string) {
  // The endorsements of every organisation the viewer belongs to, filtered afterwards by the rule in
  // lib/rules/capacity, so that both statements run at once.
  // Whether they have commented before decides how prominently the comment form explains the name-or-group choice.
  const [mine, near, commented] = await Promise.all([
    listMembershipsOfUser(db, userId),
    listActiveEndorsementsOf(db, { consultationId, userId, organisationIds: "anyMembership" }),
    hasCommented(db, userId),
  ]);
  const signable = new Set(signableOrganisationIds(mine));
  return { memberships: mine, active: near.filter((e) => e.organisationId === null || signable.has(e.organisationId)), commented };
}
