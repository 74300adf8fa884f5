/**
 * How a long text stands against its limits, counted the way the server counts it. The server normalises line
 * breaks ("\r\n" → "\n", lib/validation/text.ts) and, for most fields, trims before measuring; a textarea's
 * value in the browser already uses "\n" (HTML's API value), so only the trim is left to mirror here. Kept free of
 * zod and React so the counter's bundle stays small and this can be tested on its own.
 */
export interface CharacterLimits {
  min?: number;
  max: number;
  /** The server trims this field before measuring it (comments, statements; not summaries). */
  trim?: boolean;
}

export type CharacterStatus =
  { kind: "left"; count: number } | { kind: "near"; count: number } | { kind: "short"; count: number } | { kind: "over"; count: number };

export function countCharacters(value: string, trim = false): number {
  return (trim ? value.trim() : value).length;
}

/** Within this many characters of the limit, the count is worth announcing. */
export function nearThreshold(max: number): number {
  return Math.max(20, Math.round(max / 10));
}

export function characterStatus(value: string, limits: CharacterLimits): CharacterStatus {
  const n = countCharacters(value, limits.trim);
  if (n > limits.max) return { kind: "over", count: n - limits.max };
  if (limits.min && n > 0 && n < limits.min) return { kind: "short", count: limits.min - n };
  const left = limits.max - n;
  return { kind: left <= nearThreshold(limits.max) ? "near" : "left", count: left };
}
