// What the forged-request and action-replay specs share: every state-changing route handler and every server
// action a page offers, found from the file system and from the pages themselves (so a new route or a new form is
// covered without touching the specs), the cookies of the roles that see them, and a fingerprint of the database.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import postgres from "postgres";
import { NOTIFICATION_PREFERENCE_KINDS } from "@/lib/rules/email-delivery";
import { parseForms, type ParsedForm } from "../support/html-forms";
import { changedTables, type TableFingerprint } from "../support/table-snapshot";
import { persona, signUp, STRONG_PASSWORD, uniqueEmail, type Persona } from "./support";

const APP_DIR = path.resolve("app");

// ---- Route handlers -------------------------------------------------------------------------------------------

export interface StateChangingRoute {
  /** The file, relative to the project (app/api/unsubscribe/route.ts). */
  file: string;
  /** Its URL pattern as Next routes it (/api/auth/[...nextauth]). */
  pattern: string;
  methods: string[];
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Route groups "(site)" are not part of the URL. */
function urlPattern(fileUnderApp: string): string {
  const segments = path
    .dirname(fileUnderApp)
    .split(path.sep)
    .filter((s) => s !== "." && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** Every app/**\/route.ts that exports POST, PUT, PATCH or DELETE (as a function or a constant). */
export function stateChangingRoutes(): StateChangingRoute[] {
  const out: StateChangingRoute[] = [];
  for (const file of walk(APP_DIR)
    .filter((f) => path.basename(f) === "route.ts")
    .sort()) {
    const source = fs.readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(POST|PUT|PATCH|DELETE)\b/g)].map(
      (m) => m[1] ?? "",
    );
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
      for (const name of (m[1] ?? "").split(",").map(
        (s) =>
          s
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? "",
      ))
        if (["POST", "PUT", "PATCH", "DELETE"].includes(name)) methods.push(name);
    if (methods.length)
      out.push({
        file: path.relative(process.cwd(), file),
        pattern: urlPattern(path.relative(APP_DIR, file)),
        methods: [...new Set(methods)],
      });
  }
  return out;
}

/** Every page template under app/[locale], as a URL pattern in English (/en/consultations/[slug]). */
export function pageTemplates(): string[] {
  return walk(path.join(APP_DIR, "[locale]"))
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) => urlPattern(path.relative(APP_DIR, f)).replace("/[locale]", "/en"))
    .filter((p) => !p.includes("[..."))
    .sort();
}

function templateRegex(template: string): RegExp {
  const source = template
    .split("/")
    .map((s) => (/^\[.+\]$/.test(s) ? "[^/?#]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

// ---- Who is asking --------------------------------------------------------------------------------------------

export type Role = "anonymous" | "participant" | "moderator" | "admin";
/** The order in which roles are asked for a page: an action is posted as the first (least privileged) that sees it. */
export const ROLES: Role[] = ["anonymous", "participant", "moderator", "admin"];

export interface FreshAccount {
  name: string;
  email: string;
  password: string;
  id: string;
  cookie: string;
}

interface StoredState {
  cookies: { name: string; value: string }[];
}

export function cookieHeader(cookies: { name: string; value: string }[]): string {
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

export function personaCookie(who: Persona): string {
  return cookieHeader((JSON.parse(fs.readFileSync(persona(who), "utf8")) as StoredState).cookies);
}

/**
 * A new participant, signed up through the real page: account-level actions (sign-out, password, email, erasure)
 * are only ever posted with such an account's cookie, never a persona's, so a wrongly accepted post ends nobody
 * else's session.
 */
export async function freshAccount(browser: Browser, baseURL: string, tag: string): Promise<FreshAccount> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const email = uniqueEmail(tag);
    const name = `Forge ${tag}`;
    await signUp(page, { name, email, password: STRONG_PASSWORD, group: "academia" });
    const cookie = cookieHeader(await context.cookies());
    const data = (await (await context.request.get("/api/me/data")).json()) as { profile?: { id?: string } };
    const id = data.profile?.id;
    if (!id) throw new Error(`no account id in /api/me/data for ${email}`);
    return { name, email, password: STRONG_PASSWORD, id, cookie };
  } finally {
    await context.close();
  }
}

/**
 * A signed unsubscribe token for an account, made as lib/email/unsubscribe.ts makes it, with the NEXTAUTH_SECRET
 * that playwright.config.ts gives the server (the mail that would carry it is not read here).
 */
export function unsubscribeToken(userId: string): string {
  const kind = NOTIFICATION_PREFERENCE_KINDS[0];
  const mac = createHmac("sha256", "e2e-secret-e2e-secret-e2e-secret-0123456789")
    .update(`unsubscribe:${userId}:${kind}`)
    .digest("base64url");
  return `${userId}.${kind}.${mac}`;
}

// ---- Forms of the pages ---------------------------------------------------------------------------------------

export interface ActionForm extends ParsedForm {
  testId: string | null;
  role: Role;
  page: string;
  /** The server action's id, read from React's hidden $ACTION_ inputs. */
  actionId: string;
  /** Names of fields marked required, and the maxlength of those that have one. */
  required: Set<string>;
  maxLength: Map<string, number>;
  /** Option values of each select (parseForms does not read selects). */
  selects: Map<string, string[]>;
}

/** The action id a JS-off form carries: `$ACTION_ID_<id>`, or the id inside `$ACTION_<n>:0` next to `$ACTION_REF_<n>`. */
export function actionIdOf(fields: [string, string][]): string | null {
  for (const [name, value] of fields) {
    if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        const id = (JSON.parse(value) as { id?: unknown }).id;
        if (typeof id === "string") return id;
      } catch {
        // Not the reference React writes: this form is not a server action's.
      }
    }
  }
  return null;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

/** What parseForms leaves out and the specs need: required fields, maxlengths, and selects with their options. */
function formExtras(formHtml: string) {
  const required = new Set<string>();
  const maxLength = new Map<string, number>();
  const selects = new Map<string, string[]>();
  for (const m of formHtml.matchAll(/<(input|textarea|select)\b[^>]*>/gi)) {
    const name = attr(m[0], "name");
    if (!name) continue;
    if (attr(m[0], "required") !== null) required.add(name);
    const max = attr(m[0], "maxlength");
    if (max) maxLength.set(name, Number(max));
  }
  for (const m of formHtml.matchAll(/<select\b[^>]*>([\s\S]*?)<\/select>/gi)) {
    const name = attr(m[0], "name");
    if (!name) continue;
    const values = [...(m[1] ?? "").matchAll(/<option\b[^>]*>/gi)].map((o) => attr(o[0], "value") ?? "");
    selects.set(name, values);
  }
  return { required, maxLength, selects };
}

export function actionFormsOf(html: string, pageUrl: string, role: Role): ActionForm[] {
  const slices = [...html.matchAll(/<form\b[^>]*>/gi)].map((m) => html.slice(m.index ?? 0, html.indexOf("</form>", m.index ?? 0)));
  return parseForms(html, pageUrl).flatMap((form, i) => {
    const actionId = actionIdOf(form.fields);
    if (!actionId) return [];
    return [{ ...form, ...formExtras(slices[i] ?? ""), role, page: pageUrl, actionId }];
  });
}

const HREF = /href="(\/en\/[^"#]*)"/g;

export interface Harvest {
  /** One form per action id, from the least privileged role that sees it. */
  forms: ActionForm[];
  /** Every page fetched, with the role. */
  pages: { role: Role; url: string; status: number }[];
  millis: number;
}

/**
 * Fetches every page template as each role, with concrete addresses for templates with parameters taken from the
 * links of the pages already read (so /en/comments/[id] is whatever comment a page links to), and reads their
 * forms. `extraPages` adds addresses links do not reach (a page that needs a token).
 */
/**
 * The Paris Call's moderation queue and its campaign group, named outright: once the admin's journey has published
 * a new consultation (an earlier project), links and the queue's default lead to that empty round instead.
 */
export const PARIS_CALL_STAFF_PAGES: Partial<Record<Role, string[]>> = {
  moderator: ["/en/moderate?consultation=paris-call", "/en/consultations/paris-call/principles/protect-the-internet"],
};

export async function harvestForms(
  baseURL: string,
  cookies: Record<Role, string>,
  extraPages: Partial<Record<Role, string[]>> = {},
  perTemplate = 2,
): Promise<Harvest> {
  const started = Date.now();
  const templates = pageTemplates();
  const byAction = new Map<string, ActionForm>();
  const pages: Harvest["pages"] = [];
  for (const role of ROLES) {
    const seen = new Set<string>();
    // Links with how many times the pages read so far carry them: the most linked address of a template (the
    // current consultation, its queue) comes first, whatever order the pages answered in.
    const links = new Map<string, number>();
    const taken = new Map<string, number>();
    const withForms = new Set<string>();
    const queue = [...templates.filter((t) => !t.includes("[")), ...(extraPages[role] ?? [])];
    const fetchPage = async (url: string) => {
      seen.add(url);
      const res = await fetch(`${baseURL}${url}`, { headers: { cookie: cookies[role], accept: "text/html" }, redirect: "manual" });
      const html = await res.text();
      pages.push({ role, url, status: res.status });
      if (res.status !== 200) return;
      for (const m of html.matchAll(HREF)) {
        const link = (m[1] ?? "").replaceAll("&amp;", "&");
        links.set(link, (links.get(link) ?? 0) + 1);
      }
      const forms = actionFormsOf(html, `${baseURL}${url}`, role);
      if (forms.length > 0) withForms.add(url.split("?")[0] ?? url);
      for (const form of forms) if (!byAction.has(form.actionId)) byAction.set(form.actionId, form);
    };
    while (queue.length > 0) {
      const batch = queue.splice(0, 4).filter((u) => !seen.has(u));
      await Promise.all(batch.map(fetchPage));
      if (queue.length > 0) continue;
      // Templates with parameters, from the links found so far, a few addresses each; and pages that have forms,
      // and staff pages, again with the queries they link to (a queue's tabs, the summary editor's principle).
      for (const template of templates.filter((t) => t.includes("[") || withForms.has(t) || /^\/en\/(moderate|admin)\b/.test(t))) {
        const re = templateRegex(template);
        for (const [link] of [...links].sort((a, b) => b[1] - a[1])) {
          if ((taken.get(template) ?? 0) >= perTemplate) break;
          if (seen.has(link) || queue.includes(link) || !re.test(link.split("?")[0] ?? "")) continue;
          if (!template.includes("[") && !link.includes("?")) continue;
          queue.push(link);
          taken.set(template, (taken.get(template) ?? 0) + 1);
        }
      }
    }
  }
  return { forms: [...byAction.values()], pages, millis: Date.now() - started };
}

// ---- Filling a form -------------------------------------------------------------------------------------------

/** A value a person could have typed into a field, by its name. */
export function plausibleValue(name: string, account: FreshAccount | null): string {
  const n = name.toLowerCase();
  if (n.includes("email")) return account?.email ?? "someone@example.org";
  if (n.includes("password")) return account?.password ?? STRONG_PASSWORD;
  if (n === "name") return "Forge Tester";
  return "Vendors should publish a security support end date for every connected device they sell, in plain words.";
}

/** The form's own fields, with every empty text field, textarea, radio group and select filled with something sensible. */
export function filledFields(form: ActionForm, account: FreshAccount | null): [string, string][] {
  const fields: [string, string][] = form.fields.map(([k, v]) => [
    k,
    v === "" && !k.startsWith("$ACTION") ? plausibleValue(k, account) : v,
  ]);
  for (const [name, values] of form.choices) if (values[0] !== undefined) fields.push([name, values[0]]);
  for (const [name, values] of form.selects) {
    const value = values.find((v) => v !== "") ?? values[0];
    if (value !== undefined) fields.push([name, value]);
  }
  const present = new Set(fields.map(([k]) => k));
  for (const name of form.textareas) if (!present.has(name)) fields.push([name, plausibleValue(name, account)]);
  for (const name of form.required) if (!present.has(name) && !fields.some(([k]) => k === name)) fields.push([name, "on"]);
  return fields;
}

/** Points fields naming an account at the fresh target, so a wrongly accepted post changes only that account. */
export function retargeted(fields: [string, string][], target: FreshAccount): [string, string][] {
  return fields.map(([k, v]) => [k, k === "userId" ? target.id : v]);
}

// ---- The database ---------------------------------------------------------------------------------------------

/** The e2e database when the run uses PostgreSQL (CI); null on the embedded database, which the server holds. */
export function e2eDatabase(): postgres.Sql | null {
  const url = process.env.E2E_DATABASE_URL;
  return url ? postgres(url, { max: 1, onnotice: () => undefined }) : null;
}

/**
 * Every table's row count and an md5 of its rows (as in tests/support/table-snapshot.ts, read with the postgres
 * client here, since the test process has no drizzle handle on the server's database), in one statement.
 */
export async function fingerprint(sql: postgres.Sql): Promise<Record<string, TableFingerprint>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`;
  const parts = tables.map(
    ({ name }) =>
      `select '${name.replaceAll("'", "''")}'::text as name, count(*)::int as n, ` +
      `md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as h from "${name.replaceAll('"', '""')}" t`,
  );
  const rows = await sql.unsafe<{ name: string; n: number; h: string }[]>(parts.join("\nunion all\n"));
  return Object.fromEntries(rows.map((r) => [r.name, { rows: Number(r.n), md5: r.h }]));
}

export { changedTables };

// ---- Action names ---------------------------------------------------------------------------------------------

/** Every exported server action: the exports of the "use server" modules under lib/actions. */
export function serverActionExports(): string[] {
  const names: string[] = [];
  for (const file of walk(path.resolve("lib/actions")).filter((f) => f.endsWith(".ts"))) {
    const source = fs.readFileSync(file, "utf8");
    if (!/^\s*["']use server["'];?/.test(source)) continue;
    for (const m of source.matchAll(/^export\s+(?:async\s+function|const|function)\s+(\w+)/gm)) names.push(m[1] ?? "");
  }
  return names.sort();
}

interface ManifestEntry {
  exportedName?: string;
  workers?: Record<string, { exportedName?: string }>;
}

/** Action id → exported name, from the build's server reference manifest (the build the server runs). */
export function actionNames(): Map<string, string> {
  const file = path.resolve(process.env.NEXT_DIST_DIR ?? ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, ManifestEntry> };
  const out = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node ?? {})) {
    const name = entry.exportedName ?? Object.values(entry.workers ?? {}).find((w) => w.exportedName)?.exportedName;
    if (name) out.set(id, name);
  }
  return out;
}

/**
 * Every role's forms: anonymous, the fresh participant (its unsubscribe page included), and the moderator and admin
 * personas (with the Paris Call's staff pages named outright).
 */
export async function harvestAsEveryRole(
  baseURL: string,
  participant: FreshAccount,
): Promise<{ cookies: Record<Role, string>; harvest: Harvest }> {
  const cookies: Record<Role, string> = {
    anonymous: "",
    participant: participant.cookie,
    moderator: personaCookie("moderator"),
    admin: personaCookie("admin"),
  };
  const harvest = await harvestForms(baseURL, cookies, {
    participant: [`/en/unsubscribe?token=${unsubscribeToken(participant.id)}`],
    ...PARIS_CALL_STAFF_PAGES,
  });
  return { cookies, harvest };
}
