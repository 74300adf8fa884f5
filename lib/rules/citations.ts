import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import type { Nodes } from "mdast";
import { STAKEHOLDER_GROUPS, type CommentState, type StakeholderGroup } from "@/lib/limits";
import { SUMMARY_SECTIONS, type SummaryContent, type SummarySection } from "@/lib/limits";

const CITATION = /\[#(\d{1,10})\]/g;

/** Sections in which every paragraph and list item must carry a citation. */
export const CITED_SECTIONS: readonly SummarySection[] = ["overview", ...STAKEHOLDER_GROUPS];

export function citedIds(text: string): number[] {
  return [...text.matchAll(CITATION)].map((m) => Number(m[1]));
}

/** The paragraphs and list items of a markdown text, as plain text (headings are titles, not statements). */
export function statementBlocks(markdown: string): string[] {
  const out: string[] = [];
  const walk = (node: Nodes, inListItem: boolean) => {
    if (node.type === "listItem") {
      // A list item is one statement, with any paragraphs it holds, but not its nested list's items.
      const own = node.children.filter((c) => c.type !== "list");
      out.push(own.map((c) => toString(c)).join("\n"));
      for (const c of node.children) if (c.type === "list") walk(c, true);
      return;
    }
    // Code is shown to readers too, so it is a statement like any other.
    if ((node.type === "paragraph" || node.type === "code") && !inListItem) {
      out.push(toString(node));
      return;
    }
    if ("children" in node) for (const c of node.children) walk(c as Nodes, inListItem);
  };
  walk(fromMarkdown(markdown), false);
  return out.filter((b) => b.trim().length > 0);
}

export interface CitedComment {
  principleId: string;
  state: CommentState;
  stakeholderGroup: StakeholderGroup;
}

export type CitationProblem =
  | { section: SummarySection; kind: "uncitedBlock"; block: number; excerpt: string }
  | { section: SummarySection; kind: "missing" | "otherPrinciple" | "notVisible" | "otherGroup"; commentId: number };

/**
 * Everything that stops a summary from being published: a statement without a citation in the overview or a
 * group's part; a citation of a comment that does not exist, belongs to another principle, is not visible
 * (hidden, held or withdrawn), or, in a group's part, comes from another group.
 */
export function citationProblems(
  sections: SummaryContent,
  principleId: string,
  comments: ReadonlyMap<number, CitedComment>,
): CitationProblem[] {
  const problems: CitationProblem[] = [];
  for (const section of SUMMARY_SECTIONS) {
    const text = sections[section] ?? "";
    if (CITED_SECTIONS.includes(section)) {
      statementBlocks(text).forEach((block, i) => {
        if (citedIds(block).length === 0) problems.push({ section, kind: "uncitedBlock", block: i + 1, excerpt: block.slice(0, 80) });
      });
    }
    // Ids as written and as a reader sees them (an escaped \[#5\] still reads as a citation), all checked.
    const ids = new Set([...citedIds(text), ...statementBlocks(text).flatMap(citedIds)]);
    for (const id of ids) {
      const c = comments.get(id);
      if (!c) problems.push({ section, kind: "missing", commentId: id });
      else if (c.principleId !== principleId) problems.push({ section, kind: "otherPrinciple", commentId: id });
      else if (c.state !== "published") problems.push({ section, kind: "notVisible", commentId: id });
      else if ((STAKEHOLDER_GROUPS as readonly string[]).includes(section) && c.stakeholderGroup !== section) {
        problems.push({ section, kind: "otherGroup", commentId: id });
      }
    }
  }
  return problems;
}

export function allCitedIds(sections: SummaryContent): number[] {
  return [...new Set(SUMMARY_SECTIONS.flatMap((s) => citedIds(sections[s] ?? "")))];
}
