import { FocusOnMount } from "./focus-on-mount";
import { SubmitButton } from "./submit-button";

interface Props {
  /** The section's id: the trigger link points at it (`?withdraw=12#withdraw-12`). */
  id: string;
  heading: string;
  explanation: string;
  /** The one-button server action that does the thing, once confirmed. */
  action: (formData: FormData) => Promise<void>;
  /** Hidden fields the action reads. */
  fields: Record<string, string>;
  confirmLabel: string;
  pendingLabel: string;
  cancelHref: string;
  cancelLabel: string;
  testId?: string;
}

/**
 * The second step of something that cannot be undone, shown in place when the page is opened with the step's
 * query parameter: the question, what will happen, a Confirm button (a plain form, so it works without
 * JavaScript) and a Cancel link back to the same page. Confirm and Cancel carry their own distinct words.
 */
export function ConfirmStep(p: Props) {
  const headingId = `${p.id}-heading`;
  return (
    <section
      id={p.id}
      aria-labelledby={headingId}
      className="mt-3 scroll-mt-4 rounded border-2 border-amber-700 bg-amber-50 p-4"
      data-testid={p.testId}
    >
      <h3
        id={headingId}
        tabIndex={-1}
        className="font-semibold text-slate-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
      >
        {p.heading}
      </h3>
      <p className="mt-1 max-w-prose">{p.explanation}</p>
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <form action={p.action}>
          {Object.entries(p.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <SubmitButton label={p.confirmLabel} pendingLabel={p.pendingLabel} tone="danger" />
        </form>
        <a href={p.cancelHref} className="inline-flex min-h-11 items-center text-blue-900 underline underline-offset-2">
          {p.cancelLabel}
        </a>
      </div>
      <FocusOnMount targetId={headingId} />
    </section>
  );
}
