import { GROUP_DOMINANCE_SHARE, type StakeholderGroup } from "@/lib/limits";

export interface GroupDominance {
  group: StakeholderGroup;
  /** The group's published comments, and all published comments on the section. */
  n: number;
  total: number;
  /** The group's share, 0…1. */
  share: number;
}

/**
 * The stakeholder group that provides more than `threshold` (GROUP_DOMINANCE_SHARE, 60 %) of a section's
 * published comments, or null. A multi-stakeholder reading needs every voice: a page where one group makes up
 * most of the comments says so, with the figures, so nobody mistakes it for a consensus of all five. Strictly
 * more than the threshold: exactly 60 % is not dominance. Counts come per group (and stance); rows of one group
 * are added up first.
 */
export function dominantGroup(
  counts: readonly { stakeholderGroup: StakeholderGroup; n: number }[],
  threshold: number = GROUP_DOMINANCE_SHARE,
): GroupDominance | null {
  const byGroup = new Map<StakeholderGroup, number>();
  let total = 0;
  for (const row of counts) {
    if (row.n <= 0) continue;
    byGroup.set(row.stakeholderGroup, (byGroup.get(row.stakeholderGroup) ?? 0) + row.n);
    total += row.n;
  }
  if (total === 0) return null;
  for (const [group, n] of byGroup) {
    // Compared in integers (n / total > threshold) so 3 of 5 at 0.6 is never pushed over by rounding.
    if (n * 100 > Math.round(threshold * 100) * total) return { group, n, total, share: n / total };
  }
  return null;
}
