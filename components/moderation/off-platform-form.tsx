"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CharacterCount } from "@/components/ui/character-count";
import { describedBy, ErrorSummary, FieldError, inputClass } from "@/components/ui/field";
import { KeptTextarea } from "@/components/ui/kept-textarea";
import { SubmitButton } from "@/components/ui/submit-button";
import { useErrorText } from "@/components/ui/use-error-text";
import { initialFormState } from "@/lib/actions/form-state";
import { submitOffPlatform } from "@/lib/actions/off-platform";
import {
  COMMENT_BODY_MAX,
  COMMENT_BODY_MIN,
  LOCALES,
  OFF_PLATFORM_CHANNELS,
  STAKEHOLDER_GROUPS,
  STANCES,
  SUBMITTER_NAME_MAX,
} from "@/lib/limits";

interface Props {
  consultationSlug: string;
  sections: { id: string; label: string; lang: string }[];
  formToken: string;
  /** The first and last day a submission may have been received on (YYYY-MM-DD), for the date picker. */
  firstDay: string;
  lastDay: string;
  /** The same two days as people read them, for the hint. */
  firstDayText: string;
  lastDayText: string;
}

const FIELDS = ["principleId", "submitterName", "stakeholderGroup", "channel", "receivedOn", "language", "stance", "body"] as const;
const id = (name: string) => `op-${name}`;

/** One group of radio buttons with its legend and error, for the closed sets (group, channel, language, stance). */
function Choice(p: { name: string; legend: string; options: readonly { value: string; label: string }[]; value?: string; error?: string }) {
  return (
    <fieldset className="mb-6" id={id(p.name)} aria-describedby={p.error ? `${id(p.name)}-error` : undefined}>
      <legend className="font-semibold">{p.legend}</legend>
      <FieldError name={id(p.name)} error={p.error} />
      <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {p.options.map((o) => (
          <div key={o.value} className="flex items-center gap-2">
            <input
              type="radio"
              id={`${id(p.name)}-${o.value}`}
              name={p.name}
              value={o.value}
              defaultChecked={p.value === o.value}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${id(p.name)}-${o.value}`} className="min-h-11 content-center">
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The moderator's form for a submission received by post, email or at a meeting; works without JavaScript. */
export function OffPlatformForm(p: Props) {
  const t = useTranslations("offPlatform");
  const te = useTranslations("errors");
  const tg = useTranslations("groups");
  const ts = useTranslations("stances");
  const tl = useTranslations("languages");
  const [state, action] = useActionState(submitOffPlatform, initialFormState);
  const v = state.values;
  const err = useErrorText(state);
  const formMessage = err("form") ?? err("formToken") ?? err("consultationSlug");
  const summary = [
    ...(formMessage ? [{ field: id("principleId"), message: formMessage }] : []),
    ...FIELDS.filter((f) => state.errors[f]).map((f) => ({ field: id(f), message: err(f) ?? "" })),
  ];
  return (
    <form action={action} noValidate className="max-w-2xl" data-testid="off-platform-form">
      <ErrorSummary title={te("formHasErrors")} errors={summary} />
      <input type="hidden" name="consultationSlug" value={p.consultationSlug} />
      <input type="hidden" name="formToken" value={v.formToken ?? p.formToken} />

      <div className="mb-6">
        <label htmlFor={id("principleId")} className="block font-semibold">
          {t("section")}
        </label>
        <FieldError name={id("principleId")} error={err("principleId")} />
        <select
          id={id("principleId")}
          name="principleId"
          defaultValue={v.principleId ?? ""}
          aria-invalid={err("principleId") ? true : undefined}
          aria-describedby={describedBy(id("principleId"), { error: !!err("principleId") })}
          className={inputClass}
        >
          <option value="">{t("sectionPick")}</option>
          {p.sections.map((s) => (
            <option key={s.id} value={s.id} lang={s.lang}>
              {s.label}
            </option>
          ))}
        </select>
      </div>

      <div className="mb-6">
        <label htmlFor={id("submitterName")} className="block font-semibold">
          {t("submitterName")}
        </label>
        <p id={`${id("submitterName")}-hint`} className="text-sm text-slate-700">
          {t("submitterNameHint")}
        </p>
        <FieldError name={id("submitterName")} error={err("submitterName")} />
        <input
          id={id("submitterName")}
          name="submitterName"
          type="text"
          maxLength={SUBMITTER_NAME_MAX}
          defaultValue={v.submitterName ?? ""}
          aria-invalid={err("submitterName") ? true : undefined}
          aria-describedby={describedBy(id("submitterName"), { hint: true, error: !!err("submitterName") })}
          className={inputClass}
        />
      </div>

      <Choice
        name="stakeholderGroup"
        legend={t("group")}
        options={STAKEHOLDER_GROUPS.map((g) => ({ value: g, label: tg(g) }))}
        value={v.stakeholderGroup}
        error={err("stakeholderGroup")}
      />
      <Choice
        name="channel"
        legend={t("channel")}
        options={OFF_PLATFORM_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        value={v.channel}
        error={err("channel")}
      />

      <div className="mb-6">
        <label htmlFor={id("receivedOn")} className="block font-semibold">
          {t("receivedOn")}
        </label>
        <p id={`${id("receivedOn")}-hint`} className="text-sm text-slate-700">
          {t("receivedOnHint", { first: p.firstDayText, last: p.lastDayText })}
        </p>
        <FieldError name={id("receivedOn")} error={err("receivedOn")} />
        <input
          id={id("receivedOn")}
          name="receivedOn"
          type="date"
          min={p.firstDay}
          max={p.lastDay}
          defaultValue={v.receivedOn ?? ""}
          aria-invalid={err("receivedOn") ? true : undefined}
          aria-describedby={describedBy(id("receivedOn"), { hint: true, error: !!err("receivedOn") })}
          className={`${inputClass} max-w-xs`}
        />
      </div>

      <Choice
        name="language"
        legend={t("language")}
        options={LOCALES.map((l) => ({ value: l, label: tl(l) }))}
        value={v.language}
        error={err("language")}
      />
      <Choice
        name="stance"
        legend={t("stance")}
        options={STANCES.map((s) => ({ value: s, label: ts(s) }))}
        value={v.stance}
        error={err("stance")}
      />

      <div className="mb-6">
        <label htmlFor={id("body")} className="block font-semibold">
          {t("body")}
        </label>
        <p id={`${id("body")}-hint`} className="text-sm text-slate-700">
          {t("bodyHint")}
        </p>
        <FieldError name={id("body")} error={err("body")} />
        <KeptTextarea
          id={id("body")}
          name="body"
          rows={10}
          minLength={COMMENT_BODY_MIN}
          maxLength={COMMENT_BODY_MAX}
          defaultValue={v.body ?? ""}
          aria-invalid={err("body") ? true : undefined}
          aria-describedby={describedBy(id("body"), { hint: true, error: !!err("body"), count: true })}
          className={inputClass}
        />
        <CharacterCount fieldId={id("body")} min={COMMENT_BODY_MIN} max={COMMENT_BODY_MAX} trim />
      </div>
      <p className="mb-4 text-sm text-slate-700">{t("publicNote")}</p>
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
