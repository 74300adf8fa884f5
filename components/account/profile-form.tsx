"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, inputClass, Notice } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { StakeholderGroup } from "@/lib/limits";
import { updateProfile } from "@/lib/actions/account";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import type { Locale } from "@/lib/i18n/routing";
import { ChoiceGroup } from "./choice-group";
import { OrganisationSelect, type OrganisationOption } from "./organisation-select";

interface Props {
  current: { name: string; stakeholderGroup: StakeholderGroup; designation: string; language: Locale };
  organisations: OrganisationOption[];
  groupLabels: Record<StakeholderGroup, string>;
  languageLabels: Record<Locale, string>;
}

export function ProfileForm({ current, organisations, groupLabels, languageLabels }: Props) {
  const t = useTranslations("profile");
  const ts = useTranslations("signUp");
  const te = useTranslations("errors");
  const start: FormState = {
    ...initialFormState,
    values: {
      name: current.name,
      stakeholderGroup: current.stakeholderGroup,
      designation: current.designation,
      language: current.language,
    },
  };
  const [state, action] = useActionState(updateProfile, start);
  const v = state.values;
  const err = (field: string) => (state.errors[field] ? te(state.errors[field]) : undefined);
  const summary = Object.keys(state.errors).map((f) => ({ field: f, message: err(f) ?? "" }));
  return (
    <form action={action} noValidate className="max-w-xl">
      {state.status === "ok" ? (
        <Notice tone="success" testId="profile-saved">
          {t("saved")}
        </Notice>
      ) : null}
      <ErrorSummary title={ts("errorSummary")} errors={summary} />
      <Field name="name" label={ts("name")} error={err("name")}>
        <input
          id="name"
          name="name"
          type="text"
          autoComplete="name"
          required
          defaultValue={v.name ?? ""}
          aria-invalid={err("name") ? true : undefined}
          aria-describedby={describedBy("name", { error: !!err("name") })}
          className={inputClass}
        />
      </Field>
      <ChoiceGroup
        name="stakeholderGroup"
        legend={ts("group")}
        hint={ts("groupHint")}
        error={err("stakeholderGroup")}
        value={v.stakeholderGroup}
        options={(Object.keys(groupLabels) as StakeholderGroup[]).map((g) => ({ value: g, label: groupLabels[g] }))}
      />
      <Field name="designation" label={ts("designation")} hint={ts("designationHint")} error={err("designation")}>
        <input
          id="designation"
          name="designation"
          type="text"
          autoComplete="organization-title"
          defaultValue={v.designation ?? ""}
          aria-invalid={err("designation") ? true : undefined}
          aria-describedby={describedBy("designation", { hint: true, error: !!err("designation") })}
          className={inputClass}
        />
      </Field>
      <ChoiceGroup
        name="language"
        legend={ts("language")}
        error={err("language")}
        value={v.language}
        options={(Object.keys(languageLabels) as Locale[]).map((l) => ({ value: l, label: languageLabels[l], lang: l }))}
      />
      <OrganisationSelect
        organisations={organisations}
        groupLabels={groupLabels}
        values={v}
        errors={state.errors}
        emptyLabel={t("keepOrganisations")}
        label={t("addOrganisation")}
        hint={t("addOrganisationHint")}
      />
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
