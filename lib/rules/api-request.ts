import { createHash } from "node:crypto";
import type { z } from "zod";

/** A strong entity tag for a response body: a hash of its bytes, so equal bodies always get equal tags. */
export function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether an If-None-Match header matches the tag (RFC 9110, 13.1.2): a list of tags, weak ones compared by their
 * opaque part as GET allows, or "*".
 */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .includes(tag);
}

export type ParamSchemas = Record<string, z.ZodType>;
export type ParsedParams<P extends ParamSchemas> = { [K in keyof P]?: z.output<P[K]> };
export type ParamResult<P extends ParamSchemas> = { ok: true; params: ParsedParams<P> } | { ok: false; parameter: string; message: string };

/**
 * The query string checked against the parameters an endpoint documents. An unknown parameter, a repeated one or
 * an invalid value is refused by name rather than ignored, so a typo (`?limt=5`) never silently returns the
 * default.
 */
export function parseQuery<P extends ParamSchemas>(search: URLSearchParams, schemas: P): ParamResult<P> {
  const params: Record<string, unknown> = {};
  for (const name of new Set(search.keys())) {
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    if (!schema) return { ok: false, parameter: name, message: `unknown parameter "${name}"` };
    const values = search.getAll(name);
    if (values.length > 1) return { ok: false, parameter: name, message: `"${name}" may be given once` };
    const parsed = schema.safeParse(values[0]);
    if (!parsed.success) return { ok: false, parameter: name, message: `"${name}" ${parsed.error.issues[0]?.message ?? "is invalid"}` };
    params[name] = parsed.data;
  }
  return { ok: true, params: params as ParsedParams<P> };
}

/** Whole seconds until `retryAt`, at least one: what Retry-After says. */
export function retryAfterSeconds(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}
