import type { StakeholderGroup } from "@/lib/limits";

/** One of the viewer's active endorsements of the target: personal (no organisation) or for an organisation. */
export interface ActiveEndorsementView {
  id: number;
  organisationName: string | null;
  endorsedAt: Date;
}

/** A capacity one may endorse in: "personal" or an organisation's id, with its label. */
export interface CapacityOption {
  id: string;
  label: string;
}

/** A row of the public registry of endorsements. */
export interface RegistryRowView {
  id: number;
  targetKey: string;
  principlePosition: number | null;
  principleTitle: string | null;
  principleTitleHi: string | null;
  endorserName: string;
  endorserDesignation: string;
  /** The endorser erased their account: shown as "a former participant (⟨group⟩)". */
  endorserErased?: boolean;
  organisationName: string | null;
  stakeholderGroup: StakeholderGroup;
  statement: string | null;
  endorsedAt: Date;
  withdrawnAt: Date | null;
}
