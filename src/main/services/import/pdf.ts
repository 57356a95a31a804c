import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../../shared/api/errors';
import { checkTextLength, fileError } from './document';
import { MAX_PDF_PAGES, count } from './limits';
import { linesToBlocks, type PdfLine } from './pdf-layout';
import type { Block, ReportProgress } from './types';

// Loaded on first use: pdf.js is large and most sessions never import a PDF.
let pdfjsModule: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  return (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

function isTextItem(item: TextContent['items'][number]): item is TextItem {
  return 'str' in item;
}

/** Where a new text item starts a new line: it sits on another baseline or jumps back left. */
function startsNewLine(line: PdfLine, x: number, y: number, size: number): boolean {
  // Half a font size keeps superscripts (raised about a third) on their line.
  return Math.abs(y - line.y) > 0.5 * Math.max(size, line.size) || x < line.right - size;
}

/** Rebuilds the page's lines from positioned text items, in content-stream order. */
export function itemsToLines(items: readonly TextItem[], page: number): PdfLine[] {
  const lines: (PdfLine & { sizeChars: number })[] = [];
  let line: (typeof lines)[number] | undefined;
  for (const item of items) {
    if (!item.str || item.dir === 'ttb') continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(c, d) || item.height;
    if (!line || startsNewLine(line, x, y, size)) {
      line = { text: item.str, page, x, right: x + item.width, y, size, sizeChars: item.str.length };
      lines.push(line);
      continue;
    }
    // PDFs often position words instead of writing spaces; a visible gap is a space.
    const gap = x - line.right;
    if (gap > 0.15 * size && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
    line.text += item.str;
    line.right = Math.max(line.right, x + item.width);
    // The line's size is that of most of its characters, not of a superscript or drop cap.
    if (item.str.length > line.sizeChars) {
      line.size = size;
      line.sizeChars = item.str.length;
    }
  }
  return lines
    .map(({ sizeChars: _sizeChars, ...rest }) => ({ ...rest, text: rest.text.replace(/\s+/g, ' ').trim() }))
    .filter((candidate) => candidate.text);
}

const PDF_SIGNATURE = '%PDF-';

function hasPdfSignature(bytes: Uint8Array): boolean {
  // The header may follow a little junk, which readers tolerate.
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes(PDF_SIGNATURE);
}

/** Headings and paragraphs of a PDF's text layer; reports each page read. */
export async function pdfToBlocks(bytes: Uint8Array, fileName: string, report: ReportProgress = () => {}): Promise<Block[]> {
  if (!hasPdfSignature(bytes)) throw fileError('UNREADABLE', fileName, 'is not a PDF file (it does not start with a PDF header).');
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of (detaches) the buffer it is given, and the caller keeps theirs.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const lines: PdfLine[] = [];
  try {
    const pdf = await task.promise;
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw fileError('UNSUPPORTED', fileName, `has ${count(pdf.numPages)} pages; Quarry imports PDFs of up to ${count(MAX_PDF_PAGES)} pages. Split it (by chapter, say) and import the parts.`);
    }
    let characters = 0;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      for (const line of itemsToLines(content.items.filter(isTextItem), number)) {
        lines.push(line);
        characters += line.text.length + 1;
      }
      page.cleanup();
      checkTextLength(characters, fileName);
      report({ done: number, total: pdf.numPages, label: `Reading page ${number} of ${pdf.numPages}` });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as Error | undefined)?.name === 'PasswordException') throw fileError('UNREADABLE', fileName, 'is protected by a password; remove the protection and import it again.', error);
    throw fileError('UNREADABLE', fileName, 'is not a valid PDF file (it is damaged or incomplete).', error);
  } finally {
    await task.destroy();
  }
  if (lines.length === 0) throw fileError('UNREADABLE', fileName, 'has no text layer (it may be a scanned image); run it through OCR and import the result.');
  return linesToBlocks(lines);
}
