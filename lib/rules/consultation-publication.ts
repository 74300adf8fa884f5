/**
 * What a consultation needs before it is published. Its official texts (title, introduction, and each section's
 * title and official text) must be in English and Hindi, unless the admin marks the Hindi translation as pending
 * with the date it is due. The plain-language explainers are not official texts. Pure.
 */

export interface TextsForPublication {
  titleHi: string | null;
  descriptionHi: string | null;
  sections: { position: number; titleHi: string | null; bodyHi: string | null }[];
}

/** One official text without its Hindi version: which, and for a section, its position. */
export type MissingHindi = { text: "title" | "introduction" } | { text: "sectionTitle" | "sectionBody"; position: number };

const blank = (s: string | null) => !s || s.trim().length === 0;

export function missingHindiTexts(c: TextsForPublication): MissingHindi[] {
  const out: MissingHindi[] = [];
  if (blank(c.titleHi)) out.push({ text: "title" });
  if (blank(c.descriptionHi)) out.push({ text: "introduction" });
  for (const s of [...c.sections].sort((a, b) => a.position - b.position)) {
    if (blank(s.titleHi)) out.push({ text: "sectionTitle", position: s.position });
    if (blank(s.bodyHi)) out.push({ text: "sectionBody", position: s.position });
  }
  return out;
}
