"use client";

import { useLocale, useTranslations } from "next-intl";
import type { FormState } from "@/lib/actions/form-state";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The message for a field's error key in a form's state. Rate-limit refusals carry `retryAt`, which fills
 * their "{time}"; other messages ignore it.
 */
export function useErrorText(state: FormState): (field: string) => string | undefined {
  const te = useTranslations("errors");
  const locale = useLocale() as Locale;
  return (field) => {
    const key = state.errors[field];
    if (!key) return undefined;
    return state.retryAt ? te(key, { time: formatDateTime(new Date(state.retryAt), locale) }) : te(key);
  };
}
