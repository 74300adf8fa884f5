import { getTranslations } from "next-intl/server";
import type { StakeholderGroup } from "@/lib/limits";

interface Membership {
  organisationId: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  organisationVerified: boolean;
  membershipVerified: boolean;
  maySign: boolean;
  rejected: boolean;
  rejectedReason: string | null;
}

export async function MembershipList({
  memberships,
  groupLabels,
}: {
  memberships: Membership[];
  groupLabels: Record<StakeholderGroup, string>;
}) {
  const t = await getTranslations("profile");
  if (memberships.length === 0) return <p className="mt-2">{t("noMemberships")}</p>;
  return (
    <ul className="mt-2 space-y-2" data-testid="memberships">
      {memberships.map((m) => (
        <li key={m.organisationId} className="rounded border border-slate-300 p-3">
          <span className="font-semibold">{m.name}</span> · {groupLabels[m.stakeholderGroup]}
          <ul className="mt-1 text-sm text-slate-800">
            <li>{m.organisationVerified ? t("organisationVerified") : t("organisationUnverified")}</li>
            <li>
              {m.membershipVerified
                ? t("membershipVerified")
                : m.rejected
                  ? t("membershipRejected", { reason: m.rejectedReason ?? "" })
                  : t("membershipUnverified")}
            </li>
            {m.maySign ? <li>{t("maySign")}</li> : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}
