"use client";

import { useState, type ComponentProps } from "react";

/**
 * A textarea that keeps what was typed before the page's JavaScript arrived. React keeps an input's typed value
 * when it hydrates, but sets a prefilled textarea back to its default (react-dom's initTextarea), so on a slow
 * phone an edit typed early was lost or, worse, the unchanged text was sent. On the hydrating render the element
 * is already in the document: its value becomes the default React hydrates with. Later renders use the
 * `defaultValue` given (a refused form's refill).
 */
export function KeptTextarea({ id, defaultValue, ...rest }: ComponentProps<"textarea"> & { id: string; defaultValue: string }) {
  const [mounted] = useState(() => ({ defaultValue, typed: valueInDocument(id) }));
  const value = defaultValue === mounted.defaultValue && mounted.typed !== null ? mounted.typed : defaultValue;
  return <textarea id={id} defaultValue={value} {...rest} />;
}

function valueInDocument(id: string): string | null {
  if (typeof document === "undefined") return null;
  const el = document.getElementById(id);
  return el instanceof HTMLTextAreaElement ? el.value : null;
}
