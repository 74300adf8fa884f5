"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, Field, FieldError, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { PASSWORD_MIN_LENGTH, type StakeholderGroup } from "@/lib/limits";
import { signUp } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { ChoiceGroup } from "./choice-group";
import { OrganisationSelect, type OrganisationOption } from "./organisation-select";

interface Props {
  organisations: OrganisationOption[];
  groupLabels: Record<StakeholderGroup, string>;
  languageLabels: Record<Locale, string>;
  defaultLanguage: Locale;
}

const FIELD_ORDER = [
  "name",
  "email",
  "password",
  "stakeholderGroup",
  "organisation",
  "newOrganisationName",
  "designation",
  "language",
  "adult",
  "consent",
];

export function SignUpForm({ organisations, groupLabels, languageLabels, defaultLanguage }: Props) {
  const t = useTranslations("signUp");
  const te = useTranslations("errors");
  const tf = useTranslations("form");
  const [state, action] = useActionState(signUp, initialFormState);
  const v = state.values;
  const err = (field: string) => (state.errors[field] ? te(state.errors[field]) : undefined);
  const summary = FIELD_ORDER.filter((f) => state.errors[f]).map((f) => ({ field: f, message: err(f) ?? "" }));
  return (
    <form action={action} noValidate className="max-w-xl">
      <ErrorSummary title={t("errorSummary")} errors={summary} />
      <Field name="name" label={t("name")} error={err("name")}>
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
      <Field name="email" label={t("email")} hint={t("emailHint")} error={err("email")}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v.email ?? ""}
          aria-invalid={err("email") ? true : undefined}
          aria-describedby={describedBy("email", { hint: true, error: !!err("email") })}
          className={inputClass}
        />
      </Field>
      <Field name="password" label={t("password")} hint={t("passwordHint")} error={err("password")}>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          aria-invalid={err("password") ? true : undefined}
          aria-describedby={describedBy("password", { hint: true, error: !!err("password") })}
          className={inputClass}
        />
      </Field>
      <ChoiceGroup
        name="stakeholderGroup"
        legend={t("group")}
        hint={t("groupHint")}
        error={err("stakeholderGroup")}
        value={v.stakeholderGroup}
        options={(Object.keys(groupLabels) as StakeholderGroup[]).map((g) => ({ value: g, label: groupLabels[g] }))}
      />
      <OrganisationSelect
        organisations={organisations}
        groupLabels={groupLabels}
        values={v}
        errors={state.errors}
        emptyLabel={t("organisationNone")}
        label={t("organisation")}
      />
      <Field name="designation" label={t("designation")} hint={t("designationHint")} error={err("designation")}>
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
        legend={t("language")}
        error={err("language")}
        value={v.language ?? defaultLanguage}
        options={(Object.keys(languageLabels) as Locale[]).map((l) => ({ value: l, label: languageLabels[l], lang: l }))}
      />
      <fieldset className="mb-6" id="consent-group">
        <legend className="font-semibold">{t("consentLegend")}</legend>
        <FieldError name="consent" error={err("consent")} />
        <FieldError name="adult" error={err("adult")} />
        <div className="mt-2 flex items-start gap-3">
          <input
            type="checkbox"
            id="adult"
            name="adult"
            value="yes"
            required
            defaultChecked={v.adult === "yes"}
            aria-invalid={err("adult") ? true : undefined}
            aria-describedby={err("adult") ? "adult-error" : undefined}
            className="mt-1 h-6 w-6 shrink-0 accent-blue-800"
          />
          <label htmlFor="adult">
            {t("adult")} <span className="text-slate-700">({tf("required")})</span>
          </label>
        </div>
        <div className="mt-2 flex items-start gap-3">
          <input
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            required
            defaultChecked={v.consent === "yes"}
            aria-invalid={err("consent") ? true : undefined}
            aria-describedby={err("consent") ? "consent-error" : undefined}
            className="mt-1 h-6 w-6 shrink-0 accent-blue-800"
          />
          <label htmlFor="consent">
            {t("consent")} <span className="text-slate-700">({tf("required")})</span>
          </label>
        </div>
        <p className="mt-2">
          <Link href="/privacy" className="text-blue-900 underline underline-offset-4">
            {t("privacyLink")}
          </Link>
        </p>
      </fieldset>
      <SubmitButton label={t("submit")} pendingLabel={t("pending")} />
    </form>
  );
}
