import { csvRow } from "@/lib/rules/csv";

type Cell = string | number | null | undefined;

/** A CSV download: UTF-8 with a BOM so spreadsheet programs read Hindi names correctly, never cached. */
export function csvResponse(filename: string, header: readonly string[], rows: readonly (readonly Cell[])[]): Response {
  return new Response("\uFEFF" + csvRow(header) + rows.map(csvRow).join(""), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
