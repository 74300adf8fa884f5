"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentProps, type InputEvent } from "react";
import { useFormStatus } from "react-dom";
import { draftKey as keyFor, readDraft, removeDraft, writeDraft } from "./drafts";

type Props = ComponentProps<"textarea"> & {
  id: string;
  defaultValue: string;
  /** Tells apart drafts of fields that share a page, name and id (rarely needed: the id already differs per form). */
  draftKey?: string;
};

/**
 * A textarea that never loses what was typed.
 *
 * Before hydration: React keeps an input's typed value when it hydrates, but sets a prefilled textarea back to its
 * default (react-dom's initTextarea), so on a slow phone an edit typed early was lost or, worse, the unchanged text
 * was sent. On the hydrating render the element is already in the document: its value becomes the default React
 * hydrates with. Later renders use the `defaultValue` given (a refused form's refill).
 *
 * Across sessions: while typing, the text is kept in this browser (./drafts.ts) under the page, field and draft
 * key. When the same untouched form is shown again (after signing in again, a reload, a closed tab), the text comes
 * back with a note and a way to discard it. The draft is dropped once the form is sent and the page moves on to a
 * confirmation (`?done=`, the app's convention for every action that leaves the form), or the form comes back empty.
 */
export function KeptTextarea({ id, defaultValue, draftKey, onInput, ...rest }: Props) {
  const [mounted] = useState(() => ({ defaultValue, typed: valueInDocument(id) }));
  const value = defaultValue === mounted.defaultValue && mounted.typed !== null ? mounted.typed : defaultValue;
  const ref = useRef<HTMLTextAreaElement>(null);
  const key = useRef<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const { pending } = useFormStatus();
  const wasPending = useRef(false);
  const t = useTranslations("form");
  const format = useFormatter();
  const field = rest.name ?? "";

  useEffect(() => {
    const el = ref.current;
    const k = keyFor(window.location.pathname, `${field}@${id}`, draftKey);
    key.current = k;
    const draft = readDraft(k);
    if (!el || !draft) return;
    // Typed before the script arrived: that text is newer, and typing will replace the draft.
    if (el.value !== mounted.defaultValue) return;
    // Left mid-send (most likely it arrived), typed into a form that now shows something else, or nothing to add.
    if (draft.sent || draft.base !== mounted.defaultValue || draft.text === el.value) return removeDraft(k);
    el.value = draft.text;
    // The character count and anything else listening learns of the new text as if it had been typed.
    el.dispatchEvent(new Event("input", { bubbles: true }));
    setRestoredAt(draft.savedAt);
  }, [field, id, draftKey, mounted.defaultValue]);

  useEffect(() => {
    const k = key.current;
    if (!k) return;
    if (pending && !wasPending.current) {
      const draft = readDraft(k);
      if (draft) writeDraft(k, { ...draft, sent: true });
    } else if (!pending && wasPending.current) {
      // The answer came back into this form: a refusal keeps the text (so does the draft); a success in place
      // that empties the form ends it. React resets the form after its action, so look once that is done.
      setTimeout(() => settle(k, ref.current), 0);
    }
    wasPending.current = pending;
  }, [pending]);

  // Unmounted while sending: the action led to another page. Look where, once the router has updated the address.
  useEffect(
    () => () => {
      const k = key.current;
      if (k && wasPending.current) setTimeout(() => leftAfterSending(k), 0);
    },
    [],
  );

  function keep(e: InputEvent<HTMLTextAreaElement>) {
    onInput?.(e);
    const k = key.current;
    if (!k) return;
    const text = e.currentTarget.value;
    if (text === mounted.defaultValue) removeDraft(k);
    else writeDraft(k, { text, base: mounted.defaultValue, savedAt: Date.now() });
  }

  function discard() {
    const el = ref.current;
    const k = key.current;
    if (k) removeDraft(k);
    setRestoredAt(null);
    if (!el) return;
    el.value = mounted.defaultValue;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.focus();
  }

  return (
    <>
      <textarea ref={ref} id={id} defaultValue={value} onInput={keep} {...rest} />
      {/* Always present, so that the note put into it is announced (a region added with its text may not be). */}
      <div role="status" data-testid={`${id}-draft`}>
        {restoredAt !== null ? (
          <p className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-slate-800">
            {t("draftRestored", { time: format.dateTime(new Date(restoredAt), { dateStyle: "medium", timeStyle: "short" }) })}
            <button type="button" onClick={discard} className="min-h-11 cursor-pointer text-blue-900 underline">
              {t("draftDiscard")}
            </button>
          </p>
        ) : null}
      </div>
    </>
  );
}

function settle(k: string, el: HTMLTextAreaElement | null) {
  // Gone by now: the answer led to another page after all.
  if (!el?.isConnected) return leftAfterSending(k);
  const draft = readDraft(k);
  if (!draft) return;
  if (el.value.trim() === "") removeDraft(k);
  else writeDraft(k, { ...draft, sent: false });
}

function leftAfterSending(k: string) {
  const confirmed = new URLSearchParams(window.location.search).has("done");
  if (confirmed) return removeDraft(k);
  // Sent somewhere without a confirmation (an error page, a sign-in page): keep the text for the next visit.
  const draft = readDraft(k);
  if (draft) writeDraft(k, { ...draft, sent: false });
}

function valueInDocument(id: string): string | null {
  if (typeof document === "undefined") return null;
  const el = document.getElementById(id);
  return el instanceof HTMLTextAreaElement ? el.value : null;
}
