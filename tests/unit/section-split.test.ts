import { describe, expect, it } from "vitest";
import { sectionSlug, splitSections } from "@/lib/rules/section-split";

describe("splitting a pasted section list", () => {
  it("recognises numbered headings and keeps blank-line separated paragraphs as the body", () => {
    const text = [
      "1. Protect individuals",
      "Prevent and recover from malicious cyber activities.",
      "",
      "This includes critical infrastructure.",
      "2) Protect the Internet",
      "",
      "Prevent activity that damages the public core.",
    ].join("\r\n");
    expect(splitSections(text)).toEqual({
      preamble: "",
      sections: [
        {
          title: "Protect individuals",
          body: "Prevent and recover from malicious cyber activities.\n\nThis includes critical infrastructure.",
        },
        { title: "Protect the Internet", body: "Prevent activity that damages the public core." },
      ],
    });
  });

  it.each([
    ["Clause 2 – Consent", "Consent"],
    ["Clause 2 — Consent", "Consent"],
    ["Section 3: Purpose", "Purpose"],
    ["section 3 - Purpose", "Purpose"],
    ["Article 4. Scope", "Scope"],
    ["खंड 5 – सहमति", "सहमति"],
    ["Clause 6", "Clause 6"],
  ])("reads %j as a heading titled %j", (line, title) => {
    expect(splitSections(`${line}\nThe text.`).sections).toEqual([{ title, body: "The text." }]);
  });

  it("keeps text before the first heading apart, as the preamble", () => {
    const r = splitSections("Draft rules, 2026\n\nIssued for comment.\n\n1. Definitions\nIn these rules…");
    expect(r.preamble).toBe("Draft rules, 2026\n\nIssued for comment.");
    expect(r.sections).toEqual([{ title: "Definitions", body: "In these rules…" }]);
  });

  it("leaves a numbered list inside a section's body in the body (numbers must rise from heading to heading)", () => {
    const r = splitSections(
      "Clause 3: Duties\nA fiduciary shall:\n1. notify the Board;\n2. keep records.\nClause 4: Rights\nEveryone may ask.",
    );
    expect(r.sections.map((s) => s.title)).toEqual(["Duties", "Rights"]);
    expect(r.sections[0]?.body).toBe("A fiduciary shall:\n1. notify the Board;\n2. keep records.");
  });

  it("finds no sections in text without headings, and never treats a long numbered paragraph as one", () => {
    expect(splitSections("Just a paragraph.\n\nAnd another.").sections).toEqual([]);
    expect(splitSections(`1. ${"word ".repeat(60)}`).sections).toEqual([]);
  });

  it("gives a section with an empty body an empty body, not the next heading", () => {
    expect(splitSections("1. One\n\n2. Two\nText").sections).toEqual([
      { title: "One", body: "" },
      { title: "Two", body: "Text" },
    ]);
  });
});

describe("section slugs", () => {
  it("are made from the English title, unique within the consultation", () => {
    const taken = new Set(["consent"]);
    expect(sectionSlug("Consent", 1, taken)).toBe("consent-2");
    expect(sectionSlug("Protect individuals & infrastructure!", 2, new Set())).toBe("protect-individuals-infrastructure");
    expect(sectionSlug("सहमति", 7, new Set())).toBe("section-7");
    expect(sectionSlug("x".repeat(100), 1, new Set())).toHaveLength(60);
  });
});
