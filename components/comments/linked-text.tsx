import { LinkifyIt } from "linkify-it";
import type { ReactNode } from "react";

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false }).set({ fuzzyIP: false });

/** Only http(s) links become anchors; every other character is text, escaped by React. Never HTML. */
function withLinks(text: string): ReactNode[] {
  const matches = linkify.match(text) ?? [];
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of matches) {
    if (!/^https?:\/\//i.test(m.url)) continue;
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(
      <a key={m.index} href={m.url} rel="nofollow ugc noopener noreferrer" className="break-all text-blue-900 underline underline-offset-2">
        {m.text}
      </a>,
    );
    at = m.lastIndex;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** Participant text: blank-line paragraphs, single line breaks kept, web addresses as links. */
export function LinkedText({ text, lang }: { text: string; lang?: string }) {
  return (
    <div lang={lang} className="space-y-3 break-words">
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {withLinks(p)}
          </p>
        ))}
    </div>
  );
}
