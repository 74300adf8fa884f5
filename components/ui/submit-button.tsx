"use client";

import { useFormStatus } from "react-dom";

/** Disabled while its form is submitting, so a double click sends one request (with JavaScript). */
export function SubmitButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="inline-flex min-h-11 cursor-pointer items-center rounded bg-blue-800 px-5 py-2 font-semibold text-white hover:bg-blue-900 disabled:cursor-wait disabled:bg-slate-600"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
