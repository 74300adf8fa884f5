// Participants who sign up and write comments over plain HTTP, the way a browser without JavaScript does, while a
// test does something unkind to the server. Each post's fate is recorded: acknowledged (the 303 to the new
// comment), refused (an answer that is not an acknowledgement), or unanswered (the connection died first).
import { randomBytes, randomUUID } from "node:crypto";
import { parseForm, parseForms, postForm, type ParsedForm } from "./html-forms";

const GROUPS = ["government", "private_sector", "civil_society", "technical_community", "academia"] as const;

export interface Writer {
  index: number;
  cookie: string;
  form: ParsedForm;
  /** The comment replied to, for a writer who replies; null for one who writes top-level comments. */
  parentId: number | null;
}

/** Name=value pairs of every cookie a response sets, joined for a Cookie header. */
function cookiesOf(res: Response, earlier = ""): string {
  const jar = new Map(
    earlier
      .split("; ")
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), c] as const),
  );
  for (const set of res.headers.getSetCookie()) {
    const pair = set.split(";")[0] ?? "";
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  return [...jar.values()].join("; ");
}

/** Signs a new participant up through the sign-up form; returns the session cookie the answer sets. */
export async function signUpOverHttp(origin: string, index: number, run: string): Promise<string> {
  const url = `${origin}/en/signup`;
  const page = await fetch(url);
  const cookie = cookiesOf(page);
  const form = parseForms(await page.text(), url).find((f) => f.choices.has("stakeholderGroup"));
  if (!form) throw new Error("the sign-up page has no sign-up form");
  const mine: Record<string, string> = {
    name: `Crash Writer ${index}`,
    email: `crash-${run}-${index}@example.org`,
    password: "monsoon letters from Kochi",
  };
  const fields: [string, string][] = form.fields.map(([k, v]) => [k, mine[k] ?? v]);
  fields.push(["stakeholderGroup", GROUPS[index % GROUPS.length] ?? "academia"], ["adult", "yes"], ["consent", "yes"]);
  const res = await postForm(form, fields, { cookie, origin });
  await res.arrayBuffer();
  const session = cookiesOf(res, cookie);
  if (res.status !== 303 || !session.includes("session-token=")) {
    throw new Error(`sign-up of writer ${index} answered ${res.status} ${res.headers.get("location") ?? ""} without a session`);
  }
  return session;
}

/**
 * The writer's form, read once from the principle page: the comment form, or for a replying writer the reply form
 * the page shows under the first comment offered for a reply.
 */
export async function writerForm(
  pageUrl: string,
  cookie: string,
  replies: boolean,
): Promise<{ form: ParsedForm; parentId: number | null }> {
  const page = await fetch(pageUrl, { headers: { cookie } });
  const html = await page.text();
  if (!replies) {
    const form = parseForm(html, pageUrl, "comment-form");
    if (!form) throw new Error(`no comment form on ${pageUrl} for a signed-in participant`);
    return { form, parentId: null };
  }
  const parentId = Number(/[?&]reply=(\d+)/.exec(html.replaceAll("&amp;", "&"))?.[1]);
  if (!parentId) throw new Error(`no comment to reply to on ${pageUrl}`);
  const url = `${pageUrl}?reply=${parentId}`;
  const form = parseForm(await (await fetch(url, { headers: { cookie } })).text(), url, "reply-form");
  if (!form) throw new Error(`no reply form on ${url}`);
  return { form, parentId };
}

/** One post as sent: kept so that an unanswered one can be sent again exactly as the browser would resend it. */
export interface Post {
  writer: Writer;
  fields: [string, string][];
  stance: string;
}

export interface BurstResult {
  /** Comment id → the exact text sent, for every post answered with the 303 to the comment. */
  acknowledged: Map<number, string>;
  /** Texts whose post got another answer (an error page, a refusal): nothing may have been stored. */
  refused: Map<string, string>;
  /** Posts that got no answer: the server went first. Stored or not, but whole either way. */
  unanswered: Map<string, Post>;
  /** Posts the server was already gone for (connection refused): never delivered, so never stored. */
  neverDelivered: number;
  /** Every text sent, with the stance it was sent with and the comment it replied to. */
  sent: Map<string, { stance: string; parentId: number | null }>;
  /** Seconds from the first post until the crash. */
  secondsBeforeCrash: number;
}

/** Lower-case nonsense words, unlike each other and anything else. */
function randomWords(n: number): string {
  return Array.from(randomBytes(n * 6), (b) => String.fromCharCode(97 + (b % 26)))
    .join("")
    .replace(/(.{6})(?!$)/g, "$1 ");
}

const STANCE_ORDER = ["supports", "supports_with_changes", "has_concerns", "opposes", "none"];

/** The form as filled in: our text, a stance (varied), a new form token; the writer's other fields as given. */
function fill(form: ParsedForm, text: string, n: number): { fields: [string, string][]; stance: string } {
  const fields = form.fields.map(([k, v]): [string, string] => [k, k === "formToken" ? randomUUID() : v]);
  let stance = form.fields.find(([k]) => k === "stance")?.[1] ?? "";
  for (const [name, values] of form.choices) {
    const ordered = name === "stance" ? STANCE_ORDER.filter((s) => values.includes(s)) : values;
    const value = name === "stance" ? (ordered[n % ordered.length] ?? "") : (values[0] ?? "");
    if (name === "stance") stance = value;
    fields.push([name, value]);
  }
  for (const name of form.textareas) fields.push([name, name === "body" ? text : ""]);
  return { fields, stance };
}

type Answer = { kind: "posted" | "alreadyPosted"; id: number } | { kind: "other"; what: string };

async function send(origin: string, post: Post): Promise<Answer> {
  const res = await postForm(post.writer.form, post.fields, { cookie: post.writer.cookie, origin });
  await res.arrayBuffer();
  const location = res.headers.get("location") ?? "";
  const m = /\/comments\/(\d+)\?(?:[^#]*&)?done=(commentPosted|commentAlreadyPosted)(?:&|#|$)/.exec(location);
  if (res.status !== 303 || !m) return { kind: "other", what: `${res.status} ${location}` };
  return { kind: m[2] === "commentPosted" ? "posted" : "alreadyPosted", id: Number(m[1]) };
}

/**
 * Every writer posts in a loop, one post at a time, until the connection is refused. `crash` is called once
 * `crashWhen` holds (checked after every answer) and should bring the server down; the writers then stop.
 */
export async function burstUntilCrash(p: {
  origin: string;
  writers: Writer[];
  tag: string;
  crashWhen: (acknowledged: number, seconds: number) => boolean;
  crash: () => Promise<void>;
  /** Safety net: crash anyway after this long, so a slow server cannot hold the test for ever. */
  maxSeconds: number;
}): Promise<BurstResult> {
  const r: BurstResult = {
    acknowledged: new Map(),
    refused: new Map(),
    unanswered: new Map(),
    neverDelivered: 0,
    sent: new Map(),
    secondsBeforeCrash: 0,
  };
  const t0 = performance.now();
  let crashing: Promise<void> | null = null;
  const maybeCrash = () => {
    const seconds = (performance.now() - t0) / 1000;
    if (crashing || !(p.crashWhen(r.acknowledged.size, seconds) || seconds > p.maxSeconds)) return;
    r.secondsBeforeCrash = seconds;
    crashing = p.crash();
  };
  const safety = setInterval(maybeCrash, 250);
  const writer = async (w: Writer) => {
    for (let n = 0; ; n++) {
      // Unicode, quotes and markup: what is stored must be exactly what was sent, byte for byte. Random words
      // keep the texts apart, so that none is grouped with another as a campaign copy (and held for that).
      const text = `${p.tag} w${String(w.index).padStart(2, "0")} n${String(n).padStart(4, "0")} ${randomWords(8)}: sent as the server dies — संवाद “quoted” & <kept>`;
      const post: Post = { writer: w, ...fill(w.form, text, n + w.index) };
      r.sent.set(text, { stance: post.stance, parentId: w.parentId });
      try {
        const answer = await send(p.origin, post);
        if (answer.kind === "posted" && !r.acknowledged.has(answer.id)) r.acknowledged.set(answer.id, text);
        else if (answer.kind === "posted") r.refused.set(text, `answered with comment ${answer.id}, already another post's`);
        else r.refused.set(text, answer.kind === "other" ? answer.what : "a new form answered as already posted");
      } catch (err) {
        // Refused at the door: the server was already gone and never read it. Otherwise it went while the post
        // was in flight: no answer, stored or not.
        if ((err as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") {
          r.sent.delete(text);
          r.neverDelivered++;
        } else r.unanswered.set(text, post);
        // Writers keep going until their own connection fails, so the posts in flight at the crash are the
        // unanswered ones.
        if (crashing) return;
      }
      maybeCrash();
    }
  };
  try {
    await Promise.all(p.writers.map(writer));
  } finally {
    clearInterval(safety);
  }
  await crashing;
  return r;
}

export interface Resent {
  /** Found already stored: the crash came after the commit, before the answer. */
  alreadyStored: number;
  /** Stored now: the crash had undone it (or it never arrived). */
  storedNow: number;
  /** Every other answer, with the text it was for. */
  other: string[];
}

/**
 * What a participant does after "the connection was reset": press Post again, the same form with the same token.
 * Each unanswered post must end up stored exactly once; its answer says whether it had been stored before.
 * Every one answered with a comment joins `acknowledged`.
 */
export async function resendUnanswered(origin: string, burst: BurstResult): Promise<Resent> {
  const out: Resent = { alreadyStored: 0, storedNow: 0, other: [] };
  for (const [text, post] of burst.unanswered) {
    const answer = await send(origin, post);
    if (answer.kind === "other") {
      out.other.push(`${answer.what}: ${text}`);
      continue;
    }
    if (burst.acknowledged.has(answer.id)) {
      out.other.push(`answered with comment ${answer.id}, already another post's: ${text}`);
      continue;
    }
    burst.acknowledged.set(answer.id, text);
    if (answer.kind === "alreadyPosted") out.alreadyStored++;
    else out.storedNow++;
  }
  return out;
}
