// How long "download my data" takes for a participant with 200 comments, each edited once (400 versions), among
// 5,000 comments by others: the route's whole database work (collectPersonalData) and the JSON it sends.
// Runs on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set (in a throwaway
// database, dropped afterwards).  Usage: npx tsx tests/bench/personal-data.ts [runs]
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDb, type DbHandle } from "@/db/client";
import { collectPersonalData } from "@/db/queries/personal-data";
import { consultations, principles, users } from "@/db/schema";
import { PRIVACY_NOTICE_VERSION } from "@/lib/rules/privacy";

const RUNS = Number(process.argv[2] ?? 20);
const OWN_COMMENTS = 200;
const OTHER_COMMENTS = 5_000;
const OTHER_PEOPLE = 250;

async function seed(h: DbHandle): Promise<string> {
  const db = h.db;
  const [c] = await db
    .insert(consultations)
    .values({
      slug: "bench",
      title: "Benchmark consultation",
      description: "For the personal data benchmark.",
      status: "open",
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
    })
    .returning({ id: consultations.id });
  const principleRows = await db
    .insert(principles)
    .values(
      Array.from({ length: 9 }, (_, i) => ({
        consultationId: c!.id,
        position: i + 1,
        slug: `p-${i + 1}`,
        title: `P${i + 1}`,
        body: "Text.",
      })),
    )
    .returning({ id: principles.id });
  const person = (i: number) => ({
    email: `bench-${i}@bench.example`,
    name: `Bench Person ${i}`,
    passwordHash: "not-used",
    stakeholderGroup: "civil_society" as const,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    privacyConsentedAt: new Date(),
  });
  const people = await db
    .insert(users)
    .values(Array.from({ length: OTHER_PEOPLE + 1 }, (_, i) => person(i)))
    .returning({ id: users.id });
  const subject = people[0]!.id;
  const others = people.slice(1).map((p) => p.id);
  // Plain INSERTs through SQL, so the comment counter trigger fires as in the app.
  const insertComments = async (authorIds: string[]) => {
    const values = authorIds.map((a, i) => {
      const p = principleRows[i % principleRows.length]!.id;
      const body = `Comment ${i} by ${a}: ${"a considered view on this principle ".repeat(8)}`;
      return sql`(${c!.id}, ${p}, ${a}, 'civil_society', 'supports', ${body}, 'en', ${crypto.randomUUID()}, now())`;
    });
    for (let i = 0; i < values.length; i += 500) {
      await db.execute(sql`insert into comments (consultation_id, principle_id, author_id, stakeholder_group, stance, body, language, form_token, published_at)
        values ${sql.join(values.slice(i, i + 500), sql`, `)}`);
    }
  };
  await insertComments(Array.from({ length: OTHER_COMMENTS }, (_, i) => others[i % others.length]!));
  await insertComments(Array.from({ length: OWN_COMMENTS }, () => subject));
  // Version 1 for every comment, version 2 (an edit) for the subject's.
  await db.execute(sql`insert into comment_versions (comment_id, version, body, stance) select id, 1, body, stance from comments`);
  await db.execute(sql`insert into comment_versions (comment_id, version, body, stance)
    select id, 2, body || ' (edited)', 'has_concerns' from comments where author_id = ${subject}`);
  await db.execute(sql`analyze`);
  return subject;
}

async function measure(engine: string, h: DbHandle) {
  const subject = await seed(h);
  const once = async () => {
    const t = performance.now();
    const data = await collectPersonalData(h.db, subject);
    const bytes = JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2).length;
    return {
      ms: performance.now() - t,
      bytes,
      comments: data?.comments.length ?? 0,
      versions: data?.comments.reduce((s, x) => s + x.versions.length, 0) ?? 0,
    };
  };
  for (let i = 0; i < 3; i++) await once(); // warm-up
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once());
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = ms.length % 2 ? ms[(ms.length - 1) / 2]! : (ms[ms.length / 2 - 1]! + ms[ms.length / 2]!) / 2;
  const first = runs[0]!;
  console.log(
    `${engine.padEnd(10)} ${first.comments} comments, ${first.versions} versions, ${(first.bytes / 1024).toFixed(0)} KiB JSON; ` +
      `${RUNS} runs: median ${median.toFixed(1)} ms, min ${ms[0]!.toFixed(1)} ms, max ${ms.at(-1)!.toFixed(1)} ms`,
  );
}

async function main() {
  const pglite = await openDb({ pgliteDir: "memory://" });
  try {
    await measure("PGlite", pglite);
  } finally {
    await pglite.close();
  }
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) return;
  const name = `samvad_bench_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pg = await openDb({ url: target.toString() });
  try {
    await measure("PostgreSQL", pg);
  } finally {
    await pg.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
