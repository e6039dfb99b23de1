import { strToU8, zipSync, type Zippable } from 'fflate';
import type { CaseFile, CaseFileSection } from '../../domain/case-file.js';

/**
 * R7, issue 12 part 4: the file as a zip of its parts: the PDF, each section as a CSV (Chinese headers, UTF-8 with a
 * BOM so Excel on a cadre's PC reads the Chinese) and the whole as JSON, and the drawn pledge signatures whose records
 * hold. fflate: a small (≈30 KB), dependency-free, maintained zip library made for exactly this, pure JavaScript (no
 * native binary to match the Lambda's CPU). The synchronous zip: fflate's asynchronous one starts worker threads per
 * call on Node, a cost a one-request Lambda does not need; the PDF and images are stored (already compressed), so only
 * the small text parts are deflated, and the parts are built in memory, which a child's file (well under the API's
 * 6 MB answer) allows.
 */
function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function sectionCsvOf(section: CaseFileSection): string {
  const headers = [...new Set(section.entries.flatMap((entry) => entry.fields.map((field) => field.label)))];
  if (headers.length === 0) return `\uFEFF说明\r\n${csvCell(section.emptyText)}\r\n`;
  const rows = section.entries.map((entry) => {
    const byLabel = new Map(entry.fields.map((field) => [field.label, field.value]));
    return headers.map((label) => csvCell(byLabel.get(label) ?? '')).join(',');
  });
  return `\uFEFF${[headers.map(csvCell).join(','), ...rows].join('\r\n')}\r\n`;
}

export function caseFileZipOf(file: CaseFile, pdf: Uint8Array): Uint8Array {
  const parts: Zippable = {
    // Already compressed: stored, not deflated again.
    [`儿童档案-${file.child.name}.pdf`]: [pdf, { level: 0 }],
    '档案.json': strToU8(JSON.stringify({ 儿童: file.child.name, 导出人: file.exporter.name, 导出时间: file.exporter.at, 各部分: file.sections }, null, 2)),
  };
  file.sections.forEach((section, index) => {
    parts[`${String(index + 1).padStart(2, '0')}-${section.title}.csv`] = strToU8(sectionCsvOf(section));
  });
  for (const image of file.pledgeImages) parts[`承诺书签名/${image.fileName}`] = [Buffer.from(image.pngBase64, 'base64'), { level: 0 }];
  return zipSync(parts, { level: 6 });
}
