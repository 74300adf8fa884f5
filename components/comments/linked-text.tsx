import { LinkifyIt } from "linkify-it";
import type { ReactNode } from "react";

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false }).set({ fuzzyIP: false });

type Piece = string | { url: string; text: string; at: number };

// linkify's pattern is the costliest step of rendering a comment, and the same texts are read over and over:
// the pieces of recent paragraphs are kept (strings only, never markup), bounded so memory stays flat.
const MAX_REMEMBERED = 4000;
const remembered = new Map<string, Piece[]>();

function pieces(text: string): Piece[] {
  const known = remembered.get(text);
  if (known) return known;
  const out: Piece[] = [];
  let at = 0;
  for (const m of linkify.match(text) ?? []) {
    if (!/^https?:\/\//i.test(m.url)) continue;
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push({ url: m.url, text: m.text, at: m.index });
    at = m.lastIndex;
  }
  if (at < text.length) out.push(text.slice(at));
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
  remembered.set(text, out);
  return out;
}

/** Only http(s) links become anchors; every other character is text, escaped by React. Never HTML. */
function withLinks(text: string): ReactNode[] {
  return pieces(text).map((p) =>
    typeof p === "string" ? (
      p
    ) : (
      <a key={p.at} href={p.url} rel="nofollow ugc noopener noreferrer">
        {p.text}
      </a>
    ),
  );
}

/**
 * Participant text: blank-line paragraphs, single line breaks kept, web addresses as links. Styled by the
 * `comment-text` class (app/globals.css) rather than classes on every paragraph and link: a page shows
 * dozens of comments, and each class list is sent twice (markup and React's data).
 */
export function LinkedText({ text, lang, testId }: { text: string; lang?: string; testId?: string }) {
  return (
    <div lang={lang} className="comment-text" data-testid={testId}>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{withLinks(p)}</p>
        ))}
    </div>
  );
}
