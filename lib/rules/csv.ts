/**
 * One CSV field (RFC 4180). Cells that a spreadsheet would run as a formula (= + - @, tab, CR) get a leading
 * apostrophe, so a downloaded registry cannot carry a formula-injection payload.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(",") + "\r\n";
}
