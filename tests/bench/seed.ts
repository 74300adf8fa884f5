// Seeds the benchmark database through the app's own schema (openDb runs the migrations, seedDemo the demo),
// then adds participants, comments and endorsements with batched SQL: plain INSERTs, so that any trigger on
// `comments` fires as it would for the app; no counter is written here.
import fs from "node:fs";
import { sql, type SQL } from "drizzle-orm";
import { openDb, type DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { STAKEHOLDER_GROUPS, STANCES, type StakeholderGroup } from "@/lib/limits";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";
import { CONSULTATION, DATABASE_URL, PGLITE_DIR, SEED } from "./config";
import { commentBody, personName, pick, prng, uuidFrom } from "./text";

export interface Participant {
  id: string;
  sessionVersion: number;
  group: StakeholderGroup;
}

export interface Target {
  consultationId: string;
  principleId: string;
  principleSlug: string;
}

/** Rows of `db.execute`: postgres-js answers an array, PGlite an object with `rows`. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  const rows = (result as { rows?: unknown }).rows;
  if (Array.isArray(rows)) return rows as Record<string, unknown>[];
  throw new Error("unexpected db.execute result");
}

const str = (v: unknown): string => {
  if (typeof v !== "string") throw new Error(`expected a string, got ${typeof v}`);
  return v;
};

/** A failed statement's own message: drizzle's error would print megabytes of batch parameters. */
async function run(h: DbHandle, query: SQL): Promise<Record<string, unknown>[]> {
  try {
    return rowsOf(await h.db.execute(query));
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    throw new Error(`bench seed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Opens the benchmark database (PostgreSQL from BENCH_DATABASE_URL, else the embedded folder). */
export function openBenchDb(options: { migrate?: boolean; count?: () => void } = {}): Promise<DbHandle> {
  const logger = options.count ? { logQuery: options.count } : undefined;
  return DATABASE_URL
    ? openDb({ url: DATABASE_URL, migrate: options.migrate, logger, maxConnections: 4 })
    : openDb({ pgliteDir: PGLITE_DIR, migrate: options.migrate, logger });
}

/** An empty database: the PostgreSQL one is created if missing and its schemas dropped; the PGlite folder removed. */
export async function resetDatabase(): Promise<void> {
  if (!DATABASE_URL) {
    fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
    fs.rmSync(`${PGLITE_DIR}.lock`, { force: true });
    return;
  }
  const { default: postgres } = await import("postgres");
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = postgres({ ...postgresOptions(url), database: "postgres" });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
  const client = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe("drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;");
  } finally {
    await client.end();
  }
}

function postgresOptions(url: URL) {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    username: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password) || undefined,
    max: 1,
    onnotice: () => {},
  };
}

/** Does drizzle's logger see raw `db.execute` statements? (The SQL count relies on it.) */
export async function executeIsLogged(): Promise<boolean> {
  let n = 0;
  const h = await openBenchDb({ migrate: false, count: () => void n++ });
  try {
    await h.db.execute(sql`select 1`);
    return n === 1;
  } finally {
    await h.close();
  }
}

export async function findTarget(h: DbHandle): Promise<Target> {
  const [row] = rowsOf(
    await h.db.execute(sql`select c.id as consultation_id, p.id as principle_id, p.slug from principles p
      join consultations c on c.id = p.consultation_id where c.slug = ${CONSULTATION} and p.position = 1`),
  );
  if (!row) throw new Error("seed: principle 1 of the Paris Call is missing");
  return { consultationId: str(row.consultation_id), principleId: str(row.principle_id), principleSlug: str(row.slug) };
}

async function seedParticipants(h: DbHandle): Promise<Participant[]> {
  // One password hash for everyone (the demo's): hashing 2,000 times would only measure argon2.
  const [hashRow] = rowsOf(await h.db.execute(sql`select password_hash from users order by created_at limit 1`));
  const hash = str(hashRow?.password_hash);
  const people = Array.from({ length: SEED.participants }, (_, n) => ({
    n,
    email: `participant-${String(n + 1).padStart(4, "0")}@bench.example`,
    ...personName(n),
    stakeholder_group: STAKEHOLDER_GROUPS[n % STAKEHOLDER_GROUPS.length],
  }));
  const rows = await run(
    h,
    sql`insert into users (email, name, password_hash, role, stakeholder_group, designation, preferred_language,
        email_confirmed_at, privacy_notice_version, privacy_consented_at)
      select r.email, r.name, ${hash}, 'participant', r.stakeholder_group, r.designation, 'en', now(), ${PRIVACY_NOTICE_VERSION}, now()
      from jsonb_to_recordset(${JSON.stringify(people)}::jsonb)
        as r(n int, email text, name text, designation text, stakeholder_group stakeholder_group)
      order by r.n
      returning id, email, session_version, stakeholder_group`,
  );
  const byEmail = new Map(rows.map((r) => [str(r.email), r]));
  return people.map((p) => {
    const r = byEmail.get(p.email);
    if (!r) throw new Error(`seed: participant ${p.email} missing`);
    return { id: str(r.id), sessionVersion: Number(r.session_version), group: str(r.stakeholder_group) as StakeholderGroup };
  });
}

const DAY = 86_400_000;

/**
 * Adds `threads` top-level comments and `replies` replies spread uniformly over those threads (depth 1,
 * parent = root), in chunks; each root's thread_reply_count is written with it, so it is right without an
 * UPDATE. Every comment gets its first version, as insertComment writes it. Returns the mean body length.
 */
export async function insertComments(
  h: DbHandle,
  target: Target,
  authors: Participant[],
  p: { threads: number; replies: number; seed: number; chunk?: number; onChunk?: (done: number) => void },
): Promise<{ inserted: number; meanBody: number }> {
  const rng = prng(p.seed);
  const chunk = p.chunk ?? 5000;
  const now = Date.now();
  const start = now - 7 * DAY + 3_600_000;
  const span = now - 2 * 3_600_000 - start;
  const total = p.threads + p.replies;
  const [maxRow] = rowsOf(await h.db.execute(sql`select coalesce(max(id), 0) as max from comments`));
  const before = Number(maxRow?.max ?? 0);
  let inserted = 0;
  let bodyChars = 0;
  let repliesLeft = p.replies;
  for (let t0 = 0; t0 < p.threads; t0 += chunk) {
    const nThreads = Math.min(chunk, p.threads - t0);
    const nReplies = t0 + nThreads >= p.threads ? repliesLeft : Math.round((p.replies * nThreads) / p.threads);
    repliesLeft -= nReplies;
    const replyRoot = Array.from({ length: nReplies }, () => Math.floor(rng() * nThreads));
    const counts = new Array<number>(nThreads).fill(0);
    for (const r of replyRoot) counts[r] = (counts[r] ?? 0) + 1;
    const row = (ord: number, at: number) => {
      const author = pick(rng, authors);
      const body = commentBody(rng, { paragraphs: true });
      bodyChars += body.length;
      return {
        ord,
        author_id: author.id,
        stakeholder_group: author.group,
        stance: pick(rng, STANCES),
        body,
        form_token: uuidFrom(rng),
        created_at: new Date(at).toISOString(),
      };
    };
    const roots = counts.map((c, i) => ({ ...row(i, start + ((t0 + i) / p.threads) * span * 0.9), thread_reply_count: c }));
    const returned = await run(
      h,
      sql`insert into comments (consultation_id, principle_id, author_id, stakeholder_group, stance, body, language,
          state, thread_reply_count, form_token, created_at, published_at)
        select ${target.consultationId}, ${target.principleId}, r.author_id, r.stakeholder_group, r.stance, r.body, 'en',
          'published', r.thread_reply_count, r.form_token, r.created_at, r.created_at
        from jsonb_to_recordset(${JSON.stringify(roots)}::jsonb) as r(ord int, author_id uuid, stakeholder_group stakeholder_group,
          stance stance, body text, thread_reply_count int, form_token uuid, created_at timestamptz)
        order by r.ord
        returning id, form_token`,
    );
    const idByToken = new Map(returned.map((r) => [str(r.form_token), Number(r.id)]));
    const rootIds = roots.map((r) => {
      const id = idByToken.get(r.form_token);
      if (id === undefined) throw new Error("seed: a thread was not inserted");
      return id;
    });
    const replies = replyRoot.map((ri, j) => {
      const rootAt = Date.parse(roots[ri]?.created_at ?? "");
      const rootId = rootIds[ri];
      return { ...row(j, rootAt + rng() * (now - 60_000 - rootAt)), root_id: rootId };
    });
    if (replies.length) {
      await run(
        h,
        sql`insert into comments (consultation_id, principle_id, author_id, parent_id, root_id, depth, stakeholder_group,
          stance, body, language, state, form_token, created_at, published_at)
        select ${target.consultationId}, ${target.principleId}, r.author_id, r.root_id, r.root_id, 1, r.stakeholder_group,
          r.stance, r.body, 'en', 'published', r.form_token, r.created_at, r.created_at
        from jsonb_to_recordset(${JSON.stringify(replies)}::jsonb) as r(ord int, author_id uuid, root_id int,
          stakeholder_group stakeholder_group, stance stance, body text, form_token uuid, created_at timestamptz)
        order by r.ord`,
      );
    }
    inserted += roots.length + replies.length;
    p.onChunk?.(inserted);
  }
  await h.db.execute(sql`insert into comment_versions (comment_id, version, body, stance, created_at)
    select id, 1, body, stance, created_at from comments where id > ${before} and principle_id = ${target.principleId}`);
  if (inserted !== total) throw new Error(`seed: inserted ${inserted} comments, expected ${total}`);
  return { inserted, meanBody: bodyChars / Math.max(1, inserted) };
}

/**
 * Endorsements as recordEndorsement makes them: an "endorse" event in the append-only log and the derived row
 * pointing at it, written by one statement. Half on principle 1, the rest on the Call and the other principles;
 * each by a different participant, personally, so the one-active-endorsement indexes hold.
 */
async function seedEndorsements(h: DbHandle, target: Target, people: Participant[]): Promise<void> {
  const rng = prng(7);
  const principles = rowsOf(
    await h.db.execute(sql`select id from principles where consultation_id = ${target.consultationId} order by position`),
  ).map((r) => str(r.id));
  const now = Date.now();
  const rows = people.slice(-SEED.endorsements).map((person, i) => {
    const r = rng();
    const principleId = r < 0.5 ? target.principleId : r < 0.8 ? null : pick(rng, principles);
    return {
      ord: i,
      actor_id: person.id,
      principle_id: principleId,
      target_key: principleId ?? "consultation",
      statement: rng() < 0.3 ? "We commit to this principle in how we work and will report on it." : null,
      created_at: new Date(now - 6 * DAY + (i / SEED.endorsements) * 5 * DAY).toISOString(),
    };
  });
  await run(
    h,
    sql`with ev as (
      insert into endorsement_events (consultation_id, principle_id, target_key, actor_id, organisation_id, action, statement, created_at)
      select ${target.consultationId}, r.principle_id, r.target_key, r.actor_id, null, 'endorse', r.statement, r.created_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(ord int, actor_id uuid, principle_id uuid, target_key text, statement text, created_at timestamptz)
      order by r.ord
      returning id, principle_id, target_key, actor_id, statement, created_at)
    insert into endorsements (consultation_id, principle_id, target_key, endorser_id, organisation_id, stakeholder_group, statement,
      endorsed_event_id, endorsed_at)
    select ${target.consultationId}, ev.principle_id, ev.target_key, ev.actor_id, null, u.stakeholder_group, ev.statement, ev.id, ev.created_at
    from ev join users u on u.id = ev.actor_id order by ev.id`,
  );
}

export interface SeedResult {
  target: Target;
  participants: Participant[];
  comments: number;
  meanBody: number;
  seconds: number;
}

/** A fresh database: schema, demo, participants, 5,000 comments on principle 1, endorsements, ANALYZE. */
export async function seedBenchDatabase(): Promise<SeedResult> {
  const t0 = performance.now();
  await resetDatabase();
  const h = await openBenchDb();
  try {
    await seedDemo(h.db);
    const target = await findTarget(h);
    const participants = await seedParticipants(h);
    const { meanBody } = await insertComments(h, target, participants, { threads: SEED.threads, replies: SEED.replies, seed: 1 });
    await seedEndorsements(h, target, participants);
    await h.db.execute(sql`analyze`);
    const comments = await countPrincipleComments(h, target);
    return { target, participants, comments, meanBody, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await h.close();
  }
}

export async function countPrincipleComments(h: DbHandle, target: Target): Promise<number> {
  const [row] = rowsOf(await h.db.execute(sql`select count(*)::int as n from comments where principle_id = ${target.principleId}`));
  return Number(row?.n ?? 0);
}

/** B6: principle 1 grows to `to` comments (60% threads, 40% replies), then ANALYZE. */
export async function growComments(target: Target, participants: Participant[], to: number): Promise<{ added: number; seconds: number }> {
  const t0 = performance.now();
  const h = await openBenchDb({ migrate: false });
  try {
    const have = await countPrincipleComments(h, target);
    const add = Math.max(0, to - have);
    const threads = Math.round(add * 0.6);
    let last = 0;
    await insertComments(h, target, participants, {
      threads,
      replies: add - threads,
      seed: 2,
      onChunk: (done) => {
        if (done - last >= 100_000) {
          last = done;
          console.log(`  … ${done.toLocaleString("en")} of ${add.toLocaleString("en")} comments added`);
        }
      },
    });
    await h.db.execute(sql`analyze`);
    return { added: add, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await h.close();
  }
}
