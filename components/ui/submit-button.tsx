"use client";

import { useFormStatus } from "react-dom";

const base = "inline-flex min-h-11 cursor-pointer items-center rounded px-5 py-2 font-semibold text-white disabled:cursor-wait";
const tones = {
  primary: "bg-blue-800 hover:bg-blue-900 disabled:bg-slate-600",
  /** For a step that cannot be undone (withdrawing). */
  danger: "bg-red-800 hover:bg-red-900 disabled:bg-slate-600",
};

/** Disabled while its form is submitting, so a double click sends one request (with JavaScript). */
export function SubmitButton({
  label,
  pendingLabel,
  tone = "primary",
}: {
  label: string;
  pendingLabel: string;
  tone?: keyof typeof tones;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={`${base} ${tones[tone]}`}>
      {pending ? pendingLabel : label}
    </button>
  );
}
