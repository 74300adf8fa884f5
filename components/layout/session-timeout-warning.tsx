"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useLayoutEffect, useRef, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { claimDrafts, forgetAllDrafts } from "@/components/ui/drafts";
import { extendSession, type SessionExtension } from "@/lib/actions/session";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { SESSION_ABSOLUTE_LIFETIME_S, SESSION_WARN_BEFORE_S, type SessionEnd } from "@/lib/rules/session-policy";

type Phase = "quiet" | "warning" | "ended";
const WARN_MS = SESSION_WARN_BEFORE_S * 1000;
const start: FormState & SessionExtension = { ...initialFormState, endsAt: null, final: false };

/** What the server says now, without counting as activity: null when signed out, undefined when it cannot say. */
async function askServer(): Promise<SessionEnd | null | undefined> {
  try {
    const res = await fetch("/api/me/session", { cache: "no-store" });
    if (res.status === 401) return null;
    const body: unknown = res.ok ? await res.json() : null;
    const end = body as Partial<SessionEnd> | null;
    return typeof end?.endsAt === "number" && typeof end.final === "boolean" ? { endsAt: end.endsAt, final: end.final } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Warns SESSION_WARN_BEFORE_S before the session ends, in a modal alert dialog (focus moves into it and returns
 * after), saying when; "Stay signed in" extends it with one press. A session at its absolute lifetime cannot be
 * extended: the warning says to save work and sign in again. Once ended it says so and links to sign in and back.
 * Before speaking it asks the server, since other tabs and this page's own requests move the end.
 */
export function SessionTimeoutWarning({ endsAt, final, owner }: SessionEnd & { owner: string }) {
  const t = useTranslations("session");
  const format = useFormatter();
  const locale = useLocale();
  // A later end learnt from the server; a re-rendered layout may bring a later one still.
  const [known, setKnown] = useState<SessionEnd>({ endsAt, final });
  const end = known.endsAt >= endsAt ? known : { endsAt, final };
  const [phase, setPhase] = useState<Phase>("quiet");
  const [open, setOpen] = useState(false);
  const [confirmed, setConfirmed] = useState<number | null>(null);
  const [refused, setRefused] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const [returnTo, setReturnTo] = useState("/");
  const dialog = useRef<HTMLDialogElement>(null);
  const before = useRef<Element | null>(null);
  const warnedFor = useRef<number | null>(null);

  const [, action] = useActionState(async (prev: FormState & SessionExtension, data: FormData) => {
    let next: FormState & SessionExtension;
    try {
      next = await extendSession(prev, data);
    } catch {
      // Offline or the server unreachable: say so in the dialog rather than replacing the page with an error.
      setUnreachable(true);
      return prev;
    }
    setUnreachable(false);
    if (next.endsAt === null) show("ended");
    else if (next.status === "ok") {
      setKnown({ endsAt: next.endsAt, final: next.final });
      setPhase("quiet");
      setOpen(false);
      setConfirmed(next.endsAt);
    } else {
      setKnown({ endsAt: next.endsAt, final: true });
      setRefused(true);
    }
    return next;
  }, start);

  function show(next: Phase) {
    setPhase(next);
    setOpen(true);
    if (next === "ended") setReturnTo(window.location.pathname + window.location.search);
  }

  // Before any text box restores a draft (their effects run after layout effects): drafts of whoever was signed
  // in here before are removed.
  useLayoutEffect(() => claimDrafts(owner), [owner]);

  // Signing out (header or profile) clears every draft, so the next person at this computer finds none.
  useEffect(() => {
    const onSubmit = (e: SubmitEvent) => {
      if (e.target instanceof HTMLFormElement && e.target.matches("[data-sign-out]")) forgetAllDrafts();
    };
    document.addEventListener("submit", onSubmit, true);
    return () => document.removeEventListener("submit", onSubmit, true);
  }, []);

  const ended = phase === "ended";
  useEffect(() => {
    if (ended) return;
    const endMs = end.endsAt * 1000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    const review = async () => {
      clearTimeout(timer);
      const warnAt = endMs - WARN_MS;
      if (Date.now() < warnAt) {
        timer = setTimeout(review, warnAt - Date.now());
        return;
      }
      const fresh = await askServer();
      if (cancelled) return;
      if (fresh === null) return show("ended");
      // Moved by activity elsewhere (another tab's "Stay signed in"): the warning goes, and this effect runs again
      // for the new end.
      if (fresh && fresh.endsAt > end.endsAt) {
        setKnown(fresh);
        setPhase("quiet");
        setOpen(false);
        return;
      }
      const left = endMs - Date.now();
      // Past the end by this clock: ended unless the server still honours it (its clock differs from ours).
      if (left <= 0 && !fresh) return show("ended");
      setPhase("warning");
      // Opened once per end: after "Close" it stays closed until the end itself.
      if (warnedFor.current !== end.endsAt) {
        warnedFor.current = end.endsAt;
        setOpen(true);
      }
      if (left > 0) timer = setTimeout(review, left);
    };
    // Timers sleep with the computer and in background tabs: look again when the page is seen.
    const onVisible = () => {
      if (document.visibilityState === "visible") void review();
    };
    void review();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [ended, end.endsAt]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      before.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);

  // The confirmation stays long enough to be read, then makes way.
  useEffect(() => {
    if (confirmed === null) return;
    const timer = setTimeout(() => setConfirmed(null), 15_000);
    return () => clearTimeout(timer);
  }, [confirmed]);

  const time = (s: number) => format.dateTime(new Date(s * 1000), { timeStyle: "short" });
  const final_ = end.final || refused;
  const title = ended ? t("endedTitle") : final_ ? t("finalTitle") : t("warningTitle");
  const button = "inline-flex min-h-11 cursor-pointer items-center rounded px-5 py-2 font-semibold";
  return (
    <>
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-labelledby="session-timeout-title"
        aria-describedby="session-timeout-text"
        data-testid="session-timeout"
        onClose={() => {
          setOpen(false);
          const back = before.current;
          if (back instanceof HTMLElement && back.isConnected) back.focus();
        }}
        className="m-auto max-w-lg rounded border-2 border-slate-800 bg-white p-6 text-slate-900 backdrop:bg-slate-900/60"
      >
        <h2 id="session-timeout-title" className="text-xl font-bold">
          {title}
        </h2>
        <p id="session-timeout-text" className="mt-3">
          {ended
            ? t("endedText")
            : final_
              ? t("finalText", { time: time(end.endsAt), hours: SESSION_ABSOLUTE_LIFETIME_S / 3600 })
              : t("warningText", { time: time(end.endsAt) })}
        </p>
        {!ended && unreachable ? (
          <p className="mt-3 font-semibold text-red-900" role="alert">
            {t("unreachable")}
          </p>
        ) : null}
        {!ended && refused ? (
          <p className="mt-3 font-semibold text-red-900" role="alert">
            {t("refusedFinal")}
          </p>
        ) : null}
        <div className="mt-5 flex flex-wrap gap-4">
          {phase === "warning" && !final_ ? (
            <form action={action}>
              <SubmitButton label={t("stay")} pendingLabel={t("staying")} />
            </form>
          ) : null}
          {ended ? (
            <a href={`/${locale}/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className={`${button} bg-blue-800 text-white`}>
              {t("signInAgain")}
            </a>
          ) : null}
          <button type="button" onClick={() => setOpen(false)} className={`${button} border-2 border-blue-800 text-blue-900`}>
            {t("close")}
          </button>
        </div>
      </dialog>
      <div role="status" className="fixed right-4 bottom-4 z-10 max-w-sm" data-testid="session-extended">
        {confirmed !== null ? (
          <p className="rounded border-2 border-green-700 bg-green-50 p-3 text-green-900">{t("extended", { time: time(confirmed) })}</p>
        ) : null}
      </div>
    </>
  );
}
