import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import hi from "@/lib/i18n/messages/hi.json";

type Tree = { [k: string]: string | Tree };
const keys = (o: Tree, prefix = ""): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
const flat = (o: Tree): Map<string, string> => {
  const out = new Map<string, string>();
  const walk = (t: Tree, p: string) => {
    for (const [k, v] of Object.entries(t)) {
      if (typeof v === "string") out.set(p + k, v);
      else walk(v, `${p}${k}.`);
    }
  };
  walk(o, "");
  return out;
};

describe("message catalogue", () => {
  it("has the same keys in English and Hindi", () => {
    expect(keys(hi as Tree).sort()).toEqual(keys(en as Tree).sort());
  });
  it("uses the same placeholders in both languages", () => {
    const e = flat(en as Tree);
    const h = flat(hi as Tree);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort();
    for (const [k, v] of e) expect(placeholders(h.get(k) ?? ""), k).toEqual(placeholders(v));
  });
  it("has no empty message and Hindi text is in Devanagari where English has words", () => {
    const h = flat(hi as Tree);
    for (const [k, v] of h) expect(v.trim(), k).not.toBe("");
    const words = (v: string) => v.replace(/\{\w+\}/g, "");
    const untranslated = [...flat(en as Tree)].filter(([k, v]) => /[a-z]{4,}/.test(words(v)) && h.get(k) === v).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});
