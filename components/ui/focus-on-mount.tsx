"use client";

import { useEffect } from "react";

/**
 * Moves focus to an element (given tabIndex={-1}) once the page shows it: a step that appears in place, such as a
 * confirmation, is where keyboard and screen-reader users land. Without JavaScript the link's #fragment does the
 * same job, less firmly (the browser starts the Tab order there).
 */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}
