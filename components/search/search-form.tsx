import { SEARCH_QUERY_MAX } from "@/lib/limits";

interface Props {
  /** The form's target: the search page in the current language. */
  action: string;
  label: string;
  /** The search landmark's name; distinct for the header's and the page's forms. */
  landmark: string;
  submit: string;
  defaultValue?: string;
  /** Distinguishes the header's box from the search page's own. */
  id: string;
  hint?: { id: string; text: string };
  error?: { id: string; text: string };
  size?: "compact" | "large";
}

/**
 * A plain GET form: the results are a page like any other, found again by its address, with or without
 * JavaScript. The same form in the header of every page and at the top of the results.
 */
export function SearchForm({ action, label, landmark, submit, defaultValue, id, hint, error, size = "large" }: Props) {
  const describedBy = [error?.id, hint?.id].filter(Boolean).join(" ") || undefined;
  const compact = size === "compact";
  return (
    <form action={action} method="get" role="search" aria-label={landmark} className={compact ? "flex items-center gap-2" : "max-w-2xl"}>
      <label htmlFor={id} className={compact ? "font-medium text-slate-800" : "block font-semibold"}>
        {label}
      </label>
      {hint ? (
        <p id={hint.id} className="text-sm text-slate-700">
          {hint.text}
        </p>
      ) : null}
      {error ? (
        <p id={error.id} className="mt-1 font-medium text-red-800" data-testid="search-error">
          {error.text}
        </p>
      ) : null}
      <div className={compact ? "flex items-center gap-2" : "mt-1 flex flex-wrap items-center gap-2"}>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={defaultValue}
          maxLength={SEARCH_QUERY_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`rounded border-2 border-slate-600 bg-white px-2 text-base text-slate-900 ${compact ? "min-h-11 w-40 sm:w-52" : "min-h-11 w-full max-w-md"}`}
        />
        <button
          type="submit"
          className="inline-flex min-h-11 cursor-pointer items-center rounded bg-blue-800 px-4 font-semibold text-white hover:bg-blue-900"
        >
          {submit}
        </button>
      </div>
    </form>
  );
}
