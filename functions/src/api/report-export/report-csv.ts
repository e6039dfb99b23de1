import type { ReportTable } from './report-table.js';

/** Excel guesses the encoding of a CSV without one; the byte-order mark tells it UTF-8, so Chinese opens right. */
const UTF8_BOM = '\uFEFF';

function cell(value: string | number): string {
  const text = String(value);
  // A region name starting with = + - @ would be run as a formula by a spreadsheet (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function reportCsvOf(table: ReportTable): string {
  const lines = [[table.title], [table.subtitle], [table.status], table.headers, ...table.rows, table.total];
  return UTF8_BOM + lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
