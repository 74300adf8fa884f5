import { LOCALES } from "@/lib/limits";

/**
 * Drafts of long texts (comments, summaries, reports) kept in this browser while they are typed, so that a session
 * that times out, a reload or a closed tab never loses them. Only ever in the browser that typed them: cleared on
 * sign-out and when another person signs in here, and never kept longer than DRAFT_MAX_AGE_MS.
 */
const PREFIX = "samvad.draft:";
const OWNER_KEY = "samvad.drafts-owner";
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface Draft {
  text: string;
  /** What the field showed when typing began: a draft is restored only into the same untouched form. */
  base: string;
  savedAt: number;
  /** Set while the form is being sent; still set on a later visit means the page was left mid-send. */
  sent?: boolean;
}

/** Storage may be switched off or full (private windows); drafts are then simply not kept. */
function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join("|")})(?=/|$)`);

/** Both languages of a page share a draft, so switching language keeps what was typed. */
export function draftKey(pathname: string, field: string, extra?: string): string {
  const path = pathname.replace(LOCALE_PREFIX, "") || "/";
  return `${PREFIX}${path}#${field}${extra ? `:${extra}` : ""}`;
}

function isDraft(v: unknown): v is Draft {
  if (typeof v !== "object" || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.text === "string" && typeof d.base === "string" && typeof d.savedAt === "number";
}

export function readDraft(key: string, now = Date.now()): Draft | null {
  const s = store();
  try {
    const parsed: unknown = JSON.parse(s?.getItem(key) ?? "null");
    if (isDraft(parsed) && now - parsed.savedAt < DRAFT_MAX_AGE_MS) return parsed;
  } catch {
    // A damaged entry is dropped below like an expired one.
  }
  s?.removeItem(key);
  return null;
}

export function writeDraft(key: string, draft: Draft): void {
  try {
    store()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full storage: the text is still in the field; only the safety copy is missing.
  }
}

export function removeDraft(key: string): void {
  store()?.removeItem(key);
}

function draftKeys(s: Storage): string[] {
  return Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => k?.startsWith(PREFIX) ?? false);
}

/** Removes every draft, e.g. on sign-out, so the next person at this computer finds none. */
export function forgetAllDrafts(): void {
  const s = store();
  if (!s) return;
  for (const k of draftKeys(s)) s.removeItem(k);
  s.removeItem(OWNER_KEY);
}

/**
 * Drafts belong to whoever was signed in when they were typed (an opaque tag, not the account id). When someone
 * else signs in here, e.g. after the previous person's session timed out without a sign-out, theirs are removed.
 * Expired drafts go too.
 */
export function claimDrafts(owner: string, now = Date.now()): void {
  const s = store();
  if (!s) return;
  if (s.getItem(OWNER_KEY) !== owner) forgetAllDrafts();
  for (const k of draftKeys(s)) readDraft(k, now);
  try {
    s.setItem(OWNER_KEY, owner);
  } catch {
    // Without the tag, the next claim clears the drafts: the safe side.
  }
}
