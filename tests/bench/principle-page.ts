// Benchmark, not a test: prints figures, asserts nothing about speed.
//   npm run build && npm run bench
// Seeds the demo plus N comments (default 500) on one principle in a fresh embedded database, then reports:
// the SQL statements the principle page's data load issues, the page's HTML size (raw and gzip), and
// throughput/latency of that page under load (autocannon) against `next start`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { and, eq } from "drizzle-orm";
import { openDb } from "@/db/client";
import { getPrinciplePageData } from "@/db/queries/principle-page";
import { comments, principles, users, type NewComment } from "@/db/schema";
import { STANCES } from "@/lib/limits";
import { seedDemo } from "@/db/seed";

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const dir = path.resolve(".data/bench-pglite");
const PRINCIPLE = "protect-the-internet";

async function seed() {
  fs.rmSync(dir, { recursive: true, force: true });
  let statements = 0;
  const h = await openDb({ pgliteDir: dir, logger: { logQuery: () => void statements++ } });
  await seedDemo(h.db);
  const [p] = await h.db.select().from(principles).where(eq(principles.slug, PRINCIPLE));
  const authors = await h.db.select({ id: users.id, group: users.stakeholderGroup }).from(users);
  if (!p || authors.length === 0) throw new Error("seed failed");
  const body = (i: number) =>
    `Comment ${i}: the public core of the Internet includes routing and naming; protecting it needs operators and states alike, see https://example.org/note-${i}.`;
  const rows = (n: number, offset: number, extra: (i: number) => Partial<NewComment>): NewComment[] =>
    Array.from({ length: n }, (_, j) => {
      const i = offset + j;
      const a = authors[i % authors.length]!;
      return {
        consultationId: p.consultationId,
        principleId: p.id,
        authorId: a.id,
        stakeholderGroup: a.group,
        stance: STANCES[i % STANCES.length]!,
        body: body(i),
        language: "en",
        formToken: crypto.randomUUID(),
        publishedAt: new Date(),
        ...extra(i),
      };
    });
  // 60% top level, 40% replies spread over the threads.
  const topCount = Math.round(COMMENTS * 0.6);
  const tops = await h.db
    .insert(comments)
    .values(rows(topCount, 0, () => ({})))
    .returning({ id: comments.id });
  const replies = rows(COMMENTS - topCount, topCount, (i) => {
    const root = tops[i % tops.length]!.id;
    return { parentId: root, rootId: root, depth: 1 };
  });
  if (replies.length) await h.db.insert(comments).values(replies);
  for (const t of tops) {
    const n = replies.filter((r) => r.rootId === t.id).length;
    if (n)
      await h.db
        .update(comments)
        .set({ threadReplyCount: n })
        .where(and(eq(comments.id, t.id)));
  }
  statements = 0;
  await getPrinciplePageData(h.db, { consultationSlug: "paris-call", principleSlug: PRINCIPLE, viewerId: null, sort: "newest", start: {} });
  const anonymous = statements;
  statements = 0;
  await getPrinciplePageData(h.db, {
    consultationSlug: "paris-call",
    principleSlug: PRINCIPLE,
    viewerId: authors[0]!.id,
    sort: "newest",
    start: {},
  });
  const signedIn = statements;
  await h.close();
  return { anonymous, signedIn };
}

async function startServer() {
  const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    env: {
      ...process.env,
      PGLITE_DIR: dir,
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/auth/csrf`)).ok) return server;
    } catch {
      // not listening yet: try again after a pause
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  server.kill();
  throw new Error("server did not start");
}

const counts = await seed();
const server = await startServer();
try {
  const url = `http://127.0.0.1:${PORT}/en/consultations/paris-call/principles/${PRINCIPLE}`;
  const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const html = Buffer.from(await res.arrayBuffer());
  const wire = await fetch(url, { headers: { "accept-encoding": "gzip" } });
  const commentCount = (html.toString().match(/data-testid="comment"/g) ?? []).length;
  await autocannon({ url, connections: 4, duration: 3 }); // warm-up
  const load = await autocannon({ url, connections: 10, duration: 15 });
  console.log(`principle page with ${COMMENTS} comments on the principle (${commentCount} rendered on the first page)`);
  console.log(`  SQL statements of the page's data load: ${counts.anonymous} anonymous, ${counts.signedIn} signed in`);
  console.log(
    `  HTML: ${(html.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(html).length / 1024).toFixed(1)} KiB gzip (server sends content-encoding: ${wire.headers.get("content-encoding") ?? "none"})`,
  );
  console.log(
    `  load, 10 connections for 15 s: ${load.requests.average.toFixed(1)} req/s, latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx}`,
  );
} finally {
  server.kill();
}
