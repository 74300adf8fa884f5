import { z } from "zod";
import { API_MAX_AGE_SECONDS, API_PAGE_DEFAULT, API_PAGE_MAX, API_RATE_BURST, API_RATE_PER_MINUTE } from "@/lib/limits";
import { errorSchema } from "@/lib/validation/open-data";
import { defineEndpoint, type SomeEndpoint } from "./api";
import { API_BASE, OPEN_DATA_ENDPOINTS } from "./open-data";

/**
 * The OpenAPI 3.1 document of the open data API, generated from the zod schemas that validate every response
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12), so the document describes exactly what is sent.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io });
  return rest;
}

const errorResponse = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const cacheHeaders = {
  ETag: { description: "A hash of the body; send it back in If-None-Match to get 304 while it is unchanged", schema: { type: "string" } },
  "Cache-Control": { description: `public, max-age=${API_MAX_AGE_SECONDS}`, schema: { type: "string" } },
};

function operation(e: Pick<SomeEndpoint, "operationId" | "summary" | "description" | "pathParams" | "query">, ok: JsonSchema) {
  const parameters = [
    ...Object.entries(e.pathParams).map(([name, schema]) => ({
      name,
      in: "path",
      required: true,
      description: schema.description,
      schema: jsonSchema(schema, "input"),
    })),
    ...Object.entries(e.query).map(([name, schema]) => ({
      name,
      in: "query",
      required: false,
      description: schema.description,
      schema: jsonSchema(schema, "input"),
    })),
    {
      name: "If-None-Match",
      in: "header",
      required: false,
      description: "The ETag of an earlier answer: 304 Not Modified while the data is unchanged",
      schema: { type: "string" },
    },
  ];
  return {
    get: {
      operationId: e.operationId,
      summary: e.summary,
      description: e.description,
      parameters,
      responses: {
        "200": { description: "OK", headers: cacheHeaders, content: { "application/json": { schema: ok } } },
        "304": { description: "Not modified since the ETag given in If-None-Match", headers: cacheHeaders },
        "400": errorResponse("A query parameter is unknown, repeated or invalid; `parameter` names it"),
        "404": errorResponse("Nothing public at this address (drafts are never public)"),
        "429": errorResponse("Too many requests from this address", {
          "Retry-After": { description: "Seconds to wait", schema: { type: "integer", minimum: 1 } },
        }),
      },
    },
  };
}

export const OPENAPI_PATH = `${API_BASE}/openapi.json`;

/** The document itself; built once per process (it depends on nothing but the code). */
export function openApiDocument() {
  const paths: Record<string, unknown> = {};
  for (const e of Object.values(OPEN_DATA_ENDPOINTS)) paths[e.path] = operation(e, jsonSchema(e.response, "output"));
  paths[OPENAPI_PATH] = operation(
    {
      operationId: "getOpenApiDocument",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API.",
      pathParams: {},
      query: {},
    },
    {
      type: "object",
      required: ["openapi", "info", "paths"],
      properties: { openapi: { const: "3.1.0" }, info: { type: "object" }, paths: { type: "object" } },
    },
  );
  return {
    openapi: "3.1.0" as const,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Samvad open data API",
      version: "1.0.0",
      description: [
        "Read-only public data of Samvad's consultations: consultations and their principles, comments, the endorsement registry and its history, published summaries with their citations, the moderation ledger and statistics by stakeholder group.",
        `Lists of comments, endorsements, endorsement events, summaries and the ledger are paginated by cursor: pass the \`nextCursor\` of a page as \`after\` (or follow \`next\`); \`limit\` is 1 to ${API_PAGE_MAX}, ${API_PAGE_DEFAULT} by default.`,
        `Each address may make ${API_RATE_BURST} requests at once, then ${API_RATE_PER_MINUTE} a minute; beyond that the answer is 429 with Retry-After.`,
        "Times are ISO 8601 in UTC. Comments awaiting moderation, hidden or withdrawn keep their place without their text or author; nobody is named who chose to show only their stakeholder group or who erased their account; email addresses are never published.",
      ].join("\n\n"),
      license: { name: "Creative Commons Attribution 4.0 International", identifier: "CC-BY-4.0" },
    },
    servers: [{ url: "/" }],
    paths,
    components: { schemas: { Error: jsonSchema(errorSchema, "output") } },
  };
}

let built: ReturnType<typeof openApiDocument> | undefined;

/** The document as an endpoint of its own, so it is rate limited and cached like the data. */
export const openApiEndpoint = defineEndpoint({
  path: OPENAPI_PATH,
  operationId: "getOpenApiDocument",
  summary: "This document",
  description: "The OpenAPI 3.1 description of the API.",
  pathParams: {},
  query: {},
  response: z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
  load: async () => (built ??= openApiDocument()),
});
