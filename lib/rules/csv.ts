/**
 * One CSV field (RFC 4180). Cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
 * apostrophe, so a downloaded registry cannot carry a formula-injection payload.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (typeof value === "number") return s;
  // Also after a line break or a semicolon: spreadsheets with ";" as the list separator split cells there.
  if (/^[\t\r]/.test(s)) s = `'${s}`;
  s = s.replace(/(^|[;\r\n\t])([=+\-@])/g, "$1'$2");
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
