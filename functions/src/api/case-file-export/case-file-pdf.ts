import PDFDocument from 'pdfkit';
import { beijingMinuteOf, watermarkOf, type CaseFile, type CaseFileSection } from '../../domain/case-file.js';
import { roleNames } from '../../domain/user.js';
import { pledgeFont } from '../pledge-export/pledge-font.js';

/**
 * R7, issue 12 part 4: a child's file (一人一档) as one A4 PDF: a cover, then each section with its entries, every
 * page watermarked with who exported it and when (a printed copy that leaks names its source) and numbered
 * 第 N 页 / 共 M 页. Drawn with the pledge export's CJK font (Noto Sans SC, only the glyphs used are embedded).
 * Pages are buffered so the footer can know M; a file of some hundred visits stays a few hundred kilobytes.
 */
const MARGIN = { top: 56, bottom: 64, left: 60, right: 60 };

function drawCover(doc: PDFKit.PDFDocument, file: CaseFile): void {
  doc.moveDown(6).fontSize(26).text('儿童档案', { align: 'center' });
  doc.moveDown(0.4).fontSize(13).fillColor('#555').text('一人一档', { align: 'center' });
  doc.moveDown(3).fillColor('#000').fontSize(14);
  doc.text(`儿童姓名：${file.child.name}`, { align: 'center' });
  doc.moveDown(0.6).fontSize(11).fillColor('#333');
  doc.text(`导出人：${file.exporter.name}（${roleNames[file.exporter.role]}）`, { align: 'center' });
  doc.text(`导出时间：${beijingMinuteOf(file.exporter.at)}（北京时间）`, { align: 'center' });
  doc.moveDown(2).fontSize(11).fillColor('#000').text('目录', { align: 'center' });
  doc.moveDown(0.4).fontSize(10.5);
  file.sections.forEach((section, index) => {
    doc.text(`${index + 1}. ${section.title}（${section.entries.length} 条）`, { align: 'center' });
  });
  doc.moveDown(3).fontSize(9).fillColor('#666');
  doc.text('本档案含儿童及家庭个人信息，仅限儿童关爱保护工作使用，不得外传。', { align: 'center' });
}

function drawSection(doc: PDFKit.PDFDocument, section: CaseFileSection, index: number): void {
  doc.addPage();
  doc.fillColor('#000').fontSize(16).text(`${index + 1}. ${section.title}`);
  doc.moveDown(0.5);
  if (section.entries.length === 0) {
    doc.fontSize(11).fillColor('#666').text(section.emptyText);
    return;
  }
  section.entries.forEach((entry, n) => {
    if (section.entries.length > 1) doc.fontSize(11).fillColor('#333').text(`第 ${n + 1} 条`);
    doc.fontSize(10.5).fillColor('#000');
    for (const field of entry.fields) doc.text(`${field.label}：${field.value}`, { lineGap: 2 });
    doc.moveDown(0.6);
  });
}

/** The watermark across the page and the page number, drawn once every page exists. */
function stampPages(doc: PDFKit.PDFDocument, file: CaseFile): void {
  const range = doc.bufferedPageRange();
  const mark = watermarkOf(file.exporter);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    // Text near the bottom edge would otherwise open a new page.
    doc.page.margins.bottom = 0;
    doc.save();
    doc.fillColor('#999').opacity(0.18).fontSize(18);
    for (const y of [height * 0.3, height * 0.6, height * 0.88]) {
      doc.rotate(-30, { origin: [width / 2, y] });
      doc.text(mark, 0, y, { width, align: 'center', lineBreak: false });
      doc.rotate(30, { origin: [width / 2, y] });
    }
    doc.restore();
    doc.fillColor('#666').opacity(1).fontSize(9);
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, 0, height - 40, { width, align: 'center', lineBreak: false });
  }
}

export async function caseFilePdfOf(file: CaseFile): Promise<Uint8Array<ArrayBuffer>> {
  // `font: null`: pdfkit's standard fonts are not in the Lambda bundle; every word is drawn with the CJK font.
  const doc = new PDFDocument({
    size: 'A4',
    font: null as unknown as string,
    margins: MARGIN,
    bufferPages: true,
    // Dated by the export, not the machine's clock: the same file at the same instant is the same bytes (a submission's
    // SHA-256 can be checked by exporting again).
    info: { Title: `儿童档案-${file.child.name}`, Subject: watermarkOf(file.exporter), CreationDate: new Date(file.exporter.at) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('sc', pledgeFont());
  doc.font('sc');
  drawCover(doc, file);
  file.sections.forEach((section, index) => drawSection(doc, section, index));
  stampPages(doc, file);
  doc.end();
  await ended;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}
