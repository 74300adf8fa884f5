import type { ReactNode } from "react";

/** ids that tie an input to its error, hint and character count (CharacterCount), for aria-describedby. */
export function describedBy(name: string, opts: { hint?: boolean; error?: boolean; count?: boolean }): string | undefined {
  const ids = [opts.error ? `${name}-error` : null, opts.hint ? `${name}-hint` : null, opts.count ? `${name}-count` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export const inputClass =
  "mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700";

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  optionalLabel?: string;
  children: ReactNode;
}

/** Label, hint, error and control in the order a screen reader should meet them. */
export function Field({ name, label, hint, error, optionalLabel, children }: FieldProps) {
  return (
    <div className="mb-6">
      <label htmlFor={name} className="block font-semibold">
        {label}
        {optionalLabel ? <span className="font-normal text-slate-700"> ({optionalLabel})</span> : null}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
      {children}
    </div>
  );
}

export function FieldError({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${name}-error`} className="mt-1 font-medium text-red-800" data-testid={`${name}-error`}>
      {error}
    </p>
  );
}

export function ErrorSummary({ title, errors }: { title: string; errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4" data-testid="error-summary">
      <h2 className="font-bold text-red-900">{title}</h2>
      <ul className="mt-2 list-disc pl-6">
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`} className="text-red-900 underline">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ tone, children, testId }: { tone: "success" | "info"; children: ReactNode; testId?: string }) {
  const colours = tone === "success" ? "border-green-700 bg-green-50 text-green-900" : "border-blue-700 bg-blue-50 text-blue-950";
  return (
    <div role="status" className={`mb-6 rounded border-2 p-4 ${colours}`} data-testid={testId}>
      {children}
    </div>
  );
}
