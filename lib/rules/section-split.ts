/**
 * Splitting a pasted draft text into sections, for an admin to review before anything is saved. A heading is a
 * line of its own that starts a numbered section: "1. Title", "2) Title", "Clause 2 – Title", "Section 3: Title",
 * "Article 4. Title" (and the Hindi "खंड", "धारा", "अनुच्छेद", "सिद्धांत"). The paragraphs after it, separated by
 * blank lines, are its body. Pure: no database, no framework.
 */

export interface SplitSection {
  title: string;
  body: string;
}

export interface SplitResult {
  sections: SplitSection[];
  /** Text before the first heading (a preamble), which belongs to no section. */
  preamble: string;
}

const LABELLED = /^(?:clause|section|article|principle|part|खंड|धारा|अनुच्छेद|सिद्धांत)\s+(\d{1,3})\s*(?:[–—:.\-)]\s*(.*))?$/iu;
const NUMBERED = /^(\d{1,3})\s*[.)]\s+(\S.*)$/u;
/** A heading is a title, not a paragraph: a longer numbered line is a list item of the body. */
const HEADING_MAX = 200;

interface Heading {
  number: number;
  title: string;
}

function headingOf(line: string): Heading | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > HEADING_MAX) return null;
  const labelled = LABELLED.exec(trimmed);
  if (labelled) return { number: Number(labelled[1]), title: (labelled[2] ?? "").trim() || trimmed };
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) return { number: Number(numbered[1]), title: (numbered[2] ?? "").trim() };
  return null;
}

/** Paragraphs separated by one blank line each; lines within a paragraph kept; spaces at line ends dropped. */
function paragraphs(lines: string[]): string {
  return lines
    .map((l) => l.replace(/\s+$/u, ""))
    .join("\n")
    .split(/\n[ \t]*\n+/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join("\n\n");
}

/**
 * Numbers must rise from one heading to the next, so a numbered list inside a section's body ("1. … 2. …" under
 * "Clause 3") stays in the body instead of starting sections of its own.
 */
export function splitSections(text: string): SplitResult {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const sections: { title: string; lines: string[] }[] = [];
  const preamble: string[] = [];
  let last = -1;
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading && heading.number > last) {
      last = heading.number;
      sections.push({ title: heading.title, lines: [] });
      continue;
    }
    const current = sections.at(-1);
    if (current) current.lines.push(line);
    else preamble.push(line);
  }
  return {
    sections: sections.map((s) => ({ title: s.title, body: paragraphs(s.lines) })),
    preamble: paragraphs(preamble),
  };
}

/**
 * A section's address in URLs, from its English title: lower-case letters and digits joined by hyphens, at most
 * 60 characters; `section-N` when the title has none (a Hindi-only title). Never one already taken.
 */
export function sectionSlug(title: string, position: number, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || `section-${position}`;
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
