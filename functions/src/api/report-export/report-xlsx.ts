import ExcelJS from 'exceljs';
import type { ReportTable } from './report-table.js';

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The table as a styled .xlsx: title across the columns, subtitle and status, bold headers, 合计 in bold. */
export async function reportXlsxOf(table: ReportTable): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '守护';
  const sheet = workbook.addWorksheet('月度汇报', { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }] });
  const width = table.headers.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = table.subtitle;
  sheet.mergeCells(3, 1, 3, width);
  sheet.getCell(3, 1).value = table.status;
  const header = sheet.getRow(4);
  header.values = table.headers;
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 32;
  for (const row of table.rows) sheet.addRow(row);
  const total = sheet.addRow(table.total);
  total.font = { bold: true };
  for (let r = 4; r <= sheet.rowCount; r += 1) {
    for (let c = 1; c <= width; c += 1) sheet.getCell(r, c).border = BORDER;
  }
  sheet.getColumn(1).width = 16;
  for (let c = 2; c <= width; c += 1) sheet.getColumn(c).width = 10;
  if (table.headers.at(-1) === '提交情况') sheet.getColumn(width).width = 32;
  return new Uint8Array(await workbook.xlsx.writeBuffer() as ArrayBuffer);
}
