/**
 * CSV rows (RFC 4180: fields with quotes, commas or line breaks quoted, quotes doubled). A cell a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return; OWASP
 * "CSV Injection") gets a leading single quote. Every export (check-ins, a copy of my data) uses these.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(values: readonly string[]): string {
  return values.map(csvCell).join(',');
}
