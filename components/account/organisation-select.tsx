"use client";

import { useTranslations } from "next-intl";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { StakeholderGroup } from "@/lib/limits";

export interface OrganisationOption {
  id: string;
  name: string;
  stakeholderGroup: StakeholderGroup;
  verified: boolean;
}

interface Props {
  organisations: OrganisationOption[];
  groupLabels: Record<StakeholderGroup, string>;
  values: Record<string, string>;
  errors: Record<string, string>;
  /** Label of the empty choice: "none" at sign-up, "no change" on the profile. */
  emptyLabel: string;
  label: string;
  hint?: string;
}

/** A listed organisation, none, or "not listed" plus its name: works as two plain fields without JavaScript. */
export function OrganisationSelect({ organisations, groupLabels, values, errors, emptyLabel, label, hint }: Props) {
  const t = useTranslations("signUp");
  const te = useTranslations("errors");
  const orgError = errors.organisation ? te(errors.organisation) : undefined;
  const nameError = errors.newOrganisationName ? te(errors.newOrganisationName) : undefined;
  const groups = Object.keys(groupLabels) as StakeholderGroup[];
  return (
    <>
      <Field name="organisation" label={label} hint={hint} error={orgError}>
        <select
          id="organisation"
          name="organisation"
          defaultValue={values.organisation ?? ""}
          aria-invalid={orgError ? true : undefined}
          aria-describedby={describedBy("organisation", { hint: !!hint, error: !!orgError })}
          className={inputClass}
        >
          <option value="">{emptyLabel}</option>
          {groups.map((g) => {
            const inGroup = organisations.filter((o) => o.stakeholderGroup === g);
            if (inGroup.length === 0) return null;
            return (
              <optgroup key={g} label={groupLabels[g]}>
                {inGroup.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.verified ? o.name : t("organisationUnverified", { name: o.name })}
                  </option>
                ))}
              </optgroup>
            );
          })}
          <option value="new">{t("organisationNew")}</option>
        </select>
      </Field>
      <Field name="newOrganisationName" label={t("newOrganisationName")} hint={t("newOrganisationHint")} error={nameError}>
        <input
          id="newOrganisationName"
          name="newOrganisationName"
          type="text"
          autoComplete="organization"
          defaultValue={values.newOrganisationName ?? ""}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy("newOrganisationName", { hint: true, error: !!nameError })}
          className={inputClass}
        />
      </Field>
    </>
  );
}
