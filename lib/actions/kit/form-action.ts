import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { isDatabaseUnavailable } from "@/db/queries/pg-errors";
import type { SessionUser } from "@/db/queries/users";
import { auditIfDenied } from "@/lib/auth/audit-events";
import { databaseReadiness } from "@/lib/http/readiness-memo";
import { getCurrentUser } from "@/lib/auth/session";
import { safeRedirectPath } from "@/lib/rules/safe-redirect";
import { fieldErrorKeys, readForm } from "@/lib/validation/form-data";
import type { FormState } from "../form-state";
import { withOutcome } from "./confirmation";

/** What an action's handler has to hand: the parsed input, what was typed, the database and who is acting. */
export interface ActionContext<I> {
  input: I;
  values: Record<string, string>;
  db: Db;
  actor: SessionUser | null;
  locale: string;
}

/** Where to go after success: a path in the current language ("/comments/12"), or a full path already checked. */
export type Destination = { path: string } | { returnTo: string; fallback: string };

/** `extra` is state some forms carry beyond errors and values (the summary editor's citation problems). */
export type ActionOutcome<X = unknown> =
  /** `done` is the confirmation's catalogue key, or null where the page landed on says it in its own words. */
  | { ok: true; done: string | null; goTo?: Destination; values?: Record<string, string>; extra?: X }
  | { ok: false; error: string; retryAt?: Date; extra?: X };

export type AuditTarget = { type: string; id: string } | null;

interface ActionSpec<S extends z.ZodObject, I, X = unknown> {
  /** The operation's name in the audit log when it is refused for who is asking. */
  name: string;
  schema: S;
  /** Which form fields to read; the schema's keys unless given (a refilled form needs more, e.g. slugs). */
  fields?: readonly string[];
  /** Never sent back to refill the form. */
  secret?: readonly string[];
  /** What a refusal is about, for the audit log. */
  target: (input: I) => AuditTarget;
  /** The field that shows a refusal, by its code or for every code (default: the whole form). */
  errorField?: string | Partial<Record<string, string>>;
  /** A refusal's code → the catalogue key that explains it, where the code alone is too general (rate limits). */
  errorKey?: Partial<Record<string, string>>;
  run: (ctx: ActionContext<I>) => Promise<ActionOutcome<X>>;
  /** Adjusts a form sent back with errors before it is shown again (e.g. a fresh token for an expired form). */
  refill?: (state: FormState) => FormState;
}

const SECRET_FIELDS = ["password", "currentPassword", "newPassword"];

/** The form-level error (catalogue "errors") when the database could not be reached: nothing was saved, the text is kept. */
export const SERVICE_UNAVAILABLE = "serviceUnavailable";

function keep(values: Record<string, string>, secret: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELDS.includes(k) && !secret.includes(k)));
}

async function destination(goTo: Destination): Promise<string> {
  if ("path" in goTo) return `/${await getLocale()}${goTo.path}`;
  return safeRedirectPath(goTo.returnTo, `/${await getLocale()}${goTo.fallback}`);
}

/** Reads, validates and runs; the shared part of form and button actions. */
async function perform<S extends z.ZodObject, X>(spec: ActionSpec<S, z.output<S>, X>, formData: FormData) {
  const raw = readForm(formData, spec.fields ?? Object.keys(spec.schema.shape));
  const values = keep(raw, spec.secret ?? []);
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) return { kind: "invalid", values, raw, errors: fieldErrorKeys(parsed.error.issues) } as const;
  const db = await getDb();
  const actor = await getCurrentUser();
  const outcome = await spec.run({ input: parsed.data, values, db, actor, locale: await getLocale() });
  if (!outcome.ok) await auditIfDenied(db, actor, spec.name, outcome, spec.target(parsed.data));
  return { kind: "ran", values, raw, outcome } as const;
}

function refusal(
  spec: { errorField?: string | Partial<Record<string, string>>; errorKey?: Partial<Record<string, string>> },
  error: string,
) {
  const field = typeof spec.errorField === "string" ? spec.errorField : spec.errorField?.[error];
  return { field: field ?? "form", key: spec.errorKey?.[error] ?? error };
}

/**
 * A form's server action, for `useActionState`: read the form, validate it with zod, load the actor, run the
 * handler, audit a refusal of who is asking, then confirm (redirect with `?done=`, or stay with a message) or
 * send back the errors with what was typed (never a password). Every action is declared through this.
 */
export function formAction<S extends z.ZodObject>(
  spec: ActionSpec<S, z.output<S>>,
): (prev: FormState, formData: FormData) => Promise<FormState>;
export function formAction<S extends z.ZodObject, X extends object>(
  spec: ActionSpec<S, z.output<S>, X>,
  initial: X,
): (prev: FormState & X, formData: FormData) => Promise<FormState & X>;
export function formAction<S extends z.ZodObject, X extends object>(spec: ActionSpec<S, z.output<S>, X>, initial?: X) {
  const refill = spec.refill ?? ((state: FormState) => state);
  return async (_prev: FormState & X, formData: FormData): Promise<FormState & X> => {
    const base = initial ?? ({} as X);
    let result: Awaited<ReturnType<typeof perform<S, X>>>;
    try {
      result = await perform(spec, formData);
    } catch (err) {
      // A database restart must not cost what was typed: the form comes back with it and says to try again soon.
      if (!isDatabaseUnavailable(err)) throw err;
      databaseReadiness().markDown();
      const values = keep(readForm(formData, spec.fields ?? Object.keys(spec.schema.shape)), spec.secret ?? []);
      return { ...base, ...refill({ status: "error", errors: { form: SERVICE_UNAVAILABLE }, values }) };
    }
    if (result.kind === "invalid") return { ...base, ...refill({ status: "error", errors: result.errors, values: result.values }) };
    const { outcome, values } = result;
    const extra = { ...base, ...outcome.extra };
    if (!outcome.ok) {
      const { field, key } = refusal(spec, outcome.error);
      const retry = outcome.retryAt ? { retryAt: outcome.retryAt.toISOString() } : {};
      return { ...extra, ...refill({ status: "error", errors: { [field]: key }, values, ...retry }) };
    }
    revalidatePath("/", "layout");
    // redirect() throws, so it stays outside every try/catch.
    if (outcome.goTo) redirect(withOutcome(await destination(outcome.goTo), outcome.done));
    return { ...extra, status: "ok", errors: {}, values: outcome.values ?? values, ...(outcome.done ? { message: outcome.done } : {}) };
  };
}

/**
 * A one-button form (withdraw, grant, switch on) that needs no client code: it always lands back on a page,
 * which says what was done or why it was refused (`?done=` / `?failed=`). Nothing fails silently.
 */
export function buttonAction<S extends z.ZodObject>(
  spec: ActionSpec<S, z.output<S>> & { back: (raw: Record<string, string>) => Destination },
) {
  return async (formData: FormData): Promise<void> => {
    const result = await perform(spec, formData).catch((err: unknown) => {
      if (!isDatabaseUnavailable(err)) throw err;
      databaseReadiness().markDown();
      return null;
    });
    if (!result) {
      const raw = readForm(formData, spec.fields ?? Object.keys(spec.schema.shape));
      redirect(withOutcome(await destination(spec.back(raw)), { failed: SERVICE_UNAVAILABLE }));
    }
    const back = await destination(spec.back(result.raw));
    if (result.kind === "invalid") redirect(withOutcome(back, { failed: "actionInvalid" }));
    const { outcome } = result;
    if (!outcome.ok) redirect(withOutcome(back, { failed: refusal(spec, outcome.error).key }));
    revalidatePath("/", "layout");
    redirect(withOutcome(outcome.goTo ? await destination(outcome.goTo) : back, outcome.done));
  };
}
