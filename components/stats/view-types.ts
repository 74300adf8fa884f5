import type { Stance, StakeholderGroup } from "@/lib/limits";

/** Published comments of one stakeholder group with one stance. */
export interface GroupStanceCountView {
  stakeholderGroup: StakeholderGroup;
  stance: Stance;
  n: number;
}

/** Active endorsements of one stakeholder group, organisational or personal. */
export interface GroupCapacityCountView {
  stakeholderGroup: StakeholderGroup;
  organisational: boolean;
  n: number;
}
