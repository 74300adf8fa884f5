import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";
import { isSameOrigin } from "@/lib/http/origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Next's limit for a server action's body (serverActions.bodySizeLimit, not changed in next.config.js). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * A page request that may change something (a form post, a server action) and does not come from our own pages:
 * an Origin of another site (or "null", as sandboxed frames send), or no Origin but cookies to ride on. Next
 * checks a server action's Origin too, but answers a forged one with a 500, so the proxy refuses it first.
 */
export function isForeignPost(req: Request): boolean {
  return !SAFE_METHODS.has(req.method.toUpperCase()) && !isSameOrigin(req);
}

/**
 * Whether a post to a page is larger than a server action may be. Next reads such a body only to throw, and
 * answers 500; refused here, it is a 413. A body sent without a length is counted up to the limit.
 */
export async function isOversizedPost(req: Request): Promise<boolean> {
  if (SAFE_METHODS.has(req.method.toUpperCase()) || !req.body) return false;
  const declared = req.headers.get("content-length");
  if (declared !== null) return Number(declared) > ACTION_BODY_LIMIT_BYTES;
  const reader = req.clone().body?.getReader();
  if (!reader) return false;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT_BYTES) {
      await reader.cancel();
      return true;
    }
  }
}

/** Values React's reply format may carry in a bound argument: plain JSON, escaped "$$…" text and primitives. */
const PLAIN_REPLY_STRING = /^(?!\$)|^\$(\$|D|n\d|undefined$|NaN$|Infinity$|-Infinity$|-0$)/;

function isPlainReplyValue(value: unknown): boolean {
  if (typeof value === "string") return PLAIN_REPLY_STRING.test(value);
  if (Array.isArray(value)) return value.every(isPlainReplyValue);
  if (value !== null && typeof value === "object") return Object.values(value).every(isPlainReplyValue);
  return true;
}

function parsedJson(value: FormDataEntryValue | undefined): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(value) };
  } catch {
    return { ok: false };
  }
}

/**
 * A JS-off form post whose React action fields React cannot decode: a body that is not multipart, an
 * `$ACTION_<n>:<i>` field that is not JSON, a reference `$ACTION_<n>:0` that is not `{"id": …, "bound": "$@<k>" |
 * null}`, bound arguments `$ACTION_<n>:<k>` missing or not a plain JSON array (a reference into the body that is
 * not there). React throws on each while it looks for the action, and Next answers 500; refused here, they are a
 * 400. Posts made by script (Next-Action) are left to Next, which answers an unknown action with a 404.
 */
export async function hasGarbledActionFields(req: Request): Promise<boolean> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (SAFE_METHODS.has(req.method.toUpperCase()) || req.headers.has("next-action") || !type.startsWith("multipart/form-data")) return false;
  let form: FormData;
  try {
    form = await req.clone().formData();
  } catch {
    return true;
  }
  for (const [name, value] of form) {
    if (/^\$ACTION_\d+:\d+$/.test(name) && !parsedJson(value).ok) return true;
    const ref = /^\$ACTION_REF_(\d+)$/.exec(name)?.[1];
    if (ref === undefined) continue;
    const descriptors = form.getAll(`$ACTION_${ref}:0`);
    const descriptor = parsedJson(descriptors[0]);
    if (descriptors.length !== 1 || !descriptor.ok) return true;
    const { id, bound } = (descriptor.value ?? {}) as { id?: unknown; bound?: unknown };
    if (typeof id !== "string" || (bound !== null && (typeof bound !== "string" || !/^\$@\d+$/.test(bound)))) return true;
    if (bound === null) continue;
    const args = form.getAll(`$ACTION_${ref}:${bound.slice(2)}`);
    const parsed = parsedJson(args[0]);
    if (args.length !== 1 || !parsed.ok || !Array.isArray(parsed.value) || !isPlainReplyValue(parsed.value)) return true;
  }
  return false;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const PAGES = { 400: "postUnreadable", 403: "foreignForm", 413: "postTooLarge" } as const;

/** A plain page for a refused post (400 unreadable, 403 from another site, 413 too large), in the address's language. */
export function refusedPostPage(status: keyof typeof PAGES, pathname: string, csp: string): Response {
  const language = pathname === "/hi" || pathname.startsWith("/hi/") ? "hi" : "en";
  const messages = language === "hi" ? hi : en;
  const text = messages[PAGES[status]];
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.title)}</title></head>` +
    `<body><main><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p>` +
    `<p><a href="/${language}">${escapeHtml(text.home)}</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": csp },
  });
}
