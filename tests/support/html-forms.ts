// Forms read from server-rendered HTML and posted the way a browser without JavaScript posts them: the form's own
// fields (React's $ACTION_… inputs included), in its encoding. Shared by the benchmark's intake run and the tests
// that replay, forge or crash-test server actions over real HTTP.

type Attrs = Map<string, string>;

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function attrsOf(tag: string): Attrs {
  const attrs: Attrs = new Map();
  const body = tag.replace(/^<\s*[\w-]+/, "").replace(/\/?>$/, "");
  for (const m of body.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = (m[1] ?? "").toLowerCase();
    attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

export interface ParsedForm {
  action: string;
  enctype: string;
  /** Fields as the browser sends them, in order, without the ones we fill (body, stance, formToken). */
  fields: [string, string][];
  /** The values offered for each radio group that has nothing checked (e.g. stance). */
  choices: Map<string, string[]>;
  textareas: string[];
}

/** The form marked data-testid="<testId>" in a page, read the way a browser reads it. */
export function parseForm(html: string, pageUrl: string, testId = "comment-form"): ParsedForm | null {
  const marker = html.indexOf(`data-testid="${testId}"`);
  if (marker < 0) return null;
  const start = html.lastIndexOf("<form", marker);
  const end = html.indexOf("</form>", marker);
  if (start < 0 || end < 0) return null;
  return readForm(html.slice(start, end), pageUrl);
}

/** Every form in a page, in document order, with its data-testid when it has one. */
export function parseForms(html: string, pageUrl: string): (ParsedForm & { testId: string | null })[] {
  const out: (ParsedForm & { testId: string | null })[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>/gi)) {
    const start = m.index ?? 0;
    const end = html.indexOf("</form>", start);
    if (end < 0) continue;
    out.push({ ...readForm(html.slice(start, end), pageUrl), testId: attrsOf(m[0]).get("data-testid") ?? null });
  }
  return out;
}

function readForm(formHtml: string, pageUrl: string): ParsedForm {
  const formTag = /^<form[^>]*>/.exec(formHtml)?.[0] ?? "<form>";
  const formAttrs = attrsOf(formTag);
  const fields: [string, string][] = [];
  const choices = new Map<string, string[]>();
  const checkedGroups = new Set<string>();
  for (const m of formHtml.matchAll(/<input\b[^>]*>/gi)) {
    const a = attrsOf(m[0]);
    const name = a.get("name");
    if (!name || a.has("disabled")) continue;
    const type = (a.get("type") ?? "text").toLowerCase();
    const value = a.get("value") ?? (type === "checkbox" || type === "radio" ? "on" : "");
    if (type === "radio" || type === "checkbox") {
      if (a.has("checked")) {
        fields.push([name, value]);
        checkedGroups.add(name);
      } else if (type === "radio") choices.set(name, [...(choices.get(name) ?? []), value]);
      continue;
    }
    if (type === "submit" || type === "button" || type === "reset" || type === "image" || type === "file") continue;
    fields.push([name, value]);
  }
  for (const g of checkedGroups) choices.delete(g);
  const textareas = [...formHtml.matchAll(/<textarea\b[^>]*>/gi)].map((m) => attrsOf(m[0]).get("name") ?? "").filter(Boolean);
  const action = formAttrs.get("action");
  return {
    action: action && !action.startsWith("javascript:") ? new URL(action, pageUrl).toString() : pageUrl,
    enctype: (formAttrs.get("enctype") ?? "application/x-www-form-urlencoded").toLowerCase(),
    fields,
    choices,
    textareas,
  };
}

/** Posts the fields as the form would, without following the redirect, so the caller sees the 303 and its Location. */
export async function postForm(
  form: Pick<ParsedForm, "action" | "enctype">,
  fields: [string, string][],
  headers: { cookie?: string; origin?: string } & Record<string, string>,
): Promise<Response> {
  let body: FormData | URLSearchParams;
  if (form.enctype === "multipart/form-data") {
    body = new FormData();
    for (const [k, v] of fields) body.append(k, v);
  } else body = new URLSearchParams(fields);
  return fetch(form.action, { method: "POST", body, redirect: "manual", headers });
}
