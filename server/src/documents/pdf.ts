import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { PrintableChart, PrintableDocument, PrintableSection, PrintableTable } from './printable';

export type { PrintableChart, PrintableDocument, PrintableSection, PrintableTable } from './printable';

/** Debian's fonts-noto-cjk: Simplified Chinese, Latin and digits in one face. */
export const DEFAULT_PDF_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** The face inside the .ttc collection; ignored for a .ttf/.otf file. */
const TTC_FACE = 'NotoSansCJKsc-Regular';

export interface PdfOptions {
  /** A TrueType/OpenType font (or collection) with the Chinese glyphs; see PDF_FONT_PATH in config.ts. */
  fontPath?: string;
}

const MARGIN = 50;
const FOOTER_SPACE = 30;
const CELL_PAD = 4;

/**
 * Renders a PrintableDocument as an A4 PDF with the CJK font embedded (as a subset, with a ToUnicode
 * map, so the text can be searched and copied). Long tables continue on the next page with their header.
 */
export function renderPdf(doc: PrintableDocument, options: PdfOptions = {}): Promise<Buffer> {
  const fontPath = options.fontPath || DEFAULT_PDF_FONT;
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(fontPath)) {
      reject(new Error(`PDF font not found at ${fontPath}: install fonts-noto-cjk or set PDF_FONT_PATH`));
      return;
    }
    const pdf = new PDFDocument({ size: 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE }, bufferPages: true, info: { Title: doc.title, Subject: doc.subtitle ?? doc.title } });
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    try {
      pdf.registerFont('body', fontPath, /\.ttc$/i.test(fontPath) ? TTC_FACE : undefined);
      pdf.font('body');
      layout(pdf, doc);
      footers(pdf, doc.footer);
      pdf.end();
    } catch (error) {
      reject(error);
    }
  });
}

type Pdf = InstanceType<typeof PDFDocument>;

const contentWidth = (pdf: Pdf) => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottomOf = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

function layout(pdf: Pdf, doc: PrintableDocument): void {
  const left = pdf.page.margins.left;
  pdf.fontSize(18).fillColor('#000').text(doc.title, { align: 'center' });
  if (doc.subtitle) pdf.moveDown(0.2).fontSize(11).fillColor('#444').text(doc.subtitle, { align: 'center' });
  pdf.moveDown(0.8).fillColor('#000');
  if (doc.meta.length) {
    pdf.fontSize(10);
    const labelWidth = 90;
    for (const [label, value] of doc.meta) {
      const y = pdf.y;
      const h = Math.max(pdf.heightOfString(label, { width: labelWidth }), pdf.heightOfString(value || '—', { width: contentWidth(pdf) - labelWidth }));
      if (y + h > bottomOf(pdf)) pdf.addPage();
      const top = pdf.y;
      pdf.fillColor('#555').text(label, left, top, { width: labelWidth });
      pdf.fillColor('#000').text(value || '—', left + labelWidth, top, { width: contentWidth(pdf) - labelWidth });
      pdf.y = top + h + 2;
    }
    pdf.x = left;
  }
  for (const section of doc.sections) {
    pdf.moveDown(0.8);
    // Keep the heading with the start of what follows it: never alone at the bottom of a page.
    if (pdf.y + headingKeepSpace(pdf, section) > bottomOf(pdf)) pdf.addPage();
    pdf.fontSize(13).fillColor('#000').text(section.heading, left, pdf.y, { width: contentWidth(pdf) });
    const y = pdf.y + 2;
    pdf.moveTo(left, y).lineTo(left + contentWidth(pdf), y).lineWidth(0.5).strokeColor('#999').stroke();
    pdf.y = y + 4;
    pdf.fontSize(10);
    for (const paragraph of section.paragraphs ?? []) {
      pdf.text(paragraph, left, pdf.y, { width: contentWidth(pdf) });
      pdf.moveDown(0.3);
    }
    if (section.chart && section.chart.values.length) barChart(pdf, section.chart);
    if (section.table && section.table.columns.length) table(pdf, section.table);
  }
}

/** The heading's height plus the first paragraph, chart bar or table header and row. */
function headingKeepSpace(pdf: Pdf, section: PrintableSection): number {
  const heading = 28;
  const first = section.paragraphs?.[0];
  if (first) return heading + pdf.fontSize(10).heightOfString(first, { width: contentWidth(pdf) });
  if (section.chart?.values.length || section.table?.columns.length) return heading + 60;
  return heading;
}

/** Column widths in proportion to the longest text of each column, within sensible bounds. */
function columnWidths(pdf: Pdf, t: PrintableTable): number[] {
  const total = contentWidth(pdf);
  const want = t.columns.map((c, i) => Math.min(40, Math.max(4, ...[c, ...t.rows.map((r) => r[i] ?? '')].map((s) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)))));
  const sum = want.reduce((a, b) => a + b, 0);
  return want.map((w) => (w / sum) * total);
}

function table(pdf: Pdf, t: PrintableTable): void {
  const left = pdf.page.margins.left;
  const widths = columnWidths(pdf, t);
  pdf.fontSize(9);
  const heightOf = (cells: string[]) => Math.max(...cells.map((cell, i) => pdf.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
  const drawRow = (cells: string[], header: boolean) => {
    const h = heightOf(cells);
    let x = left;
    const y = pdf.y;
    cells.forEach((cell, i) => {
      if (header) pdf.rect(x, y, widths[i], h).fillColor('#eeeeee').fill();
      pdf.rect(x, y, widths[i], h).lineWidth(0.5).strokeColor('#999').stroke();
      pdf.fillColor('#000').text(cell || '', x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
      x += widths[i];
    });
    pdf.x = left;
    pdf.y = y + h;
  };
  const header = t.columns;
  if (pdf.y + heightOf(header) * 2 > bottomOf(pdf)) pdf.addPage();
  drawRow(header, true);
  for (const row of t.rows) {
    const cells = header.map((_, i) => row[i] ?? '');
    if (pdf.y + heightOf(cells) > bottomOf(pdf)) {
      pdf.addPage();
      pdf.fontSize(9);
      drawRow(header, true);
    }
    drawRow(cells, false);
  }
  pdf.moveDown(0.5);
}

/** Horizontal bars, one per label, scaled to the largest value, with the value at the end of each bar. */
function barChart(pdf: Pdf, chart: PrintableChart): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  const labelWidth = 120;
  const valueWidth = 40;
  const barHeight = 12;
  const gap = 4;
  const max = Math.max(...chart.values, 0);
  const height = chart.labels.length * (barHeight + gap) + gap;
  if (pdf.y + height > bottomOf(pdf)) pdf.addPage();
  const top = pdf.y + gap;
  pdf.fontSize(8);
  chart.labels.forEach((name, i) => {
    const y = top + i * (barHeight + gap);
    const value = chart.values[i] ?? 0;
    const length = max > 0 ? ((width - labelWidth - valueWidth) * value) / max : 0;
    pdf.fillColor('#333').text(name, left, y + 2, { width: labelWidth - 6, align: 'right', lineBreak: false, ellipsis: true });
    if (length > 0) pdf.rect(left + labelWidth, y, length, barHeight).fillColor('#4a78b5').fill();
    pdf.fillColor('#000').text(String(value), left + labelWidth + length + 4, y + 2, { width: valueWidth, lineBreak: false });
  });
  pdf.fillColor('#000');
  pdf.x = left;
  pdf.y = top + height;
}

/** The footer text and "page n / total" on every page, written once the page count is known. */
function footers(pdf: Pdf, footer: string | undefined): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - MARGIN - 10;
    pdf.fontSize(8).fillColor('#666');
    const text = `${footer ? `${footer}    ` : ''}${i - range.start + 1} / ${range.count}`;
    pdf.text(text, pdf.page.margins.left, y, { width: contentWidth(pdf), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}
