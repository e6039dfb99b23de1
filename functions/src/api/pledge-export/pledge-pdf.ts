import PDFDocument from 'pdfkit';
import type { SignedPledge } from '../../app/read-signed-pledge.js';
import { roleNames } from '../../domain/user.js';
import { pledgeFont } from './pledge-font.js';
import { beijingTimeOf } from './beijing-time.js';

/**
 * R8, issue 11: a signed pledge as an A4 PDF: the text as signed, the signer's typed name, the drawn signature, the
 * time, and the record's fingerprints (text hash, seal) so a printed copy can be checked against the system.
 */
export async function pledgePdfOf(pledge: SignedPledge): Promise<Uint8Array<ArrayBuffer>> {
  const { text, signature } = pledge;
  // `font: null`: no Helvetica to start with. pdfkit reads its standard fonts from its package at run time, which a
  // Lambda bundle does not carry; every word here is drawn with the CJK font registered below.
  const doc = new PDFDocument({ size: 'A4', font: null as unknown as string, margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: text.title, Subject: `版本 ${text.id}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  doc.registerFont('sc', pledgeFont());
  doc.font('sc');
  doc.fontSize(20).text(text.title, { align: 'center' });
  doc.moveDown(0.3).fontSize(9).fillColor('#666').text(`版本 ${text.id} · ${text.publishedOn} 发布`, { align: 'center' });
  doc.moveDown(1).fillColor('#000').fontSize(11.5);
  for (const paragraph of text.paragraphs) doc.text(paragraph, { lineGap: 4, paragraphGap: 8 });

  doc.moveDown(1.2).fontSize(12);
  doc.text(`承诺人（${roleNames[pledge.signerRole]}）：${signature.typedName}`);
  doc.moveDown(0.4).text('手写签名：');
  const image = Buffer.from(signature.signaturePng, 'base64');
  doc.image(image, { fit: [220, 90] });
  doc.moveDown(0.4).text(`签署时间：${beijingTimeOf(signature.signedAt)}（北京时间）`);

  doc.moveDown(1.2).fontSize(8).fillColor('#666');
  doc.text(`签署客户端：${signature.client.platform}`);
  doc.text(`承诺书文本 SHA-256：${signature.textHash}`);
  doc.text(`签名图片 SHA-256：${signature.imageHash}`);
  doc.text(`记录封印：${signature.seal}`);
  doc.text('本文件由守护系统根据签署记录生成；记录签署后不可修改，系统可据封印核验。');
  doc.end();
  await ended;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}
