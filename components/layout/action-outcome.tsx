"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";

/**
 * What the last action did, after it redirected here: `?done=` (a confirmation) or `?failed=` (a refusal). One
 * live region on every page, so a confirmation is announced with and without JavaScript; unknown keys show
 * nothing, so a crafted link can only show one of our own sentences.
 */
export function ActionOutcome() {
  const search = useSearchParams();
  const td = useTranslations("done");
  const te = useTranslations("errors");
  const done = search.get("done");
  const failed = search.get("failed");
  const doneKey = done && /^[a-zA-Z]{1,60}$/.test(done) && td.has(done) ? done : null;
  const failedKey = failed && /^[a-zA-Z]{1,60}$/.test(failed) && te.has(failed) ? failed : null;
  return (
    <>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="action-done">
        {doneKey ? (
          <p className="mb-6 rounded border-2 border-green-700 bg-green-50 p-4 text-green-900">
            <span className="sr-only">{td("statusHeading")}: </span>
            {td(doneKey)}
          </p>
        ) : null}
      </div>
      <div role="alert" aria-atomic="true" data-testid="action-failed">
        {failedKey ? (
          <p className="mb-6 rounded border-2 border-red-700 bg-red-50 p-4 text-red-900">
            <span className="font-bold">{td("failedHeading")}: </span>
            {te(failedKey, { time: "" })}
          </p>
        ) : null}
      </div>
    </>
  );
}
