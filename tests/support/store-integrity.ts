// What a crash must not leave behind, read straight from the database: comments without their first version, a
// version history out of step with the comment, counters or thread counts that disagree with the comments, and
// statistics that disagree with a plain count.
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { countCommentsByGroupAndStance } from "@/db/queries/statistics";

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

export interface StoredComment {
  id: number;
  body: string;
  stance: string;
  state: string;
  parentId: number | null;
}

/** The comments whose text starts with the run's tag. */
export async function commentsTagged(db: Db, tag: string): Promise<StoredComment[]> {
  const rows = await rowsOf<{ id: number; body: string; stance: string; state: string; parent_id: number | null }>(
    db,
    sql`select id, body, stance::text as stance, state::text as state, parent_id from comments where starts_with(body, ${tag}) order by id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    body: r.body,
    stance: r.stance,
    state: r.state,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
  }));
}

export interface IntegrityReport {
  /** Comments with no version 1. */
  withoutFirstVersion: number[];
  /** Comments whose versions are not 1..n, or whose latest version is not the comment's text and stance. */
  versionsOutOfStep: number[];
  /** Counter rows (principle, group, stance) that differ from a count of published comments. */
  countersOff: string[];
  /** Top-level comments whose thread reply count differs from the replies in their thread. */
  threadCountsOff: number[];
  /** Consultations whose statistics (db/queries/statistics.ts) differ from a count of published comments. */
  statisticsOff: string[];
}

export async function checkIntegrity(db: Db): Promise<IntegrityReport> {
  const withoutFirstVersion = await rowsOf<{ id: number }>(
    db,
    sql`select c.id from comments c where not exists (select 1 from comment_versions v where v.comment_id = c.id and v.version = 1)`,
  );
  const versionsOutOfStep = await rowsOf<{ id: number }>(
    db,
    sql`select c.id from comments c
        join (select comment_id, max(version) as top, count(*) as n from comment_versions group by comment_id) s on s.comment_id = c.id
        join comment_versions v on v.comment_id = c.id and v.version = s.top
        where s.top <> s.n or v.body <> c.body or v.stance <> c.stance`,
  );
  const countersOff = await rowsOf<{ key: string }>(
    db,
    sql`with kept as (select principle_id, consultation_id, stakeholder_group, stance, n from principle_comment_counts where n <> 0),
             counted as (select principle_id, consultation_id, stakeholder_group, stance, count(*)::int as n
                         from comments where state = 'published' group by 1, 2, 3, 4)
        select concat_ws('/', coalesce(k.principle_id, c.principle_id), coalesce(k.stakeholder_group, c.stakeholder_group),
                         coalesce(k.stance, c.stance), coalesce(k.n, 0), coalesce(c.n, 0)) as key
        from kept k full join counted c
          on c.principle_id = k.principle_id and c.stakeholder_group = k.stakeholder_group and c.stance = k.stance
        where k.n is distinct from c.n or k.consultation_id is distinct from c.consultation_id`,
  );
  const threadCountsOff = await rowsOf<{ id: number }>(
    db,
    sql`select t.id from comments t
        where t.parent_id is null
          and t.thread_reply_count <> (select count(*) from comments r where r.root_id = t.id)`,
  );
  const statisticsOff: string[] = [];
  const consultations = await rowsOf<{ id: string }>(db, sql`select id from consultations order by id`);
  for (const { id } of consultations) {
    const counted = await rowsOf<{ g: string; s: string; n: number }>(
      db,
      sql`select stakeholder_group::text as g, stance::text as s, count(*)::int as n
          from comments where consultation_id = ${id} and state = 'published' group by 1, 2`,
    );
    const kept = await countCommentsByGroupAndStance(db, { consultationId: id });
    const line = (rows: { g: string; s: string; n: number }[]) =>
      rows
        .map((r) => `${r.g}/${r.s}=${Number(r.n)}`)
        .sort()
        .join(" ");
    const fromStats = line(kept.map((k) => ({ g: k.stakeholderGroup, s: k.stance, n: k.n })));
    if (fromStats !== line(counted)) statisticsOff.push(`${id}: statistics ${fromStats} | counted ${line(counted)}`);
  }
  return {
    withoutFirstVersion: withoutFirstVersion.map((r) => Number(r.id)),
    versionsOutOfStep: versionsOutOfStep.map((r) => Number(r.id)),
    countersOff: countersOff.map((r) => r.key),
    threadCountsOff: threadCountsOff.map((r) => Number(r.id)),
    statisticsOff,
  };
}

export const WHOLE: IntegrityReport = {
  withoutFirstVersion: [],
  versionsOutOfStep: [],
  countersOff: [],
  threadCountsOff: [],
  statisticsOff: [],
};

/** Rows per table: what "the same demo data" is compared by. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = await rowsOf<{ t: string }>(
    db,
    sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) {
    const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t)}`);
    out[t] = Number(row?.n);
  }
  return out;
}
