/** What every form action returns: the outcome, the per-field error keys, and what the user typed (never a password). */
export interface FormState {
  status: "idle" | "ok" | "error";
  /** Field name (or "form" for the whole form) → catalogue key under "errors". */
  errors: Record<string, string>;
  values: Record<string, string>;
  /** On success without leaving the page: what was done, as a catalogue key under "done". */
  message?: string;
  /** ISO time after which a throttled request may be retried. */
  retryAt?: string;
}

export const initialFormState: FormState = { status: "idle", errors: {}, values: {} };
