import { describe, expect, it } from "vitest";
import { STAKEHOLDER_GROUPS, type CommentState, type StakeholderGroup } from "@/lib/limits";
import { SUMMARY_SECTIONS, type SummaryContent } from "@/lib/limits";
import { allCitedIds, CITED_SECTIONS, citationProblems, citedIds, statementBlocks, type CitedComment } from "@/lib/rules/citations";

const P = "11111111-1111-4111-8111-111111111111";
const OTHER_P = "22222222-2222-4222-8222-222222222222";

/** The comments the rules know of: id → where it was made, its state, and whose voice it is. */
function known(entries: [number, Partial<CitedComment>?][]): Map<number, CitedComment> {
  return new Map(
    entries.map(([id, c]) => [
      id,
      { principleId: P, state: "published" as CommentState, stakeholderGroup: "civil_society" as StakeholderGroup, ...c },
    ]),
  );
}

describe("citedIds", () => {
  it("reads every [#n] in order, duplicates included", () => {
    expect(citedIds("One [#3], two [#12] and three [#3].")).toEqual([3, 12, 3]);
    expect(citedIds("[#1][#2]")).toEqual([1, 2]);
  });

  it("reads [#0] as the number 0 (a comment that cannot exist, not a non-citation)", () => {
    expect(citedIds("See [#0].")).toEqual([0]);
  });

  it("reads leading zeros as the number", () => {
    expect(citedIds("[#007]")).toEqual([7]);
  });

  it.each([
    ["[#12a]", "a letter after the digits"],
    ["[# 12]", "a space after the hash"],
    ["[#12 ]", "a space before the bracket"],
    ["[#]", "no digits"],
    ["[#-3]", "a sign"],
    ["[#1.5]", "a decimal"],
    ["#12", "no brackets"],
    ["[12]", "no hash"],
    ["(#12)", "round brackets"],
    ["[#12345678901]", "more than ten digits"],
    ["", "empty text"],
  ])("finds nothing in %j (%s)", (text) => {
    expect(citedIds(text)).toEqual([]);
  });

  it("allCitedIds collects each id once across all sections", () => {
    expect(allCitedIds({ overview: "A [#1] [#2]", government: "B [#2]", notReflected: "C [#3] [#1]" }).sort((a, b) => a - b)).toEqual([
      1, 2, 3,
    ]);
    expect(allCitedIds({})).toEqual([]);
  });
});

describe("statementBlocks", () => {
  it("returns each paragraph as one statement, joining its soft-wrapped lines", () => {
    expect(statementBlocks("First paragraph [#1].\n\nSecond paragraph\ncontinued [#2].")).toEqual([
      "First paragraph [#1].",
      "Second paragraph\ncontinued [#2].",
    ]);
  });

  it("returns each bullet item as its own statement", () => {
    expect(statementBlocks("- apples [#1]\n- pears\n* plums [#3]")).toEqual(["apples [#1]", "pears", "plums [#3]"]);
  });

  it("returns each numbered item as its own statement", () => {
    expect(statementBlocks("1. first [#1]\n2. second\n3. third [#2]")).toEqual(["first [#1]", "second", "third [#2]"]);
  });

  it("a list item is one statement without its nested list; the nested items are statements of their own", () => {
    expect(statementBlocks("- parent [#1]\n  - child one\n  - child two [#2]\n- sibling")).toEqual([
      "parent [#1]",
      "child one",
      "child two [#2]",
      "sibling",
    ]);
    // A citation on the nested item does not cover its parent, nor the other way round.
    expect(statementBlocks("1. parent\n   1. child [#4]")).toEqual(["parent", "child [#4]"]);
  });

  it("a list item with two paragraphs is one statement holding both", () => {
    expect(statementBlocks("- first part\n\n  second part [#2]\n- next")).toEqual(["first part\nsecond part [#2]", "next"]);
  });

  it("headings are titles, not statements", () => {
    expect(statementBlocks("# A title\n\nThe statement [#1].\n\n## Another title")).toEqual(["The statement [#1]."]);
    expect(statementBlocks("Setext title\n============")).toEqual([]);
  });

  it("keeps a citation inside a list item, and several citations in one statement", () => {
    const blocks = statementBlocks("- as several said [#4], [#9] and [#10]");
    expect(blocks).toEqual(["as several said [#4], [#9] and [#10]"]);
    expect(citedIds(blocks[0]!)).toEqual([4, 9, 10]);
  });

  it("mixes paragraphs, lists and headings in document order", () => {
    expect(statementBlocks("Intro [#1].\n\n## Points\n\n- one\n- two [#2]\n\nOutro.")).toEqual([
      "Intro [#1].",
      "one",
      "two [#2]",
      "Outro.",
    ]);
  });

  it("a quoted paragraph is still a statement", () => {
    expect(statementBlocks("> quoted words")).toEqual(["quoted words"]);
  });

  it.each([
    ["", "empty text"],
    ["   \n\n\t", "only whitespace"],
    ["# Only a title", "only a heading"],
    ["---", "only a thematic break"],
    ["- \n- ", "only empty list items"],
  ])("finds no statements in %j (%s)", (text) => {
    expect(statementBlocks(text)).toEqual([]);
  });
});

describe("citationProblems", () => {
  it("finds nothing wrong in a fully and correctly cited summary", () => {
    const comments = known([
      [1, { stakeholderGroup: "government" }],
      [2, { stakeholderGroup: "academia" }],
      [3, { stakeholderGroup: "civil_society" }],
    ]);
    const sections: SummaryContent = {
      overview: "Broad agreement [#1] [#2].\n\n- with reservations [#3]",
      government: "Governments asked for more time [#1].",
      academia: "## Academia\n\nResearchers agreed [#2].",
      agreement: "Everyone agreed on the aim.",
      disagreement: "Some dissent [#3].",
      notReflected: "",
    };
    expect(citationProblems(sections, P, comments)).toEqual([]);
  });

  it("finds nothing in an empty summary", () => {
    expect(citationProblems({}, P, new Map())).toEqual([]);
  });

  describe("uncitedBlock", () => {
    it("an uncited paragraph in the overview", () => {
      expect(citationProblems({ overview: "A claim with no source." }, P, new Map())).toEqual([
        { section: "overview", kind: "uncitedBlock", block: 1, excerpt: "A claim with no source." },
      ]);
    });

    it("numbers the block among the section's statements and cuts the excerpt at 80 characters", () => {
      const long = "x".repeat(100);
      const problems = citationProblems({ overview: `Cited [#1].\n\n- cited item [#1]\n- ${long}` }, P, known([[1]]));
      expect(problems).toEqual([{ section: "overview", kind: "uncitedBlock", block: 3, excerpt: "x".repeat(80) }]);
    });

    it.each(STAKEHOLDER_GROUPS)("an uncited list item in the %s section", (group) => {
      const comments = known([[1, { stakeholderGroup: group }]]);
      expect(citationProblems({ [group]: "- cited [#1]\n- not cited" }, P, comments)).toEqual([
        { section: group, kind: "uncitedBlock", block: 2, excerpt: "not cited" },
      ]);
    });

    it("an uncited nested item is a problem even when its parent item is cited", () => {
      expect(citationProblems({ overview: "- parent [#1]\n  - child" }, P, known([[1]]))).toEqual([
        { section: "overview", kind: "uncitedBlock", block: 2, excerpt: "child" },
      ]);
    });

    it("a citation in a heading does not cover the paragraph under it", () => {
      expect(citationProblems({ overview: "# Title [#1]\n\nThe claim." }, P, known([[1]]))).toEqual([
        { section: "overview", kind: "uncitedBlock", block: 1, excerpt: "The claim." },
      ]);
    });

    it("the cited sections are the overview and the five stakeholder groups", () => {
      expect([...CITED_SECTIONS].sort()).toEqual(["overview", ...STAKEHOLDER_GROUPS].sort());
    });
  });

  it("missing: a comment that does not exist", () => {
    expect(citationProblems({ overview: "A claim [#7]." }, P, known([[1]]))).toEqual([
      { section: "overview", kind: "missing", commentId: 7 },
    ]);
  });

  it("missing: [#0] names no comment", () => {
    expect(citationProblems({ overview: "A claim [#0]." }, P, known([[1]]))).toEqual([
      { section: "overview", kind: "missing", commentId: 0 },
    ]);
  });

  it("otherPrinciple: a comment on another principle", () => {
    expect(citationProblems({ overview: "A claim [#5]." }, P, known([[5, { principleId: OTHER_P }]]))).toEqual([
      { section: "overview", kind: "otherPrinciple", commentId: 5 },
    ]);
  });

  it.each(["hidden", "awaiting_moderation", "withdrawn"] as const)("notVisible: a %s comment", (state) => {
    expect(citationProblems({ overview: "A claim [#5]." }, P, known([[5, { state }]]))).toEqual([
      { section: "overview", kind: "notVisible", commentId: 5 },
    ]);
  });

  it("otherGroup: a group's section citing another group's comment", () => {
    expect(citationProblems({ government: "Governments said so [#5]." }, P, known([[5, { stakeholderGroup: "private_sector" }]]))).toEqual([
      { section: "government", kind: "otherGroup", commentId: 5 },
    ]);
  });

  it("the overview may cite any group", () => {
    const comments = known(STAKEHOLDER_GROUPS.map((g, i) => [i + 1, { stakeholderGroup: g }] as [number, Partial<CitedComment>]));
    expect(citationProblems({ overview: "All five groups [#1] [#2] [#3] [#4] [#5]." }, P, comments)).toEqual([]);
  });

  it("a cited comment is checked in order: missing, then other principle, then visibility, then group", () => {
    // On another principle and hidden and from another group: reported once, as otherPrinciple.
    const comments = known([[5, { principleId: OTHER_P, state: "hidden", stakeholderGroup: "academia" }]]);
    expect(citationProblems({ government: "Claim [#5]." }, P, comments)).toEqual([
      { section: "government", kind: "otherPrinciple", commentId: 5 },
    ]);
    // Hidden and from another group: reported as notVisible.
    const hidden = known([[6, { state: "hidden", stakeholderGroup: "academia" }]]);
    expect(citationProblems({ government: "Claim [#6]." }, P, hidden)).toEqual([
      { section: "government", kind: "notVisible", commentId: 6 },
    ]);
  });

  it("reports a comment cited twice in one section once, and once more for each other section citing it", () => {
    const comments = known([[5, { state: "hidden" }]]);
    expect(citationProblems({ overview: "A [#5] and again [#5].", disagreement: "B [#5]." }, P, comments)).toEqual([
      { section: "overview", kind: "notVisible", commentId: 5 },
      { section: "disagreement", kind: "notVisible", commentId: 5 },
    ]);
  });

  it("reports each problem of a section with several citations", () => {
    const comments = known([[1], [2, { state: "withdrawn" }], [3, { principleId: OTHER_P }]]);
    expect(citationProblems({ overview: "Several voices [#1] [#2] [#3] [#4]." }, P, comments)).toEqual([
      { section: "overview", kind: "notVisible", commentId: 2 },
      { section: "overview", kind: "otherPrinciple", commentId: 3 },
      { section: "overview", kind: "missing", commentId: 4 },
    ]);
  });

  describe("agreement, disagreement and notReflected", () => {
    const free = ["agreement", "disagreement", "notReflected"] as const;

    it("these are exactly the sections outside the citation rule", () => {
      expect(SUMMARY_SECTIONS.filter((s) => !CITED_SECTIONS.includes(s))).toEqual([...free]);
    });

    it.each(free)("%s may hold uncited paragraphs and list items", (section) => {
      expect(citationProblems({ [section]: "No source here.\n\n- nor here\n- nor here either" }, P, new Map())).toEqual([]);
    });

    it.each(free)("%s may cite any group's comment", (section) => {
      expect(citationProblems({ [section]: "A view [#1]." }, P, known([[1, { stakeholderGroup: "government" }]]))).toEqual([]);
    });

    it.each(free)("%s still has its citations checked: missing, other principle, not visible", (section) => {
      const comments = known([
        [2, { principleId: OTHER_P }],
        [3, { state: "hidden" }],
      ]);
      expect(citationProblems({ [section]: "Uncited words.\n\nCited words [#1] [#2] [#3]." }, P, comments)).toEqual([
        { section, kind: "missing", commentId: 1 },
        { section, kind: "otherPrinciple", commentId: 2 },
        { section, kind: "notVisible", commentId: 3 },
      ]);
    });
  });

  it("an escaped citation does not make a statement count as cited unless it is checked too", () => {
    // `\[#5\]` renders as the text "[#5]": either the statement is uncited, or comment 5 must be checked
    // (and here it does not exist). Passing with no problem at all lets an uncited claim show a citation
    // nobody verified.
    for (const text of ["A claim \\[#5\\].", "A claim &#91;#5&#93;."]) {
      const problems = citationProblems({ overview: text }, P, new Map());
      expect(problems, text).not.toEqual([]);
    }
  });
});
