import { PDFDocument, StandardFonts, degrees, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractBuffer } from './extract';
import { pdf, stream } from '../../test-support/hostile-corpus';
import { appErrorOf, outline } from './test-support';

const LEFT = 50;
const WIDTH = 320;
const BODY = 11;
const LEADING = 14;

interface Pen {
  page: PDFPage;
  font: PDFFont;
  y: number;
}

/** Draws a paragraph's lines justified to the column, word by word, as typesetters do; the last line stays ragged. */
function paragraph(pen: Pen, lines: readonly string[], last = true): void {
  lines.forEach((line, i) => {
    const words = line.split(' ');
    const natural = words.reduce((sum, word) => sum + pen.font.widthOfTextAtSize(word, BODY), 0);
    const isLast = last && i === lines.length - 1;
    const gap = isLast || words.length < 2 ? pen.font.widthOfTextAtSize(' ', BODY) : (WIDTH - natural) / (words.length - 1);
    let x = LEFT;
    for (const word of words) {
      pen.page.drawText(word, { x, y: pen.y, size: BODY, font: pen.font });
      x += pen.font.widthOfTextAtSize(word, BODY) + gap;
    }
    pen.y -= LEADING;
  });
}

function pageFurniture(page: PDFPage, font: PDFFont, number: number): void {
  page.drawText('Field Notes Quarterly 4 (2)', { x: LEFT, y: 565, size: 8, font });
  page.drawText(String(number), { x: 205, y: 30, size: 9, font });
}

async function studyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const first = pdf.addPage([420, 595]);
  pageFurniture(first, font, 1);
  first.drawText('Digital Trade at the', { x: LEFT, y: 520, size: 18, font });
  first.drawText('Neighbourhood Market', { x: LEFT, y: 498, size: 18, font });
  first.drawText('INTRODUCTION', { x: LEFT, y: 470, size: BODY, font });
  const pen: Pen = { page: first, font, y: 448 };
  paragraph(pen, [
    'Small sellers moved their stalls online once cheap',
    'phones arrived and the new digi-',
    'tal payment rails made cross-',
    'border orders a routine matter for most of them.',
  ]);
  pen.y -= 8;
  // This paragraph runs on to the next page.
  paragraph(pen, ['Cross-border trade grew fastest among sellers of', 'woven cloth, who kept relying on their extended'], false);

  const second = pdf.addPage([420, 595]);
  pageFurniture(second, font, 2);
  pen.page = second;
  pen.y = 530;
  paragraph(pen, ['family networks for the last mile of delivery.']);
  second.drawText('Findings', { x: LEFT, y: pen.y - 14, size: 14, font });
  pen.y -= 36;
  paragraph(pen, ['Most sellers said trust mattered more than price.']);
  return pdf.save();
}

describe('pdf', () => {
  it('rebuilds headings and paragraphs, repairs hyphenation and drops running heads and page numbers', async () => {
    const doc = await extractBuffer(await studyPdf(), 'market-study.pdf');
    expect(outline(doc)).toEqual([
      'h1 Digital Trade at the Neighbourhood Market',
      'h3 INTRODUCTION',
      'p Small sellers moved their stalls online once cheap phones arrived and the new digital payment rails made cross-border orders a routine matter for most of them.',
      'p Cross-border trade grew fastest among sellers of woven cloth, who kept relying on their extended family networks for the last mile of delivery.',
      'h2 Findings',
      'p Most sellers said trust mattered more than price.',
    ]);
    expect(doc).toMatchObject({ format: 'pdf', title: 'Digital Trade at the Neighbourhood Market' });
  });

  it('leaves the caller’s bytes intact and gives the same result every time', async () => {
    const bytes = await studyPdf();
    const length = bytes.byteLength;
    const first = await extractBuffer(bytes, 'a.pdf');
    expect(bytes.byteLength).toBe(length);
    expect(await extractBuffer(bytes, 'a.pdf')).toEqual(first);
  });

  it('refuses files that are not PDFs, damaged PDFs and PDFs without text', async () => {
    const html = await appErrorOf(() => extractBuffer(new TextEncoder().encode('<html>not a pdf</html>'), 'paper.pdf'));
    expect(html).toMatchObject({ code: 'UNREADABLE', message: "'paper.pdf' is not a PDF file (it does not start with a PDF header)." });

    const damaged = await appErrorOf(() => extractBuffer(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'), 'broken.pdf'));
    expect(damaged).toMatchObject({ code: 'UNREADABLE', message: "'broken.pdf' is not a valid PDF file (it is damaged or incomplete)." });

    const blank = await PDFDocument.create();
    blank.addPage();
    const scanned = await appErrorOf(async () => extractBuffer(await blank.save(), 'scan.pdf'));
    expect(scanned).toMatchObject({ code: 'UNREADABLE' });
    expect(scanned.message).toMatch(/^'scan\.pdf' has no text layer/);
  });

  it('leaves out text set at an angle, such as a repository stamp up the margin', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([420, 595]);
    page.drawText('arXiv:2412.01234v2 [cs.DL] 3 Dec 2024', { x: 20, y: 150, size: 14, font, rotate: degrees(90) });
    page.drawText('Sellers kept ledgers of every crate.', { x: 60, y: 500, size: 11, font });
    expect(outline(await extractBuffer(await doc.save(), 'stamped.pdf'))).toEqual(['p Sellers kept ledgers of every crate.']);
  });

  it('reads a URL set in a fixed-pitch font as one word', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([420, 595]);
    page.drawText('Data at https://example.org/tidy-data.csv for all.', { x: 40, y: 500, size: 10, font: await doc.embedFont(StandardFonts.Courier) });
    expect(outline(await extractBuffer(await doc.save(), 'courier.pdf'))).toEqual(['p Data at https://example.org/tidy-data.csv for all.']);
  });

  it('sizes a Type 3 font by its glyphs, as old TeX output needs, so its words are not spelt letter by letter', async () => {
    // Glyphs are boxes as tall as capitals (690 of 1,000 units); the font matrix and a 0.22 Tf make an 11-point em.
    const letters = ['D', 'E', 'H', 'L', 'N', 'O', 'R', 'W'];
    const codes = letters.map((l) => l.charCodeAt(0));
    const widths = Array.from({ length: 88 - 32 }, (_, i) => (i === 0 ? 300 : 600));
    const type3 = pdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] /FontMatrix [0.05 0 0 0.05 0 0] /CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [32 /space ${letters
        .map((l, i) => `${codes[i]} /${l}`)
        .join(' ')}] >> /FirstChar 32 /LastChar 87 /Widths [${widths.join(' ')}] /Resources << >> >>`,
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
      stream('BT /F1 0.22 Tf 72 700 Td (HELLO WORLD) Tj 0 -14 Td (HOLD ON) Tj ET'),
      `<< /space 7 0 R ${letters.map((l) => `/${l} 8 0 R`).join(' ')} >>`,
      stream('300 0 d0'),
      stream('600 0 0 0 600 690 d1 50 0 500 690 re f'),
    ]);
    expect(outline(await extractBuffer(type3, 'type3.pdf'))).toEqual(['p HELLO WORLD HOLD ON']);
  });
});
