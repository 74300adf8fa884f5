"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { describedBy, ErrorSummary, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/actions/form-state";
import { submitMembershipReview, submitOrganisationVerification } from "@/lib/actions/organisations";
import { MEMBERSHIP_REASON_MAX } from "@/lib/limits";

export function MembershipReviewForm({ userId, organisationId, formId }: { userId: string; organisationId: string; formId: string }) {
  const t = useTranslations("organisations");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitMembershipReview, initialFormState);
  const err = state.errors.form ?? state.errors.reason;
  return (
    <form action={action} noValidate className="mt-2" data-testid="membership-review-form">
      <ErrorSummary title={te("formHasErrors")} errors={err ? [{ field: `${formId}-reason`, message: te(err) }] : []} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <fieldset>
        <legend className="sr-only">{t("submit")}</legend>
        {(["approve", "reject"] as const).map((d, i) => (
          <div key={d} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${formId}-${d}`}
              name="decision"
              value={d}
              defaultChecked={(state.values.decision ?? (i === 0 ? "approve" : "")) === d}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${formId}-${d}`} className="min-h-11 content-center">
              {t(d)}
            </label>
          </div>
        ))}
      </fieldset>
      <label htmlFor={`${formId}-reason`} className="block font-semibold">
        {t("reason")}
      </label>
      <textarea
        id={`${formId}-reason`}
        name="reason"
        rows={2}
        maxLength={MEMBERSHIP_REASON_MAX}
        defaultValue={state.values.reason ?? ""}
        aria-describedby={describedBy(`${formId}-reason`, { error: !!err })}
        className={`${inputClass} mb-2`}
      />
      <SubmitButton label={t("submit")} pendingLabel="…" />
    </form>
  );
}

export function OrganisationVerificationForm({
  organisationId,
  name,
  domain,
  formId,
}: {
  organisationId: string;
  name: string;
  domain: string | null;
  formId: string;
}) {
  const t = useTranslations("organisations");
  const te = useTranslations("errors");
  const [state, action] = useActionState(submitOrganisationVerification, initialFormState);
  const err = state.errors.domain ?? state.errors.form;
  return (
    <form action={action} noValidate className="mt-2" data-testid="organisation-verification-form">
      <ErrorSummary title={te("formHasErrors")} errors={err ? [{ field: `${formId}-domain`, message: te(err) }] : []} />
      <input type="hidden" name="organisationId" value={organisationId} />
      <label htmlFor={`${formId}-domain`} className="block font-semibold">
        {t("domain")}
      </label>
      <p id={`${formId}-domain-hint`} className="text-sm text-slate-700">
        {t("domainHint")}
      </p>
      <input
        id={`${formId}-domain`}
        name="domain"
        type="text"
        defaultValue={state.values.domain ?? domain ?? ""}
        aria-invalid={err ? true : undefined}
        aria-describedby={describedBy(`${formId}-domain`, { hint: true, error: !!err })}
        className={`${inputClass} mb-2`}
      />
      <SubmitButton label={t("verify", { name })} pendingLabel="…" />
    </form>
  );
}
