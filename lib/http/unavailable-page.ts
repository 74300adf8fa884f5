import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";

/** Seconds a client (or a load balancer) should wait before asking again; a restart takes seconds, not minutes. */
export const RETRY_AFTER_SECONDS = 30;

/** Names of fields that may hold a secret; never echoed, whatever else the form carried. */
const SECRET_NAME = /pass|secret|token|stamp|csrf/i;

/**
 * The prose a form carried, to hand back when it could not be saved: the values that contain a space (a comment,
 * a statement, a note). Hidden fields (slugs, ids, React's $ACTION_ fields), choices and passwords are left out:
 * they are either retyped in a click or must never be shown again.
 */
export function keptTexts(form: FormData): string[] {
  const kept: string[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("$") || SECRET_NAME.test(name)) continue;
    const text = value.trim();
    if (/\s/.test(text)) kept.push(value);
  }
  return kept;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** The language of the address (every page has a /en or /hi prefix); English for anything else. */
export function pageLanguage(pathname: string): "en" | "hi" {
  return pathname === "/hi" || pathname.startsWith("/hi/") ? "hi" : "en";
}

// The page's own few rules: it cannot load the site's stylesheet safely (the build's asset names are not known
// here), and the CSP allows only styles that carry the nonce.
const STYLE =
  "body{font-family:system-ui,'Noto Sans Devanagari',sans-serif;line-height:1.6;margin:0;padding:2rem 1rem;color:#0f172a}" +
  "main{max-width:40rem;margin:0 auto}h1{color:#172554}label{display:block;font-weight:600;margin-top:1rem}" +
  "textarea{width:100%;box-sizing:border-box;font:inherit}a{color:#1e3a8a;display:inline-block;min-height:44px;margin-top:1rem}";

/**
 * The 503 page the proxy sends while the database is known to be down: no stack, no error text, in the page's
 * language, and with the prose the visitor had just posted in read-only boxes so it can be copied and not lost.
 */
export function unavailablePage(o: { pathname: string; nonce: string; posted: boolean; kept: string[] }): string {
  const language = pageLanguage(o.pathname);
  const text = (language === "hi" ? hi : en).unavailable;
  const boxes = o.kept
    .map((value, i) => {
      const label = o.kept.length > 1 ? text.keptLabelPart.replace("{n}", String(i + 1)) : text.keptLabel;
      return (
        `<label for="kept-${i + 1}">${escapeHtml(label)}</label>` +
        `<textarea id="kept-${i + 1}" readonly rows="8" data-testid="kept-text">${escapeHtml(value)}</textarea>`
      );
    })
    .join("");
  const notSaved =
    o.kept.length > 0 ? `<p>${escapeHtml(text.notSaved)}</p>${boxes}` : o.posted ? `<p>${escapeHtml(text.notSavedNoText)}</p>` : "";
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(text.title)}</title>` +
    `<style nonce="${escapeHtml(o.nonce)}">${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p>${notSaved}` +
    `<p><a href="${escapeHtml(o.pathname)}">${escapeHtml(text.retry)}</a></p></main></body></html>`
  );
}
