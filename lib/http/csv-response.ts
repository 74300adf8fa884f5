import { csvRow } from "@/lib/rules/csv";

type Cell = string | number | null | undefined;

export const CSV_TYPE = "text/csv; charset=utf-8";

/** A CSV file's text: UTF-8 with a BOM so spreadsheet programs read Hindi names correctly. */
export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return "\uFEFF" + csvRow(header) + rows.map(csvRow).join("");
}

/** The headers that make a browser save the answer as a file of this name. */
export function attachment(filename: string): Record<string, string> {
  return { "Content-Disposition": `attachment; filename="${filename}"` };
}
