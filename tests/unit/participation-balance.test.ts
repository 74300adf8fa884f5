import { describe, expect, it } from "vitest";
import { GROUP_DOMINANCE_SHARE } from "@/lib/limits";
import { dominantGroup } from "@/lib/rules/participation-balance";

describe("dominantGroup (a stakeholder group above 60 % of a section's comments)", () => {
  it("uses the 60 % limit from lib/limits", () => {
    expect(GROUP_DOMINANCE_SHARE).toBe(0.6);
  });

  it("names nobody when there are no comments", () => {
    expect(dominantGroup([])).toBeNull();
    expect(dominantGroup([{ stakeholderGroup: "academia", n: 0 }])).toBeNull();
  });

  it("exactly 60 % is not dominance; just over is", () => {
    const sixty = [
      { stakeholderGroup: "academia", n: 3 },
      { stakeholderGroup: "government", n: 2 },
    ] as const;
    expect(dominantGroup(sixty)).toBeNull();
    const over = [
      { stakeholderGroup: "academia", n: 61 },
      { stakeholderGroup: "government", n: 39 },
    ] as const;
    expect(dominantGroup(over)).toEqual({ group: "academia", n: 61, total: 100, share: 0.61 });
  });

  it("adds up a group's rows across stances before comparing", () => {
    // No single row is above 60 %, but civil society's three rows together are 7 of 10.
    const rows = [
      { stakeholderGroup: "civil_society", n: 3 },
      { stakeholderGroup: "civil_society", n: 2 },
      { stakeholderGroup: "civil_society", n: 2 },
      { stakeholderGroup: "private_sector", n: 3 },
    ] as const;
    expect(dominantGroup(rows)).toMatchObject({ group: "civil_society", n: 7, total: 10 });
  });

  it("a single comment is a whole section from one group", () => {
    expect(dominantGroup([{ stakeholderGroup: "technical_community", n: 1 }])).toMatchObject({ n: 1, total: 1, share: 1 });
  });

  it("a balanced section names nobody", () => {
    const rows = (["government", "private_sector", "civil_society", "technical_community", "academia"] as const).map((g) => ({
      stakeholderGroup: g,
      n: 4,
    }));
    expect(dominantGroup(rows)).toBeNull();
  });

  it("takes another threshold as an argument", () => {
    const rows = [
      { stakeholderGroup: "academia", n: 3 },
      { stakeholderGroup: "government", n: 2 },
    ] as const;
    expect(dominantGroup(rows, 0.5)).toMatchObject({ group: "academia" });
  });
});
