"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { characterStatus, type CharacterLimits, type CharacterStatus } from "./character-limit";

/** How long typing must pause before the count is announced. */
const PAUSE_MS = 1200;

/** The id of a field's counter, for the field's aria-describedby (see `describedBy`). */
export const countId = (fieldId: string) => `${fieldId}-count`;

/** The current value of a textarea or input, read from the DOM: the field stays an ordinary uncontrolled one. */
function useFieldValue(fieldId: string): string | null {
  const subscribe = useCallback(
    (notify: () => void) => {
      const field = document.getElementById(fieldId);
      const form = field?.closest("form");
      // A form reset (React resets a form after its action) changes the value after the event, without "input".
      let timer: ReturnType<typeof setTimeout> | undefined;
      const afterReset = () => {
        timer = setTimeout(notify, 0);
      };
      field?.addEventListener("input", notify);
      form?.addEventListener("reset", afterReset);
      return () => {
        clearTimeout(timer);
        field?.removeEventListener("input", notify);
        form?.removeEventListener("reset", afterReset);
      };
    },
    [fieldId],
  );
  const read = () => {
    const field = document.getElementById(fieldId);
    return field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : null;
  };
  // On the server (and without JavaScript) there is no count: the field's hint states the limits instead.
  return useSyncExternalStore(subscribe, read, () => null);
}

/**
 * Characters left (or missing, or too many) under a text field, where JavaScript runs. The visible count is tied
 * to the field by aria-describedby (`countId`), so it is read with the field but never interrupts. A separate
 * polite live region speaks only once typing pauses, only when it matters (near the limit, over it, or still
 * short of the minimum) and never the same sentence twice in a row: no announcement on every keystroke.
 */
export function CharacterCount({ fieldId, ...limits }: CharacterLimits & { fieldId: string }) {
  const t = useTranslations("form");
  const value = useFieldValue(fieldId);
  const status = value === null ? null : characterStatus(value, limits);
  const text = (s: CharacterStatus) =>
    s.kind === "over"
      ? t("counterOver", { count: s.count })
      : s.kind === "short"
        ? t("counterShort", { count: s.count })
        : t("counterLeft", { count: s.count });
  const visible = status ? text(status) : "";
  const worthSaying = status && status.kind !== "left" ? visible : "";

  const [spoken, setSpoken] = useState("");
  const first = useRef<string | null>(null);
  useEffect(() => {
    if (value === null) return;
    // Nothing to say about the text the page arrived with; only about what the person types.
    if (first.current === null) first.current = value;
    if (value === first.current) return;
    const timer = setTimeout(() => setSpoken(worthSaying), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [value, worthSaying]);

  return (
    <>
      <p
        id={countId(fieldId)}
        className={`mt-1 min-h-5 text-sm ${status?.kind === "over" ? "font-medium text-red-800" : "text-slate-700"}`}
        data-testid={countId(fieldId)}
      >
        {visible}
      </p>
      <p className="sr-only" aria-live="polite" data-testid={`${countId(fieldId)}-live`}>
        {spoken}
      </p>
    </>
  );
}
