import type { z } from "zod";
import type { Db } from "@/db/client";
import { takeRateToken } from "@/db/queries/rate-limits";
import { API_MAX_AGE_SECONDS, API_RATE_BURST, API_RATE_PER_MINUTE } from "@/lib/limits";
import {
  entityTag,
  matchesIfNoneMatch,
  parseQuery,
  retryAfterSeconds,
  type ParamSchemas,
  type ParsedParams,
} from "@/lib/rules/api-request";
import type { BucketPolicy } from "@/lib/rules/token-bucket";
import { errorSchema, type ApiErrorBody } from "@/lib/validation/open-data";

/**
 * The plumbing every open data endpoint and CSV download shares: a per-address rate limit kept in the database,
 * query parameters refused by name, the response parsed with its schema before it leaves (so it always matches the
 * OpenAPI document built from the same schemas), and an ETag with a short public cache lifetime.
 */

/** A burst of API_RATE_BURST requests, then API_RATE_PER_MINUTE a minute. */
export const API_RATE: BucketPolicy = { capacity: API_RATE_BURST, refillMs: 60_000 / API_RATE_PER_MINUTE };

/** One endpoint: its address, its parameters and its response, and how its data is read. */
export interface Endpoint<Path extends ParamSchemas, Query extends ParamSchemas, Response extends z.ZodType> {
  /** The OpenAPI path template, e.g. /api/v1/consultations/{slug}. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  pathParams: Path;
  query: Query;
  response: Response;
  /** The data, or null when what the path names does not exist (404). */
  load: (db: Db, path: { [K in keyof Path]: z.output<Path[K]> }, query: ParsedParams<Query>, url: URL) => Promise<z.input<Response> | null>;
}

/** An endpoint with its parameter types forgotten, so that endpoints of every shape fit in one list. */
export interface SomeEndpoint {
  path: string;
  operationId: string;
  summary: string;
  description: string;
  pathParams: ParamSchemas;
  query: ParamSchemas;
  response: z.ZodType;
  load: (db: Db, path: Record<string, unknown>, query: Record<string, unknown>, url: URL) => Promise<unknown>;
}

/** An endpoint checked against its own parameter and response types, then put in the list. */
export function defineEndpoint<Path extends ParamSchemas, Query extends ParamSchemas, Response extends z.ZodType>(
  e: Endpoint<Path, Query, Response>,
): SomeEndpoint {
  return e as unknown as SomeEndpoint;
}

export interface ApiContext {
  db: Db;
  /** The caller's address, or null when it cannot be trusted (no trusted proxy): all such callers share one bucket. */
  address: string | null;
  now: Date;
  rate?: BucketPolicy;
}

const JSON_TYPE = "application/json; charset=utf-8";
const COMMON = { "Access-Control-Allow-Origin": "*", "X-Content-Type-Options": "nosniff" };

export function apiError(status: number, body: ApiErrorBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(errorSchema.parse(body)), {
    status,
    headers: { ...COMMON, "Content-Type": JSON_TYPE, "Cache-Control": "no-store", ...headers },
  });
}

/** Thrown by an endpoint's load when a well-formed parameter names nothing (an unknown principle): a 400 naming it. */
export class InvalidParameter extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => apiError(404, { error: "not_found", message: `${what} does not exist` });

/** What a resource sends once its data is loaded: the body, its content type, and headers of its own. */
export interface Representation {
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

/**
 * Anything served through this plumbing: an API endpoint (JSON) or a CSV download of the same data. Both take
 * their parameters, errors, rate limit and ETag from serveResource, so the two cannot behave differently.
 */
export interface SomeResource {
  /** The rate-limit bucket's prefix: requests are counted per address under `<bucket>:<address>`. */
  bucket: string;
  pathParams: ParamSchemas;
  query: ParamSchemas;
  load: (db: Db, path: Record<string, unknown>, query: Record<string, unknown>, url: URL) => Promise<unknown>;
  render: (data: unknown, path: Record<string, unknown>) => Representation;
}

/** A resource checked against its own parameter and data types, with the types then forgotten (as defineEndpoint). */
export function defineResource<Path extends ParamSchemas, Query extends ParamSchemas, Data>(r: {
  bucket: string;
  pathParams: Path;
  query: Query;
  load: (db: Db, path: { [K in keyof Path]: z.output<Path[K]> }, query: ParsedParams<Query>, url: URL) => Promise<Data | null>;
  render: (data: Data, path: { [K in keyof Path]: z.output<Path[K]> }) => Representation;
}): SomeResource {
  return r as unknown as SomeResource;
}

/** The answer, and the data it was made from if it was loaded (for a caller that records what was served). */
export interface Served {
  response: Response;
  data?: unknown;
}

/** Answers one GET of a resource, from the rate limit to the ETag. */
export async function serveResource(
  resource: SomeResource,
  req: Request,
  rawPath: Record<string, string>,
  ctx: ApiContext,
): Promise<Served> {
  const bucket = `${resource.bucket}:${ctx.address ?? "unknown"}`;
  const rate = await ctx.db.transaction((tx) => takeRateToken(tx, bucket, ctx.rate ?? API_RATE, ctx.now));
  if (!rate.ok) {
    const seconds = retryAfterSeconds(rate.retryAt, ctx.now);
    return {
      response: apiError(
        429,
        { error: "rate_limited", message: `Too many requests; try again in ${seconds} s`, retryAfterSeconds: seconds },
        { "Retry-After": String(seconds) },
      ),
    };
  }
  const url = new URL(req.url);
  const path: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(resource.pathParams)) {
    const parsed = schema.safeParse(rawPath[name]);
    if (!parsed.success) return { response: notFound(`${name} "${rawPath[name] ?? ""}"`) };
    path[name] = parsed.data;
  }
  const query = parseQuery(url.searchParams, resource.query);
  if (!query.ok) return { response: apiError(400, { error: "invalid_parameter", parameter: query.parameter, message: query.message }) };
  let data: unknown;
  try {
    data = await resource.load(ctx.db, path, query.params, url);
  } catch (err) {
    if (!(err instanceof InvalidParameter)) throw err;
    return { response: apiError(400, { error: "invalid_parameter", parameter: err.parameter, message: err.message }) };
  }
  if (data === null) return { response: notFound(Object.values(rawPath).join("/") || "it") };
  const out = resource.render(data, path);
  const tag = entityTag(out.body);
  const headers = { ...COMMON, ...out.headers, ETag: tag, "Cache-Control": `public, max-age=${API_MAX_AGE_SECONDS}` };
  if (matchesIfNoneMatch(req.headers.get("if-none-match"), tag)) return { response: new Response(null, { status: 304, headers }), data };
  return { response: new Response(out.body, { status: 200, headers: { ...headers, "Content-Type": out.contentType } }), data };
}

/** An endpoint as a resource: its data parsed with its response schema (so it always matches the OpenAPI document), as JSON. */
function endpointResource(endpoint: SomeEndpoint): SomeResource {
  return {
    bucket: "api",
    pathParams: endpoint.pathParams,
    query: endpoint.query,
    load: endpoint.load,
    render: (data) => ({ body: JSON.stringify(endpoint.response.parse(data)), contentType: JSON_TYPE }),
  };
}

/** Answers one GET of an endpoint. */
export async function serveEndpoint(endpoint: SomeEndpoint, req: Request, rawPath: Record<string, string>, ctx: ApiContext) {
  return (await serveResource(endpointResource(endpoint), req, rawPath, ctx)).response;
}
