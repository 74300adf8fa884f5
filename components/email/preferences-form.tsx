"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveNotificationPreferences } from "@/lib/actions/email";
import { initialFormState } from "@/lib/actions/form-state";

export type PreferenceValues = { decision: boolean; reply: boolean; citation: boolean; consultation: boolean; cosign: boolean };
// Every kind for everyone: an unticked box is not sent, so a box left out would switch its kind off on saving.
const KINDS = ["reply", "decision", "citation", "consultation", "cosign"] as const;

export function PreferencesForm({ current }: { current: PreferenceValues }) {
  const t = useTranslations("notificationSettings");
  const [, action] = useActionState(saveNotificationPreferences, initialFormState);
  return (
    <form action={action} className="mt-4 max-w-xl" data-testid="preferences-form">
      <fieldset className="mb-6">
        <legend className="mb-2 font-semibold">{t("legend")}</legend>
        {KINDS.map((kind) => (
          <div key={kind} className="flex min-h-11 items-center gap-3">
            <input id={`pref-${kind}`} name={kind} type="checkbox" defaultChecked={current[kind]} className="h-5 w-5" />
            <label htmlFor={`pref-${kind}`}>{t(kind)}</label>
          </div>
        ))}
      </fieldset>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
    </form>
  );
}
