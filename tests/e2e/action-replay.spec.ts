// Replayed server-action posts, over real HTTP against the production build: every form a page offers (the same
// harvest as forged-requests.spec.ts) is posted again from our own origin with its fields mutated by fast-check:
// fields dropped, unknown fields added, fields repeated with conflicting values, values of a megabyte and more,
// bytes that are not UTF-8, a file where text belongs, the urlencoded encoding instead of multipart, garbage in
// React's $ACTION_ fields and tampered form tokens. No answer may be a 5xx, and a post that is invalid by
// construction (a required field gone, a body over the size limit, an action that cannot be decoded, a form token
// that is not one) must add no row to a table. It runs in its own project after forged-requests.spec.ts, when
// nothing else writes (playwright.config.ts).
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import {
  actionNames,
  e2eDatabase,
  filledFields,
  freshAccount,
  retargeted,
  type ActionForm,
  type FreshAccount,
  harvestAsEveryRole,
} from "./action-forms";

/**
 * Runs per action. Measured on the two-core machine: 27 actions × 25 = 675 posts take ~30 s (40–50 ms a post, most
 * invalid ones refused before a render), after ~50 s of set-up (six sign-ups, ~220 pages read as four roles).
 */
const RUNS_PER_ACTION = Number(process.env.REPLAY_RUNS ?? 25);
/** Next's default limit for a server action's body (next.config.js sets none). */
const BODY_LIMIT = 1024 * 1024;
/** Account-ending actions: each gets its own fresh account, so that accepting one ends no other case's session. */
const ENDS_THE_SESSION = new Set(["signOut", "eraseMyAccount", "changePassword", "changeEmail"]);

type Value = string | { bytes: number[] } | { file: string };
type Mutation =
  | { kind: "drop"; field: string }
  | { kind: "extra"; extras: [string, string][] }
  | { kind: "duplicate"; field: string; value: string; before: boolean }
  | { kind: "oversized"; field: string; size: number }
  | { kind: "not UTF-8"; field: string; bytes: number[] }
  | { kind: "file for text"; field: string }
  | { kind: "urlencoded" }
  | { kind: "action garbage"; field: string; name: string | null; value: string }
  | { kind: "tampered token"; value: string; uuidShaped: boolean };

const isActionField = (name: string) => name.startsWith("$ACTION");
/** The $ACTION_ inputs React needs to find the action: without them (or with garbage in them) nothing runs. */
const locatesAction = (name: string) =>
  name.startsWith("$ACTION_ID_") || name.startsWith("$ACTION_REF_") || /^\$ACTION_\d+:\d+$/.test(name);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mutations(form: ActionForm, fields: [string, string][]): fc.Arbitrary<Mutation> {
  const names = [...new Set(fields.map(([k]) => k))];
  const userFields = names.filter((n) => !isActionField(n));
  const actionFields = names.filter(isActionField);
  const anyField = fc.constantFrom(...names);
  const text = fc.string({ unit: "grapheme", maxLength: 40 });
  const options: fc.Arbitrary<Mutation>[] = [
    anyField.map((field) => ({ kind: "drop" as const, field })),
    fc
      .array(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), text), { minLength: 1, maxLength: 5 })
      .map((extras) => ({ kind: "extra" as const, extras })),
    fc.record({ field: anyField, value: text, before: fc.boolean() }).map((d) => ({ kind: "duplicate" as const, ...d })),
    fc
      .record({ field: anyField, size: fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT + 64 * 1024 }) })
      .map((d) => ({ kind: "oversized" as const, ...d })),
    fc
      .record({ field: anyField, bytes: fc.array(fc.integer({ min: 0x80, max: 0xff }), { minLength: 1, maxLength: 8 }) })
      .map((d) => ({ kind: "not UTF-8" as const, ...d })),
    anyField.map((field) => ({ kind: "file for text" as const, field })),
    fc.constant({ kind: "urlencoded" as const }),
  ];
  if (userFields.length > 0) options.push(fc.constantFrom(...userFields).map((field) => ({ kind: "drop" as const, field })));
  if (actionFields.length > 0)
    options.push(
      fc
        .record({
          field: fc.constantFrom(...actionFields),
          name: fc.option(fc.constantFrom("$ACTION_ID_", "$ACTION_ID_00ff", "$ACTION_REF_9", "$ACTION_1:0", "$ACTION_KEY"), { nil: null }),
          value: fc.oneof(text, fc.json(), fc.constant('{"id":"0000000000000000000000000000000000000000","bound":null}')),
        })
        .map((d) => ({ kind: "action garbage" as const, ...d })),
    );
  if (names.includes("formToken"))
    options.push(
      fc.oneof(
        fc.uuid().map((value) => ({ kind: "tampered token" as const, value, uuidShaped: true })),
        text.filter((s) => !UUID.test(s)).map((value) => ({ kind: "tampered token" as const, value, uuidShaped: false })),
      ),
    );
  return fc.oneof(...options);
}

/** Whether the post cannot be a valid use of the action, whatever the server does with the rest of it. */
function invalidByConstruction(m: Mutation, form: ActionForm): boolean {
  switch (m.kind) {
    case "drop":
      return locatesAction(m.field) || (form.required.has(m.field) && !isActionField(m.field));
    case "oversized":
      return true; // Over the body limit: Next reads no action from it.
    case "urlencoded":
      return true; // React posts actions as multipart only; an urlencoded body decodes no action.
    case "action garbage":
      // React finds the action by these inputs' names ($ACTION_ID_<id>, $ACTION_REF_<n>) and by the JSON in
      // $ACTION_<n>:<i>: renaming the first two or rewriting the last loses it. $ACTION_KEY only keys the form state.
      return locatesAction(m.field) && ((m.name !== null && m.name !== m.field) || /^\$ACTION_\d+:\d+$/.test(m.field));
    case "tampered token":
      return !m.uuidShaped;
    default:
      return false;
  }
}

function applied(m: Mutation, fields: [string, string][]): [string, Value][] {
  switch (m.kind) {
    case "drop":
      return fields.filter(([k]) => k !== m.field);
    case "extra":
      return [...fields, ...m.extras];
    case "duplicate":
      return fields.flatMap(([k, v]): [string, Value][] =>
        k === m.field
          ? m.before
            ? [
                [k, m.value],
                [k, v],
              ]
            : [
                [k, v],
                [k, m.value],
              ]
          : [[k, v]],
      );
    case "oversized":
      return fields.map(([k, v]) => [k, k === m.field ? "न".repeat(Math.ceil(m.size / 3)) : v]);
    case "not UTF-8":
      return fields.map(([k, v]) => [k, k === m.field ? { bytes: [...Buffer.from(v), ...m.bytes] } : v]);
    case "file for text":
      return fields.map(([k, v]) => [k, k === m.field ? { file: v } : v]);
    case "urlencoded":
      return fields;
    case "action garbage":
      return fields.map(([k, v]) => (k === m.field ? [m.name ?? k, m.value] : [k, v]));
    case "tampered token":
      return fields.map(([k, v]) => [k, k === "formToken" ? m.value : v]);
  }
}

/** A multipart body written by hand, so a part can carry bytes that are not UTF-8. */
function multipart(fields: [string, Value][]): { body: Uint8Array<ArrayBuffer>; type: string } {
  const boundary = `----replay${Math.random().toString(36).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    const quoted = name.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
    const file = typeof value === "object" && "file" in value;
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted}"${file ? '; filename="replay.txt"\r\nContent-Type: text/plain' : ""}\r\n\r\n`,
      ),
    );
    parts.push(typeof value === "string" ? Buffer.from(value) : "bytes" in value ? Buffer.from(value.bytes) : Buffer.from(value.file));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(parts)), type: `multipart/form-data; boundary=${boundary}` };
}

function encoded(m: Mutation, fields: [string, Value][]): { body: Uint8Array<ArrayBuffer>; type: string } {
  if (m.kind !== "urlencoded") return multipart(fields);
  const plain = fields.map(([k, v]): [string, string] => [k, typeof v === "string" ? v : ""]);
  return { body: new TextEncoder().encode(new URLSearchParams(plain).toString()), type: "application/x-www-form-urlencoded" };
}

test("replayed action posts with missing, extra, repeated, oversized and garbled fields never get a 5xx, and invalid ones write nothing", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? "";
  const started = Date.now();
  // The actor, the target of forms that name an account, and one account per account-ending action, one after
  // the other (sign-ups at once time out on a busy machine).
  const accounts: FreshAccount[] = [];
  for (const tag of ["replay-actor", "replay-target", ...ENDS_THE_SESSION]) accounts.push(await freshAccount(browser, base, tag));
  const [participant, target, ...spares] = accounts;
  const ownAccount = new Map([...ENDS_THE_SESSION].map((name, i) => [name, spares[i]]));
  if (!participant || !target) throw new Error("the sign-ups did not make two accounts");
  const { cookies, harvest } = await harvestAsEveryRole(base, participant);
  const names = actionNames();
  expect(harvest.forms.length).toBeGreaterThan(10);
  const setupMs = Date.now() - started;

  const sql = e2eDatabase();
  const rowCounts = async (): Promise<Record<string, number>> => {
    if (!sql) return {};
    const tables = await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;
    const rows = await sql.unsafe<{ name: string; n: number }[]>(
      tables.map(({ name }) => `select '${name}'::text as name, count(*)::int as n from "${name}"`).join(" union all "),
    );
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  };

  const figures: string[] = [];
  const problems: string[] = [];
  let posts = 0;
  let invalidPosts = 0;
  // Account-ending actions last, each with an account of its own.
  const forms = [...harvest.forms].sort(
    (a, b) => Number(ENDS_THE_SESSION.has(names.get(a.actionId) ?? "")) - Number(ENDS_THE_SESSION.has(names.get(b.actionId) ?? "")),
  );
  for (const form of forms) {
    const name = names.get(form.actionId) ?? form.actionId;
    const own = form.role === "participant" ? ownAccount.get(name) : undefined;
    const account: FreshAccount | null = form.role === "participant" ? (own ?? participant) : null;
    const cookie = own?.cookie ?? cookies[form.role];
    const fields = retargeted(filledFields(form, account), target);
    const actionStarted = Date.now();
    await fc.assert(
      fc.asyncProperty(mutations(form, fields), async (m) => {
        const invalid = invalidByConstruction(m, form);
        const before = invalid ? await rowCounts() : null;
        const { body, type } = encoded(m, applied(m, fields));
        const res = await fetch(form.action, {
          method: "POST",
          body,
          redirect: "manual",
          headers: { "content-type": type, origin: base, cookie },
        });
        await res.arrayBuffer();
        posts += 1;
        const label = `${name} as ${form.role}: ${m.kind}${"field" in m ? ` of ${m.field}` : ""} → ${res.status}`;
        if (res.status >= 500) problems.push(label);
        if (before) {
          invalidPosts += 1;
          const after = await rowCounts();
          const grown = Object.keys(after).filter((t) => (after[t] ?? 0) > (before[t] ?? 0));
          if (grown.length > 0) problems.push(`${label}: invalid by construction, yet new rows in ${grown.join(", ")}`);
        }
      }),
      { numRuns: RUNS_PER_ACTION, endOnFailure: true },
    );
    figures.push(`${name} (${form.role}): ${RUNS_PER_ACTION} posts in ${Date.now() - actionStarted} ms`);
  }
  await sql?.end();
  test.info().annotations.push({
    type: "figures",
    description:
      `${harvest.forms.length} actions, ${posts} posts (${invalidPosts} invalid by construction, checked against the database: ` +
      `${sql ? "yes" : "no, embedded database"}); set-up ${setupMs} ms, total ${Date.now() - started} ms\n${figures.join("\n")}`,
  });
  expect(problems).toEqual([]);
});
