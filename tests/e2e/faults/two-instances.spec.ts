// Two production servers on one PostgreSQL, as behind a load balancer: whatever one instance decides (an endorsement,
// a form token, a rate-limit token, a failed sign-in, a revoked session) the other must honour at once, because
// the database holds it and neither process keeps it in memory. Every check asserts both what the instances answer
// and what the database holds.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/db/seed-accounts";
import { SIGN_IN_MAX_FAILURES_PER_ADDRESS, SIGN_IN_MAX_FAILURES_PER_EMAIL } from "@/lib/rules/sign-in-limits";
import { COMMENT_RATE } from "@/lib/rules/token-bucket";
import { startApp, type AppServer } from "../../support/app-server";
import { parseForm, parseForms, postForm, type ParsedForm } from "../../support/html-forms";

type Fields = [string, string][];

const CONSULTATION = "paris-call";
const SESSION_COOKIE = "next-auth.session-token";
// One demo account per check, so that no check's rate tokens, failures or sign-out reach another's.
const ENDORSER = "rohan.mehta@setu-pay.example";
const TOKEN_AUTHOR = "fatima.sheikh@digitaladhikar.example";
const FAST_AUTHOR = "asha.verma@digitaltrust.gov.example";
const BURST_AUTHOR = "naveen.hegde@campaign.example";
const LOCKED_OUT = "arjun.nair@nofi.example";
const SIGNS_OUT = "meera.iyer@icps.edu.example";
const BEHIND_ADDRESS = "vikram.rao@kavach-cloud.example";
// A documentation address (RFC 5737): the client as the trusted proxy reports it.
const CLIENT_ADDRESS = "203.0.113.77";

const adminUrl = process.env.E2E_DATABASE_URL;

test.describe("two app instances on one PostgreSQL", () => {
  test.skip(!adminUrl, "needs PostgreSQL (E2E_DATABASE_URL): the embedded database belongs to one process by design");

  const dbName = `samvad_two_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  let admin: postgres.Sql;
  let db: postgres.Sql;
  let a: AppServer;
  let b: AppServer;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    if (!adminUrl) return;
    admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    db = postgres(url.toString(), { max: 2, onnotice: () => {} });
    // Both start at once on the empty database: each migrates and seeds at start, so this is the race a deployment
    // of N instances meets on its first start (and on every start that brings a new migration).
    // One proxy hop is trusted, so that the per-address sign-in limit applies to requests that name a client.
    const env = { TRUSTED_PROXY_HOPS: "1" };
    const started = await Promise.allSettled([
      startApp({ port: 3343, databaseUrl: url.toString(), env, startTimeoutMs: 240_000 }),
      startApp({ port: 3344, databaseUrl: url.toString(), env, startTimeoutMs: 240_000 }),
    ]);
    const [sa, sb] = started;
    if (sa?.status === "fulfilled") a = sa.value;
    if (sb?.status === "fulfilled") b = sb.value;
    const failures = started.flatMap((s) => (s.status === "rejected" ? [String(s.reason)] : []));
    expect(failures, "both instances start together on one empty database").toEqual([]);
  });

  test.afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.end();
    if (admin) {
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  // ---- helpers -------------------------------------------------------------------------------------------------

  /** The same form, sent to the given instance (a load balancer may route the post anywhere). */
  const to = (form: ParsedForm, server: AppServer): ParsedForm => {
    const u = new URL(form.action);
    return { ...form, action: `${server.origin}${u.pathname}${u.search}` };
  };

  const post = (server: AppServer, form: ParsedForm, fields: Fields, cookie?: string) =>
    postForm(to(form, server), fields, { origin: server.origin, ...(cookie ? { cookie } : {}) });

  const withValues = (form: ParsedForm, values: Record<string, string>): Fields => [
    ...form.fields.map(([k, v]): [string, string] => [k, values[k] ?? v]),
    ...Object.entries(values).filter(([k]) => !form.fields.some(([f]) => f === k)),
  ];

  async function page(server: AppServer, path: string, cookie?: string): Promise<{ status: number; html: string; url: string }> {
    const url = `${server.origin}${path}`;
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    return { status: res.status, html: await res.text(), url };
  }

  // The sign-in form carries no per-visit token, so each instance's copy is read once.
  const signInForms = new Map<AppServer, Promise<ParsedForm>>();
  function signInForm(server: AppServer): Promise<ParsedForm> {
    const known = signInForms.get(server);
    if (known) return known;
    const read = page(server, "/en/signin").then((p) => {
      const form = parseForms(p.html, p.url).find((f) => f.fields.some(([k]) => k === "password"));
      if (!form) throw new Error(`no sign-in form on ${p.url}`);
      return form;
    });
    signInForms.set(server, read);
    return read;
  }

  async function trySignIn(server: AppServer, email: string, password: string, headers: Record<string, string> = {}) {
    const form = await signInForm(server);
    const res = await postForm(to(form, server), withValues(form, { email, password }), { origin: server.origin, ...headers });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1);
    return { status: res.status, location: res.headers.get("location"), html: await res.text(), cookie: cookie ?? null };
  }

  async function signIn(server: AppServer, email: string): Promise<string> {
    const r = await trySignIn(server, email, DEMO_PASSWORD);
    if (r.status !== 303 || !r.cookie) throw new Error(`${email} could not sign in on ${server.origin}: ${r.status}`);
    return r.cookie;
  }

  /** The profile page answers a signed-in participant; anyone else is sent to sign in. */
  async function isSignedIn(server: AppServer, cookie: string): Promise<boolean> {
    const p = await page(server, "/en/profile", cookie);
    if (p.status === 200 && p.html.includes('data-testid="signed-in-as"')) return true;
    if (p.status >= 300 && p.status < 400) return false;
    throw new Error(`profile on ${server.origin} answered ${p.status}`);
  }

  const userRow = async (email: string) => {
    const [row] = await db<{ id: string; session_version: number }[]>`select id, session_version from users where email = ${email}`;
    if (!row) throw new Error(`no user ${email}`);
    return row;
  };

  /** The location's path and its `?done=` key. */
  const outcome = (location: string | null) => {
    const u = new URL(location ?? "/", "http://x");
    return { path: u.pathname, done: u.searchParams.get("done"), failed: u.searchParams.get("failed") };
  };

  /** The comment form filled in: our text, the first offered choice of each unchecked group, the given token. */
  function commentFields(form: ParsedForm, body: string, formToken: string): Fields {
    const out = form.fields.map(([k, v]): [string, string] => [k, k === "formToken" ? formToken : v]);
    for (const [name, values] of form.choices) out.push([name, values[0] ?? ""]);
    for (const name of form.textareas) out.push([name, name === "body" ? body : ""]);
    return out;
  }

  async function commentForm(server: AppServer, principle: string, cookie: string): Promise<ParsedForm> {
    const p = await page(server, `/en/consultations/${CONSULTATION}/principles/${principle}?after=1`, cookie);
    const form = parseForm(p.html, p.url);
    if (!form) throw new Error(`no comment form on ${p.url} (${p.status})`);
    return form;
  }

  // ---- checks --------------------------------------------------------------------------------------------------

  test("both instances migrated and seeded the one database once", async () => {
    const [migrations] = await db<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(migrations?.n).toBe(readdirSync("db/migrations").filter((f) => f.endsWith(".sql")).length);
    for (const server of [a, b]) expect(server.output()).toContain("demo data ready");
    // A second, overlapping seed published the pilot's summaries twice before the start-up lock (the same text as
    // versions 1 and 2): each published text must exist once.
    const [dupVersions] = await db<{ n: number }[]>`
      select count(*)::int as n from (select principle_id, sections::text from summary_versions group by 1, 2 having count(*) > 1) d`;
    expect(dupVersions?.n).toBe(0);
  });

  test("one participant endorsing one principle on both instances at once gets one endorsement", async () => {
    const principle = "cyber-hygiene";
    const user = await userRow(ENDORSER);
    const [target] = await db<{ consultation_id: string; principle_id: string }[]>`
      select c.id as consultation_id, p.id as principle_id from principles p join consultations c on c.id = p.consultation_id
      where c.slug = ${CONSULTATION} and p.slug = ${principle}`;
    if (!target) throw new Error("no target principle");
    const eventsOf = () => db<{ id: string; action: string }[]>`
      select id::text, action::text from endorsement_events
      where principle_id = ${target.principle_id} and actor_id = ${user.id} and organisation_id is null order by id`;
    expect(await eventsOf()).toEqual([]);

    const [cookieA, cookieB] = await Promise.all([signIn(a, ENDORSER), signIn(b, ENDORSER)]);
    const path = `/en/consultations/${CONSULTATION}/principles/${principle}`;
    const endorseForm = async (server: AppServer, cookie: string) => {
      const p = await page(server, path, cookie);
      const form = parseForm(p.html, p.url, "endorse-form");
      if (!form) throw new Error(`no endorse form on ${p.url}`);
      return form;
    };
    const [formA, formB] = await Promise.all([endorseForm(a, cookieA), endorseForm(b, cookieB)]);
    const fields = (form: ParsedForm) => withValues(form, { statement: "Endorsed twice over, counted once." });
    // Each instance's form to each instance, all at the same moment: two people's worth of double clicks.
    const answers = await Promise.all([
      post(a, formA, fields(formA), cookieA),
      post(b, formA, fields(formA), cookieA),
      post(a, formB, fields(formB), cookieB),
      post(b, formB, fields(formB), cookieB),
    ]);
    const outcomes = answers.map((r) => ({ status: r.status, ...outcome(r.headers.get("location")) }));
    expect(outcomes.map((o) => o.status)).toEqual([303, 303, 303, 303]);
    expect(outcomes.filter((o) => o.done === "endorsementRecorded")).toHaveLength(1);
    expect(outcomes.filter((o) => o.done === "endorsementAlreadyActive")).toHaveLength(3);

    const events = await eventsOf();
    expect(events.map((e) => e.action)).toEqual(["endorse"]);
    const active = await db<{ endorsed_event_id: string; statement: string | null }[]>`
      select endorsed_event_id::text, statement from endorsements
      where principle_id = ${target.principle_id} and endorser_id = ${user.id} and organisation_id is null and withdrawn_at is null`;
    expect(active).toEqual([{ endorsed_event_id: events[0]?.id, statement: "Endorsed twice over, counted once." }]);
    // Every active endorsement in the database equals the replay of its events (endorse minus withdraw).
    const [mismatches] = await db<{ n: number }[]>`
      with replay as (
        select consultation_id, target_key, coalesce(organisation_id, actor_id) as subject,
               sum(case when action = 'endorse' then 1 else -1 end)::int as n
        from endorsement_events group by 1, 2, 3),
      derived as (
        select consultation_id, target_key, coalesce(organisation_id, endorser_id) as subject, count(*)::int as n
        from endorsements where withdrawn_at is null group by 1, 2, 3)
      select count(*)::int as n from replay full join derived using (consultation_id, target_key, subject)
      where coalesce(replay.n, 0) <> coalesce(derived.n, 0)`;
    expect(mismatches?.n).toBe(0);
    // Both instances now show it as active (neither has a stale view).
    for (const [server, cookie] of [
      [a, cookieA],
      [b, cookieB],
    ] as const) {
      const p = await page(server, path, cookie);
      const start = p.html.indexOf('data-testid="active-endorsements"');
      const list = start < 0 ? "" : p.html.slice(start, p.html.indexOf("</ul>", start));
      expect(list.match(/You endorse this personally/g), server.origin).toHaveLength(1);
    }
  });

  test("one comment form posted to both instances at once makes one comment", async () => {
    const cookie = await signIn(a, TOKEN_AUTHOR);
    const form = await commentForm(a, "protect-the-internet", cookie);
    const token = randomUUID();
    const body = `Posted to two servers at once ${token.slice(0, 8)}: this must appear a single time.`;
    const fields = commentFields(form, body, token);
    const answers = await Promise.all([a, b, a, b].map((server) => post(server, form, fields, cookie)));
    const outcomes = answers.map((r) => ({ status: r.status, ...outcome(r.headers.get("location")) }));
    expect(outcomes.map((o) => o.status)).toEqual([303, 303, 303, 303]);

    const rows = await db<{ id: string }[]>`select id::text from comments where form_token = ${token}`;
    expect(rows).toHaveLength(1);
    const id = rows[0]?.id;
    // Every answer leads to that one comment; one says it was posted, the others that it already had been.
    expect(new Set(outcomes.map((o) => o.path))).toEqual(new Set([`/en/comments/${id}`]));
    expect(outcomes.filter((o) => o.done === "commentPosted")).toHaveLength(1);
    expect(outcomes.filter((o) => o.done === "commentAlreadyPosted")).toHaveLength(3);
    const [versions] = await db<{ n: number }[]>`select count(*)::int as n from comment_versions where comment_id = ${id ?? "0"}`;
    expect(versions?.n).toBe(1);
    const [bodies] = await db<{ n: number }[]>`select count(*)::int as n from comments where body = ${body}`;
    expect(bodies?.n).toBe(1);
  });

  test("the comment rate limit is one bucket for both instances: the sixth post is refused wherever it lands", async () => {
    const user = await userRow(FAST_AUTHOR);
    // A full bucket to start from, whatever the seed's comments took from it.
    await db`delete from rate_limit_buckets where key = ${`comment:${user.id}`}`;
    const [cookieA, cookieB] = await Promise.all([signIn(a, FAST_AUTHOR), signIn(b, FAST_AUTHOR)]);
    const [formA, formB] = await Promise.all([
      commentForm(a, "lifecycle-security", cookieA),
      commentForm(b, "lifecycle-security", cookieB),
    ]);
    const run = randomUUID().slice(0, 8);
    const send = (server: AppServer, n: number) => {
      const [form, cookie] = server === a ? [formA, cookieA] : [formB, cookieB];
      return post(server, form, commentFields(form, `Rate run ${run}, comment number ${n}, alternating servers.`, randomUUID()), cookie);
    };
    // The bucket holds five and refills one every 20 s; five posts one after another take far less than that.
    for (let n = 1; n <= COMMENT_RATE.capacity; n++) {
      const res = await send(n % 2 ? a : b, n);
      expect(res.status, `post ${n}`).toBe(303);
      expect(outcome(res.headers.get("location")).done).toBe("commentPosted");
    }
    for (const [server, n] of [
      [b, 6],
      [a, 7],
    ] as const) {
      const res = await send(server, n);
      expect(res.status, `post ${n} on ${server.origin}`).toBe(200);
      expect(await res.text()).toContain("You are commenting faster than we allow");
    }
    const [stored] = await db<{ n: number }[]>`select count(*)::int as n from comments where body like ${`Rate run ${run},%`}`;
    expect(stored?.n).toBe(COMMENT_RATE.capacity);
    const [bucket] = await db<{ tokens: number }[]>`select tokens from rate_limit_buckets where key = ${`comment:${user.id}`}`;
    expect(bucket?.tokens).toBeLessThan(1);
  });

  test("comments sent to both instances at the same moment take from one bucket", async () => {
    const user = await userRow(BURST_AUTHOR);
    await db`delete from rate_limit_buckets where key = ${`comment:${user.id}`}`;
    const [cookieA, cookieB] = await Promise.all([signIn(a, BURST_AUTHOR), signIn(b, BURST_AUTHOR)]);
    const [formA, formB] = await Promise.all([commentForm(a, "non-proliferation", cookieA), commentForm(b, "non-proliferation", cookieB)]);
    const run = randomUUID().slice(0, 8);
    const sent = 2 * COMMENT_RATE.capacity;
    // All at once, half to each instance: the bucket's row lock in PostgreSQL is the only thing that can count them.
    const answers = await Promise.all(
      Array.from({ length: sent }, (_, n) => {
        const [server, form, cookie] = n % 2 ? [b, formB, cookieB] : [a, formA, cookieA];
        return post(server, form, commentFields(form, `Burst ${run}, comment number ${n}, sent at once.`, randomUUID()), cookie);
      }),
    );
    const accepted = answers.filter((r) => r.status === 303 && outcome(r.headers.get("location")).done === "commentPosted");
    const refused = await Promise.all(answers.filter((r) => r.status === 200).map((r) => r.text()));
    expect(accepted).toHaveLength(COMMENT_RATE.capacity);
    expect(refused).toHaveLength(sent - COMMENT_RATE.capacity);
    for (const html of refused) expect(html).toContain("You are commenting faster than we allow");
    const [stored] = await db<{ n: number }[]>`select count(*)::int as n from comments where body like ${`Burst ${run},%`}`;
    expect(stored?.n).toBe(COMMENT_RATE.capacity);
  });

  test("failed sign-ins on both instances count against one limit per email", async () => {
    for (let n = 1; n <= SIGN_IN_MAX_FAILURES_PER_EMAIL; n++) {
      const r = await trySignIn(n % 2 ? a : b, LOCKED_OUT, `wrong password number ${n}`);
      expect(r.status, `attempt ${n}`).toBe(200);
      expect(r.html).toContain("The email or password is not correct.");
      expect(r.cookie).toBeNull();
    }
    // Past the limit even the right password is refused, on whichever instance it arrives.
    for (const server of [b, a]) {
      const r = await trySignIn(server, LOCKED_OUT, DEMO_PASSWORD);
      expect(r.status, server.origin).toBe(200);
      expect(r.html).toContain("Too many failed attempts to sign in.");
      expect(r.cookie).toBeNull();
    }
    const attempts = await db<{ succeeded: boolean | null; n: number }[]>`
      select succeeded, count(*)::int as n from sign_in_attempts where email_key = ${LOCKED_OUT} group by 1`;
    expect(attempts).toEqual([{ succeeded: false, n: SIGN_IN_MAX_FAILURES_PER_EMAIL }]);
  });

  test("failed sign-ins from one address on both instances count against one limit per address", async () => {
    const via = { "x-forwarded-for": CLIENT_ADDRESS };
    // Failures up to the limit, each for another unknown email, so that no per-email limit is reached first; a few
    // at a time, half on each instance (the limit counts pending attempts too, so none can slip past it).
    const emails = Array.from(
      { length: SIGN_IN_MAX_FAILURES_PER_ADDRESS },
      (_, n) => `nobody-${n}-${randomUUID().slice(0, 6)}@example.org`,
    );
    for (let i = 0; i < emails.length; i += 6) {
      const batch = emails.slice(i, i + 6).map((email, j) => trySignIn(j % 2 ? b : a, email, "not the password at all", via));
      for (const r of await Promise.all(batch)) {
        expect(r.status).toBe(200);
        expect(r.html).toContain("The email or password is not correct.");
      }
    }
    for (const server of [a, b]) {
      const r = await trySignIn(server, BEHIND_ADDRESS, DEMO_PASSWORD, via);
      expect(r.html, server.origin).toContain("Too many failed attempts to sign in.");
      expect(r.cookie).toBeNull();
    }
    const [failures] = await db<{ n: number }[]>`
      select count(*)::int as n from sign_in_attempts where address = ${CLIENT_ADDRESS} and succeeded = false`;
    expect(failures?.n).toBe(SIGN_IN_MAX_FAILURES_PER_ADDRESS);
    // The same account from another address is not held back by this one's failures.
    const elsewhere = await trySignIn(b, BEHIND_ADDRESS, DEMO_PASSWORD, { "x-forwarded-for": "198.51.100.9" });
    expect(elsewhere.cookie).not.toBeNull();
  });

  test("signing out on one instance ends the session on the other at once", async () => {
    const before = await userRow(SIGNS_OUT);
    const cookie = await signIn(a, SIGNS_OUT);
    // The cookie one instance issued is honoured by the other: they share the secret and the database.
    expect(await isSignedIn(b, cookie)).toBe(true);
    expect(await isSignedIn(a, cookie)).toBe(true);

    const profile = await page(a, "/en/profile", cookie);
    const at = profile.html.indexOf("data-sign-out");
    if (at < 0) throw new Error("no sign-out form on the profile page");
    const formHtml = profile.html.slice(profile.html.lastIndexOf("<form", at), profile.html.indexOf("</form>", at) + "</form>".length);
    const [signOut] = parseForms(formHtml, profile.url);
    if (!signOut) throw new Error("the sign-out form could not be read");
    const res = await post(a, signOut, signOut.fields, cookie);
    expect(res.status).toBe(303);
    expect(outcome(res.headers.get("location")).done).toBe("signedOut");

    const after = await userRow(SIGNS_OUT);
    expect(after.session_version).toBe(before.session_version + 1);
    // The copy of the old cookie is refused by the instance that did not see the sign-out, with no delay.
    expect(await isSignedIn(b, cookie)).toBe(false);
    expect(await isSignedIn(a, cookie)).toBe(false);
  });
});
