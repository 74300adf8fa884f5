import type { StakeholderGroup } from "@/lib/limits";

/** One participant who submitted a grouped text, named as the public sees them (see db/queries/campaigns.ts). */
export interface CampaignSignerView {
  id: number;
  /** Null: the author chose to show only their group, or erased their account (`erased`). */
  name: string | null;
  erased: boolean;
  organisation: string | null;
  group: StakeholderGroup;
}

/** A json list column arrives parsed from postgres-js and PGlite alike; a string is parsed for safety. */
export function jsonList<T>(value: unknown): T[] {
  if (value == null) return [];
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}
