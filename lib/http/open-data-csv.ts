import { z } from "zod";

type Cell = string | number | null | undefined;

/** camelCase → snake_case, for CSV headers. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const inner = schema instanceof z.ZodNullable || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : null;
}

/**
 * The CSV columns of an API item schema: its fields in order, a nested object's fields prefixed with its name
 * (organisation → organisation_id, organisation_name). The CSV downloads are built from the API's own items and
 * schemas, so a download and the API always carry the same fields.
 */
export function csvColumns(schema: z.ZodType): { header: string[]; row: (item: Record<string, unknown>) => Cell[] } {
  const shape = objectShape(schema);
  if (!shape) throw new Error("csvColumns needs an object schema");
  const paths: string[][] = [];
  for (const [key, field] of Object.entries(shape)) {
    const nested = objectShape(field);
    if (nested) for (const inner of Object.keys(nested)) paths.push([key, inner]);
    else paths.push([key]);
  }
  const cell = (value: unknown): Cell => {
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number" || typeof value === "string") return value;
    return JSON.stringify(value);
  };
  return {
    header: paths.map((p) => p.map(snake).join("_")),
    row: (item) =>
      paths.map(([key, inner]) => {
        const v = item[key as string];
        if (!inner) return cell(v);
        return v && typeof v === "object" ? cell((v as Record<string, unknown>)[inner]) : "";
      }),
  };
}
