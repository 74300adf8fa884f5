import { FieldError } from "@/components/ui/field";

interface Props {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string; lang?: string }[];
  value: string | undefined;
}

/** A radio group in a fieldset: the legend names the question, each option has its own label. */
export function ChoiceGroup({ name, legend, hint, error, options, value }: Props) {
  const described = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="mb-6" aria-describedby={described || undefined} id={name}>
      <legend className="font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${name}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <FieldError name={name} error={error} />
      <div className="mt-2 space-y-1">
        {options.map((o) => (
          <div key={o.value} className="flex items-center gap-3">
            <input
              type="radio"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={value === o.value}
              aria-invalid={error ? true : undefined}
              className="h-6 w-6 accent-blue-800"
            />
            <label htmlFor={`${name}-${o.value}`} lang={o.lang} className="min-h-11 content-center">
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
