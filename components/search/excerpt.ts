/**
 * Excerpts of search results, made from plain text here rather than with ts_headline: the database would return
 * markup to be trusted, while these functions return text and ranges that React renders (and escapes) itself.
 */

/** Letters, digits and combining marks (Devanagari vowel signs): what the 'simple' parser keeps in a word. */
const WORD = "\\p{L}\\p{N}\\p{M}";

/** The words of a query worth marking in an excerpt: not the excluded (-word) ones, nor the operator "or". */
export function searchTerms(q: string): string[] {
  const kept = q.replace(/(^|\s)-\S+/g, " ").toLowerCase();
  const words = kept.split(new RegExp(`[^${WORD}]+`, "u")).filter((w) => w && w !== "or");
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 20);
}

function termPattern(terms: string[]): RegExp | null {
  if (terms.length === 0) return null;
  const escaped = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![${WORD}])(${escaped.join("|")})(?![${WORD}])`, "giu");
}

/** True when the text holds one of the terms as a whole word. */
export function mentions(text: string, terms: string[]): boolean {
  return termPattern(terms)?.test(text) ?? false;
}

/** About `size` characters of the text around the first term it holds (or its start), cut at spaces. */
export function excerpt(text: string, terms: string[], size = 240): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= size) return flat;
  const at = termPattern(terms)?.exec(flat)?.index ?? 0;
  let start = Math.max(0, at - Math.floor(size / 3));
  let end = Math.min(flat.length, start + size);
  start = Math.max(0, end - size);
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    end = space > Math.max(start, at) ? space : end;
  }
  return `${start > 0 ? "… " : ""}${flat.slice(start, end)}${end < flat.length ? " …" : ""}`;
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** The text split into runs, the terms' whole-word occurrences marked, for <mark> elements. */
export function highlight(text: string, terms: string[]): Segment[] {
  const pattern = termPattern(terms);
  if (!pattern) return [{ text, mark: false }];
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at > last) out.push({ text: text.slice(last, at), mark: false });
    out.push({ text: m[0], mark: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), mark: false });
  return out;
}

/** A summary's Markdown as plain words: citations, link targets and formatting marks removed. */
export function plainMarkdown(md: string): string {
  return md
    .replace(/\[#\d+\]/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/[*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a text is written in Devanagari (Hindi) or not, for its lang attribute. */
export function languageOf(text: string): "hi" | "en" {
  return /[\u0900-\u097F]/.test(text) ? "hi" : "en";
}
