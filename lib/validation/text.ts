import { z } from "zod";
import { MAX_ID } from "@/lib/limits";

/**
 * Browsers send a textarea's line breaks as "\r\n"; counted raw, every break would cost two characters. Every
 * long text is normalised here, once, before it is trimmed and measured, so the limit a person sees in the form
 * (which counts "\n") is the limit the server applies.
 */
export function normaliseLineBreaks(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}

/** A free text from a textarea: line breaks normalised, trimmed, then held to its limits (catalogue keys). */
export function longText(limits: { min?: number; max: number }, keys: { tooShort?: string; tooLong: string }) {
  const counted = z.string().max(limits.max, keys.tooLong);
  return z
    .string()
    .transform((s) => normaliseLineBreaks(s).trim())
    .pipe(limits.min ? counted.min(limits.min, keys.tooShort) : counted);
}

/** A reference number (comment, decision, appeal, endorsement): a PostgreSQL integer. */
export const idField = z.coerce.number().int().positive().max(MAX_ID);

/** A consultation's slug as it appears in URLs and hidden fields. */
export const slugField = z.string().regex(/^[a-z0-9-]{1,100}$/);
