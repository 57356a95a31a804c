import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setImmediate as turn } from 'node:timers/promises';
import { AppError } from '../../../shared/api/errors';
import { checkTextLength, fileError, tooMuchMemory } from './document';
import { MAX_PDF_PAGES, count } from './limits';
import { linesToBlocks, type PdfLine } from './pdf-layout';
import type { Block, ReportProgress } from './types';

// A PDF's text is read with PDFium, the PDF engine of Chromium, compiled to WebAssembly
// (@embedpdf/pdfium). It reads a page's text about four times faster than pdf.js did, which
// matters when a literature folder of hundreds of papers is imported, and it has been fuzzed
// against hostile files for years. Each parser worker holds one instance; its memory is the
// WebAssembly memory, which the worker reports with its own (see workers/serve.ts).

/** The functions of PDFium's C API that this file calls, as the WebAssembly module exports them. */
interface PdfiumApi {
  /** The module's WebAssembly memory: its buffer is replaced whenever the memory grows. */
  memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_CloseDocument(doc: number): void;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetCharBox(textPage: number, index: number, left: number, right: number, bottom: number, top: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFTextObj_GetFont(textObject: number): number;
  FPDFFont_GetFlags(font: number): number;
}

// FPDF_GetLastError's codes (fpdfview.h).
const PASSWORD_ERROR = 4;
const SECURITY_ERROR = 5;
// The FixedPitch bit of a font descriptor's flags (PDF 32000-1, 9.8.2).
const FIXED_PITCH = 1;
// An instance whose memory grew past this on a large file is dropped after it, so an idle
// worker does not keep the high-water mark; starting a new one takes about 40 ms.
const KEEP_ENGINE_BELOW_BYTES = 256 * 1024 * 1024;

let engine: Promise<PdfiumApi> | undefined;
// What PDFium wrote to stderr while reading the current file: when it aborts, this says
// whether its memory ran out (it writes that, then that it aborted).
let complaints = '';

/** Starts PDFium on first use: most sessions never import a PDF. */
function pdfium(): Promise<PdfiumApi> {
  return (engine ??= (async () => {
    const require = createRequire(import.meta.url);
    const { init } = await import('@embedpdf/pdfium');
    const module = await init({
      wasmBinary: (await readFile(require.resolve('@embedpdf/pdfium/pdfium.wasm'))).buffer,
      print: () => {},
      printErr: (text: string) => {
        complaints = `${complaints}\n${text}`.slice(-2000);
      },
    });
    module.PDFiumExt_Init();
    return module.pdfium.wasmExports as unknown as PdfiumApi;
  })());
}

const PDF_SIGNATURE = '%PDF-';

function hasPdfSignature(bytes: Uint8Array): boolean {
  // The header may follow a little junk, which readers tolerate.
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes(PDF_SIGNATURE);
}

/** Where a new character starts a new line: it sits on another baseline or jumps back left. */
function startsNewLine(line: PdfLine, x: number, y: number, size: number): boolean {
  // Half a font size keeps superscripts (raised about a third) on their line.
  return Math.abs(y - line.y) > 0.5 * Math.max(size, line.size) || x < line.right - size;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0xa0 || (code >= 0x09 && code <= 0x0d) || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;

// PDFium writes a hyphen that ends a line as this code (and marks it with FPDFText_IsHyphen).
const LINE_END_HYPHEN = 0x02;

/**
 * A character as text: ligatures (ﬁ, ﬂ ...) are spelt out; a line-end hyphen is a hyphen again,
 * for the layout to decide whether it splits a word; codes that name no character are dropped.
 */
function glyphText(code: number): string {
  if (code === LINE_END_HYPHEN) return '-';
  if (code < 0x20 || code === 0xfffe || code === 0xffff || code > 0x10ffff) return '';
  const text = String.fromCodePoint(code);
  return code >= 0xfb00 && code <= 0xfb06 ? text.normalize('NFKC') : text;
}

/**
 * The characters PDFium read from a page, a column per property: their text, baseline origin,
 * right edge, ink height and font size (PDF user space), font, and whether a space precedes
 * them. Columns, not an object per character: one page may hold a million characters.
 */
class Glyphs {
  length = 0;
  readonly text: string[] = [];
  x = new Float64Array(1024);
  y = new Float64Array(1024);
  right = new Float64Array(1024);
  inkHeight = new Float64Array(1024);
  size = new Float64Array(1024);
  font = new Float64Array(1024);
  spaceBefore = new Uint8Array(1024);

  push(text: string, x: number, y: number, right: number, inkHeight: number, size: number, font: number, spaceBefore: boolean): void {
    if (this.length === this.x.length) this.grow();
    const i = this.length++;
    this.text.push(text);
    this.x[i] = x;
    this.y[i] = y;
    this.right[i] = right;
    this.inkHeight[i] = inkHeight;
    this.size[i] = size;
    this.font[i] = font;
    this.spaceBefore[i] = spaceBefore ? 1 : 0;
  }

  private grow(): void {
    const wider = <T extends Float64Array | Uint8Array>(column: T): T => {
      const next = new (column.constructor as new (n: number) => T)(column.length * 2);
      next.set(column);
      return next;
    };
    this.x = wider(this.x);
    this.y = wider(this.y);
    this.right = wider(this.right);
    this.inkHeight = wider(this.inkHeight);
    this.size = wider(this.size);
    this.font = wider(this.font);
    this.spaceBefore = wider(this.spaceBefore);
  }
}

// The ink height of some glyphs as a share of the font size, alike in the common text faces
// (Computer Modern, Times, Helvetica ...): flat capitals and digits, ascenders, and x-height letters.
const INK_SHARE: Record<string, number> = {};
for (const c of 'EFHIKLMNTUVWXYZ0123456789') INK_SHARE[c] = 0.69;
for (const c of 'bdhkl') INK_SHARE[c] = 0.7;
for (const c of 'xzvwunmr') INK_SHARE[c] = 0.45;
// Readable type in user space (points) lies within these; PDFium gives sizes outside them for
// Type 3 fonts (old TeX output), whose glyph scale it leaves out of the size.
const PLAUSIBLE_SIZE = { min: 2, max: 300 };

/** Each font's size as the ink of its glyphs shows it, for fonts whose stated size is implausible (Type 3). */
function repairSizes(glyphs: Glyphs): void {
  const implausible = new Map<number, number[]>();
  const tallest = new Map<number, number>();
  for (let i = 0; i < glyphs.length; i++) {
    const size = glyphs.size[i]!;
    if (size >= PLAUSIBLE_SIZE.min && size <= PLAUSIBLE_SIZE.max) continue;
    const font = glyphs.font[i]!;
    const scales = implausible.get(font) ?? [];
    implausible.set(font, scales);
    const share = INK_SHARE[glyphs.text[i]!];
    if (share && glyphs.inkHeight[i]! > 0) scales.push(glyphs.inkHeight[i]! / share / size);
    tallest.set(font, Math.max(tallest.get(font) ?? 0, glyphs.inkHeight[i]! / size));
  }
  if (implausible.size === 0) return;
  const scaleOf = new Map<number, number>();
  for (const [font, scales] of implausible) {
    scales.sort((a, b) => a - b);
    // A font with no glyph to measure (symbols only) takes its tallest ink as the size.
    scaleOf.set(font, scales[Math.floor(scales.length / 2)] ?? tallest.get(font)!);
  }
  for (let i = 0; i < glyphs.length; i++) {
    const scale = scaleOf.get(glyphs.font[i]!);
    if (scale !== undefined && Number.isFinite(scale) && scale > 0) glyphs.size[i]! *= scale;
  }
}

let views: { buffer: ArrayBuffer; at: number; f64: Float64Array; f32: Float32Array } | undefined;

/** The scratch area PDFium writes its answers to, as doubles and floats; made again only when the memory grows. */
function results(api: PdfiumApi, scratch: number): { f64: Float64Array; f32: Float32Array } {
  const buffer = api.memory.buffer;
  if (views === undefined || views.buffer !== buffer || views.at !== scratch) {
    views = { buffer, at: scratch, f64: new Float64Array(buffer, scratch, 6), f32: new Float32Array(buffer, scratch, 12) };
  }
  return views;
}

/** A page's characters in content-stream order; text set at an angle (margin stamps, rotated table heads) is left out. */
function pageGlyphs(api: PdfiumApi, textPage: number, scratch: number): Glyphs {
  const glyphs = new Glyphs();
  let object = -1;
  let size = 0;
  let font = 0;
  let upright = true;
  let fixedPitch = false;
  let spaceWanted = false;
  const chars = api.FPDFText_CountChars(textPage);
  for (let index = 0; index < chars; index++) {
    const code = api.FPDFText_GetUnicode(textPage, index);
    // A space the PDF writes separates words, and so does one PDFium infers from how words are
    // placed, except in a fixed-pitch font: there it takes the room beside a narrow glyph (the
    // dot in a URL set in Courier) for a space, and the gap rule (glyphsToLines) decides alone.
    // Line breaks are decided by position.
    if (isSpace(code)) {
      if (!fixedPitch || !api.FPDFText_IsGenerated(textPage, index)) spaceWanted = true;
      continue;
    }
    const text = glyphText(code);
    if (!text) continue;
    const textObject = api.FPDFText_GetTextObject(textPage, index);
    if (textObject !== object) {
      object = textObject;
      api.FPDFText_GetMatrix(textPage, index, scratch);
      const [a = 1, b = 0, c = 0, d = 1] = results(api, scratch).f32;
      upright = a > 0 && Math.abs(b) <= 0.05 * a && Math.abs(c) <= 0.05 * Math.abs(d);
      size = api.FPDFText_GetFontSize(textPage, index) * Math.hypot(c, d);
      font = textObject ? api.FPDFTextObj_GetFont(textObject) : 0;
      fixedPitch = font !== 0 && (api.FPDFFont_GetFlags(font) & FIXED_PITCH) !== 0;
    }
    if (!upright || !(size > 0)) continue;
    // The loose box spans the glyph's advance, as a typesetter places it: the gap to the next
    // glyph is a space or not by that, whatever the ink (a period in a monospaced font).
    api.FPDFText_GetCharOrigin(textPage, index, scratch, scratch + 8);
    api.FPDFText_GetLooseCharBox(textPage, index, scratch + 16);
    const out = results(api, scratch);
    const x = out.f64[0]!;
    const y = out.f64[1]!;
    const left = out.f32[4]!;
    const right = out.f32[6]!;
    // The ink is measured only where the size must be found from it (see repairSizes).
    let inkHeight = 0;
    if (size < PLAUSIBLE_SIZE.min || size > PLAUSIBLE_SIZE.max) {
      api.FPDFText_GetCharBox(textPage, index, scratch + 16, scratch + 24, scratch + 32, scratch + 40);
      inkHeight = results(api, scratch).f64[5]! - results(api, scratch).f64[4]!;
    }
    const start = Math.min(x, left);
    glyphs.push(text, start, y, Math.max(right, start), inkHeight, size, font, spaceWanted);
    spaceWanted = false;
  }
  return glyphs;
}

/** Rebuilds a page's lines from its glyphs: a line ends where the next glyph sits on another baseline or jumps back left. */
function glyphsToLines(glyphs: Glyphs, page: number): PdfLine[] {
  const lines: (PdfLine & { sizeChars: number; runSize: number; runChars: number })[] = [];
  let line: (typeof lines)[number] | undefined;
  for (let i = 0; i < glyphs.length; i++) {
    const text = glyphs.text[i]!;
    const x = glyphs.x[i]!;
    const y = glyphs.y[i]!;
    const right = glyphs.right[i]!;
    const size = glyphs.size[i]!;
    if (!line || startsNewLine(line, x, y, size)) {
      line = { text, page, x, right, y, size, sizeChars: 0, runSize: size, runChars: 1 };
      lines.push(line);
    } else {
      // PDFs often position words instead of writing spaces; a visible gap is a space.
      if ((glyphs.spaceBefore[i] || x - line.right > 0.15 * size) && !line.text.endsWith(' ')) line.text += ' ';
      line.text += text;
      line.right = Math.max(line.right, right);
      if (size === line.runSize) line.runChars++;
      else {
        line.runSize = size;
        line.runChars = 1;
      }
    }
    // The line's size is that of most of its characters, not of a superscript or drop cap.
    if (line.runChars > line.sizeChars) {
      line.size = line.runSize;
      line.sizeChars = line.runChars;
    }
  }
  return lines
    .map(({ sizeChars: _sizeChars, runSize: _runSize, runChars: _runChars, ...rest }) => ({ ...rest, text: rest.text.trim() }))
    .filter((candidate) => candidate.text);
}

/** Why PDFium could not open a document, in the user's words. */
function openError(api: PdfiumApi, fileName: string): AppError {
  switch (api.FPDF_GetLastError()) {
    case PASSWORD_ERROR:
      return fileError('UNREADABLE', fileName, 'is protected by a password; remove the protection and import it again.');
    case SECURITY_ERROR:
      return fileError('UNREADABLE', fileName, 'is encrypted in a way Quarry cannot read; save an unprotected copy and import that.');
    default:
      return fileError('UNREADABLE', fileName, 'is not a valid PDF file (it is damaged or incomplete).');
  }
}

/** Headings and paragraphs of a PDF's text layer; reports each page read. */
export async function pdfToBlocks(bytes: Uint8Array, fileName: string, report: ReportProgress = () => {}): Promise<Block[]> {
  if (!hasPdfSignature(bytes)) throw fileError('UNREADABLE', fileName, 'is not a PDF file (it does not start with a PDF header).');
  const api = await pdfium();
  complaints = '';
  const data = api.malloc(bytes.byteLength);
  const scratch = api.malloc(48);
  if (!data || !scratch) throw fileError('UNREADABLE', fileName, 'is too large to read at once: split it into parts and import those.');
  // PDFium reads the copy in its own memory; the caller keeps their bytes.
  new Uint8Array(api.memory.buffer, data, bytes.byteLength).set(bytes);
  const lines: PdfLine[] = [];
  let doc = 0;
  let aborted = false;
  try {
    doc = api.FPDF_LoadMemDocument(data, bytes.byteLength, 0);
    if (!doc) throw openError(api, fileName);
    const pages = api.FPDF_GetPageCount(doc);
    if (pages > MAX_PDF_PAGES) {
      throw fileError('UNSUPPORTED', fileName, `has ${count(pages)} pages; Quarry imports PDFs of up to ${count(MAX_PDF_PAGES)} pages. Split it (by chapter, say) and import the parts.`);
    }
    let characters = 0;
    for (let number = 1; number <= pages; number++) {
      // A page PDFium cannot load is damaged; the others are still worth reading.
      const page = api.FPDF_LoadPage(doc, number - 1);
      const textPage = page ? api.FPDFText_LoadPage(page) : 0;
      try {
        if (textPage) {
          const glyphs = pageGlyphs(api, textPage, scratch);
          repairSizes(glyphs);
          for (const line of glyphsToLines(glyphs, number)) {
            lines.push(line);
            characters += line.text.length + 1;
          }
        }
      } finally {
        if (textPage) api.FPDFText_ClosePage(textPage);
        if (page) api.FPDF_ClosePage(page);
      }
      checkTextLength(characters, fileName);
      report({ done: number, total: pages, label: `Reading page ${number} of ${pages}` });
      // A turn of the event loop between pages lets the worker report its memory.
      await turn();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // PDFium aborts (a WebAssembly RuntimeError) when its memory cannot grow further or its
    // state breaks; that instance is done with, and the next file starts a new one.
    aborted = true;
    engine = undefined;
    if (/enlarge memory|out of memory/i.test(`${complaints} ${error instanceof Error ? error.message : String(error)}`)) throw tooMuchMemory(fileName, error);
    throw fileError('UNREADABLE', fileName, 'is not a valid PDF file (it is damaged or incomplete).', error);
  } finally {
    // An aborted instance's memory is dropped whole; a working one frees what this file took.
    if (!aborted) {
      if (doc) api.FPDF_CloseDocument(doc);
      api.free(scratch);
      api.free(data);
      if (api.memory.buffer.byteLength > KEEP_ENGINE_BELOW_BYTES) engine = undefined;
    }
  }
  if (lines.length === 0) throw fileError('UNREADABLE', fileName, 'has no text layer (it may be a scanned image); run it through OCR and import the result.');
  return linesToBlocks(lines);
}
