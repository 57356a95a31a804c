// A document as PDF, with pdfkit: pure JavaScript (no Chromium), so it runs the same in the CLI,
// browser mode and Electron's main process. Text is set in DejaVu Serif with DejaVu Sans headings,
// embedded (subset) from the dejavu-fonts-ttf package, so Latin, Greek, Cyrillic and Vietnamese
// text prints as written. A title page opens it; "Page n of m" closes every later page.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Block, ExportDocument, Inline } from '../../../shared/domain/export/document';

const resolvePackage = createRequire(import.meta.url).resolve;
const fontFile = (name: string) => resolvePackage(`dejavu-fonts-ttf/ttf/${name}.ttf`);

const FONTS = {
  serif: 'DejaVuSerif',
  serifItalic: 'DejaVuSerif-Italic',
  serifBold: 'DejaVuSerif-Bold',
  serifBoldItalic: 'DejaVuSerif-BoldItalic',
  sans: 'DejaVuSans',
  sansBold: 'DejaVuSans-Bold',
} as const;

const INK = '#1f2328';
const MUTED = '#57606a';
const MARGIN = 64;
const safe = (colour: string) => (/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#999999');

type Doc = PDFKit.PDFDocument;

function fontOf(run: Inline, base: { italic?: boolean } = {}): string {
  const italic = run.italic || base.italic;
  if (run.bold) return italic ? FONTS.serifBoldItalic : FONTS.serifBold;
  return italic ? FONTS.serifItalic : FONTS.serif;
}

/** Writes runs as one paragraph at the current position, each run in its own face. */
function writeRuns(doc: Doc, runs: readonly Inline[], options: { x: number; width: number; size: number; color?: string; italic?: boolean; indent?: number; gap?: number }) {
  const parts = runs.filter((run) => run.text !== '');
  if (parts.length === 0) return;
  doc.fillColor(options.color ?? INK);
  parts.forEach((run, index) => {
    doc.font(fontOf(run, options)).fontSize(run.superscript || run.subscript ? options.size * 0.7 : options.size);
    const last = index === parts.length - 1;
    // pdfkit keeps one line wrapper across continued runs: only the first run sets the layout.
    if (index === 0) doc.text(run.text, options.x, undefined, { width: options.width, continued: !last, indent: options.indent, lineGap: 2, paragraphGap: options.gap ?? 6 });
    else doc.text(run.text, { continued: !last });
  });
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN * 2;
}

/** Starts a new page when less than `height` is left, so a heading never ends a page. */
function keepRoom(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function drawTitle(doc: Doc, block: Extract<Block, { kind: 'title' }>) {
  const width = contentWidth(doc);
  doc.y = doc.page.height * 0.32;
  doc.font(FONTS.sansBold).fontSize(10).fillColor(MUTED).text(block.subtitle.toUpperCase(), MARGIN, undefined, { width, characterSpacing: 1.5 });
  doc.moveDown(0.6);
  doc.font(FONTS.sansBold).fontSize(28).fillColor(INK).text(block.title, { width, lineGap: 2 });
  doc.moveDown(0.4);
  doc.rect(MARGIN, doc.y, 56, 3).fill(INK);
  doc.moveDown(1.2);
  for (const line of block.lines) doc.font(FONTS.serif).fontSize(11.5).fillColor(MUTED).text(line, MARGIN, undefined, { width, lineGap: 3 });
}

function drawPassage(doc: Doc, block: Extract<Block, { kind: 'passage' }>) {
  const x = MARGIN + 16;
  const width = contentWidth(doc) - 16;
  keepRoom(doc, Math.min(doc.heightOfString(block.text, { width }) + 30, 160));
  const startPage = pageIndex(doc);
  const startY = doc.y;
  writeRuns(doc, [{ text: block.text }], { x, width, size: 10.5, gap: 2 });
  doc.font(FONTS.sans).fontSize(7.5).fillColor(MUTED).text(block.where, x, undefined, { width, paragraphGap: 3 });
  for (const note of block.notes) {
    doc.font(FONTS.sansBold).fontSize(7).fillColor(MUTED).text(`${note.label.toUpperCase()}  `, x, undefined, { continued: true, characterSpacing: 0.6 });
    doc.font(FONTS.serif).fontSize(9.5).fillColor(INK).text(note.text, { characterSpacing: 0, width, lineGap: 1.5, paragraphGap: 3 });
  }
  const endPage = pageIndex(doc);
  const endY = doc.y;
  // The bar runs beside the passage and its notes, across pages when it breaks.
  for (let page = startPage; page <= endPage; page++) {
    doc.switchToPage(page);
    const top = page === startPage ? startY : MARGIN;
    const bottom = page === endPage ? endY - 2 : doc.page.height - MARGIN;
    doc.rect(MARGIN, top + 1, 4, Math.max(bottom - top - 1, 4)).fill(safe(block.colour));
  }
  doc.switchToPage(endPage);
  doc.x = MARGIN;
  doc.y = endY + 8;
}

function pageIndex(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

function drawTable(doc: Doc, block: Extract<Block, { kind: 'table' }>) {
  const width = contentWidth(doc);
  // Columns share the width by how much text they hold, within limits.
  const lengths = block.header.map((h, i) => Math.max(h.length, ...block.rows.map((row) => Math.min((row[i] ?? '').length, 200))));
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  const widths = lengths.map((n) => Math.max(32, (n / total) * width));
  const scale = width / widths.reduce((a, b) => a + b, 0);
  const columns = widths.map((w) => w * scale);
  const drawRow = (cells: string[], header: boolean) => {
    doc.font(header ? FONTS.sansBold : FONTS.serif).fontSize(8.5);
    const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i]! - 8 }))) + 6;
    keepRoom(doc, height);
    const y = doc.y;
    let x = MARGIN;
    if (header) doc.rect(MARGIN, y, width, height).fill('#f0f2f4');
    cells.forEach((text, i) => {
      doc.fillColor(INK).font(header ? FONTS.sansBold : FONTS.serif).fontSize(8.5).text(text, x + 4, y + 3, { width: columns[i]! - 8 });
      x += columns[i]!;
    });
    doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor('#d0d7de').stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(block.header, true);
  for (const row of block.rows) drawRow(row, false);
  doc.moveDown(0.8);
}

function drawBlock(doc: Doc, block: Exclude<Block, { kind: 'title' }>) {
  const width = contentWidth(doc);
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? 17 : block.level === 2 ? 13 : 11.5;
      keepRoom(doc, size * 4);
      doc.moveDown(block.level === 1 ? 1.1 : 0.7);
      const y = doc.y;
      const x = block.colour ? MARGIN + size * 0.95 : MARGIN;
      if (block.colour) doc.roundedRect(MARGIN, y + size * 0.18, size * 0.62, size * 0.62, 1.5).fill(safe(block.colour));
      doc.font(FONTS.sansBold).fontSize(size).fillColor(INK).text(block.text, x, y, { width: width - (x - MARGIN), lineGap: 1 });
      if (block.level === 1) {
        doc.moveTo(MARGIN, doc.y + 2).lineTo(MARGIN + width, doc.y + 2).lineWidth(0.6).strokeColor('#d0d7de').stroke();
        doc.moveDown(0.5);
      } else doc.moveDown(0.3);
      doc.x = MARGIN;
      return;
    }
    case 'paragraph':
      writeRuns(doc, block.runs, { x: MARGIN, width, size: 10.5, color: block.tone === 'muted' ? MUTED : INK, italic: block.tone === 'muted', gap: 7 });
      return;
    case 'passage':
      drawPassage(doc, block);
      return;
    case 'list':
      for (const item of block.items) {
        keepRoom(doc, 28);
        const y = doc.y;
        doc.font(FONTS.serif).fontSize(10.5).fillColor(INK).text('•', MARGIN + 4, y, { lineBreak: false });
        doc.y = y;
        writeRuns(doc, item.runs, { x: MARGIN + 18, width: width - 18, size: 10.5, gap: 2 });
        for (const line of item.details ?? []) writeRuns(doc, line, { x: MARGIN + 30, width: width - 30, size: 9.5, color: '#3d444d', gap: 2 });
        doc.moveDown(0.35);
      }
      doc.x = MARGIN;
      return;
    case 'references':
      for (const entry of block.entries) {
        keepRoom(doc, 30);
        // A hanging indent: the first line starts at the margin, the rest 22 pt in.
        writeRuns(doc, entry, { x: MARGIN + 22, width: width - 22, size: 10, indent: -22, gap: 6 });
      }
      doc.x = MARGIN;
      return;
    case 'table':
      drawTable(doc, block);
      return;
  }
}

export async function renderPdf(doc: ExportDocument, date: Date): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: doc.title, Creator: 'Quarry', CreationDate: date } });
  for (const name of Object.values(FONTS)) pdf.registerFont(name, fontFile(name));
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const [first, ...rest] = doc.blocks;
  const hasTitlePage = first?.kind === 'title';
  if (hasTitlePage) {
    drawTitle(pdf, first);
    pdf.addPage();
  }
  for (const block of (hasTitlePage ? rest : doc.blocks) as Array<Exclude<Block, { kind: 'title' }>>) drawBlock(pdf, block);

  const range = pdf.bufferedPageRange();
  const numbered = hasTitlePage ? range.count - 1 : range.count;
  for (let i = hasTitlePage ? 1 : 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const n = hasTitlePage ? i : i + 1;
    // Writing below the bottom margin would start a new page: lift the margin while writing the footer.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font(FONTS.sans).fontSize(8).fillColor(MUTED);
    pdf.text(doc.title, MARGIN, 30, { width: contentWidth(pdf), align: 'right', lineBreak: false });
    pdf.text(`Page ${n} of ${numbered}`, MARGIN, pdf.page.height - 40, { width: contentWidth(pdf), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
