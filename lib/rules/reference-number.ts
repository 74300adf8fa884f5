import { FEEDBACK_REFERENCE_PREFIX, MAX_ID } from "@/lib/limits";

/**
 * Reference numbers read PREFIX-YEAR-NUMBER (PC-2026-000123). The number is the row's identity, so two
 * submissions can never share one however many arrive at once; the year is the one it was received in, in India.
 */
export function referenceNumber(prefix: string, id: number, receivedAt: Date): string {
  const year = new Intl.DateTimeFormat("en-IN", { year: "numeric", timeZone: "Asia/Kolkata" }).format(receivedAt);
  return `${prefix}-${year}-${String(id).padStart(6, "0")}`;
}

export function feedbackReference(id: number, receivedAt: Date): string {
  return referenceNumber(FEEDBACK_REFERENCE_PREFIX, id, receivedAt);
}

/** The id inside a reference number, or null: lets search and "find my comment" accept either form. */
export function idOfReference(text: string): { prefix: string; id: number } | null {
  const m = /^\s*([A-Za-z]{2,6})-(\d{4})-(\d{1,10})\s*$/.exec(text);
  if (!m?.[1] || !m[3]) return null;
  const id = Number(m[3]);
  return id >= 1 && id <= MAX_ID ? { prefix: m[1].toUpperCase(), id } : null;
}
