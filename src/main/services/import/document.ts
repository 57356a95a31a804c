import { AppError, type ErrorCode } from '../../../shared/api/errors';
import type { TextMark } from '../../../shared/domain/model';
import { MAX_SOURCE_CHARS, count } from './limits';
import type { Block, BlockMark, ExtractedDocument, ExtractedPassage, SourceFormat } from './types';

export const PASSAGE_SEPARATOR = '\n\n';

/** The last path segment, so messages name the file the user picked, not where it lives. */
export function displayName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function stem(fileName: string): string {
  const name = displayName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Refuses a source whose text has grown past MAX_SOURCE_CHARS; readers call it as the text grows, to stop early. */
export function checkTextLength(length: number, fileName: string): void {
  if (length <= MAX_SOURCE_CHARS) return;
  throw fileError(
    'UNSUPPORTED',
    fileName,
    `holds more than ${count(MAX_SOURCE_CHARS)} characters of text, the most one source may hold in Quarry (about 4,000 pages); split it into parts and import those.`,
  );
}

/** An error whose message is one sentence about the file: `'notes.docx' ${predicate}` */
export function fileError(code: ErrorCode, fileName: string, predicate: string, cause?: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : undefined;
  return new AppError(code, `'${displayName(fileName)}' ${predicate}`, reason === undefined ? undefined : { reason });
}

// Soft hyphens and zero-width characters are invisible in every reader, and control
// characters (C0 except whitespace, DEL, C1) are debris from odd encodings; none of them
// may shift the offsets that codings point at, so they go before anything is counted.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]|[^\P{Cc}\s]/gu;

/** A line set in capitals ("INTRODUCTION"), which plain text and PDFs use for headings. */
/** The refusal of a file whose reading needed more memory than one file is given. */
export function tooMuchMemory(fileName: string, cause?: unknown): AppError {
  return fileError(
    'UNREADABLE',
    fileName,
    'needed more memory to read than Quarry gives one file, and was stopped; it may be damaged or built to exhaust memory (a decompression bomb), or too large: split it into parts and import those.',
    cause,
  );
}

export function isAllCaps(line: string): boolean {
  // Three letters are looked for, not counted: a line may be megabytes long.
  return !/\p{Ll}/u.test(line) && /^(?:\P{L}*\p{L}){3}/u.test(line);
}

/** Whitespace other than a line break. */
const isSpace = (c: string): boolean => c !== '\n' && /\s/.test(c);
const INVISIBLE_CHAR = new RegExp(`^(?:${INVISIBLE.source})$`, 'u');

/**
 * One passage's text: invisible characters removed, runs of spaces made one space, line breaks
 * kept (one for any run of them, without the spaces around it), trimmed, NFC.
 */
export function normaliseInline(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim()
    .normalize('NFC');
}

/**
 * normaliseInline for a block with emphasis: the same text, and each mark moved to where its
 * characters landed (a mark that covered only whitespace is dropped). Composed to NFC piece by
 * piece between mark boundaries, so a boundary never falls inside a composed character.
 */
function normaliseMarked(text: string, marks: readonly BlockMark[]): { text: string; marks: BlockMark[] } {
  // Where each input offset lands in the collapsed text, computed as normaliseInline collapses.
  const landed = new Int32Array(text.length + 1);
  let out = '';
  let pending: '' | ' ' | '\n' = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || isSpace(c)) {
      landed[i] = out.length;
      if (c === '\n') pending = '\n';
      else if (pending === '') pending = ' ';
      continue;
    }
    if (INVISIBLE_CHAR.test(c)) {
      landed[i] = out.length;
      continue;
    }
    if (out.length > 0 && pending !== '') out += pending;
    pending = '';
    landed[i] = out.length;
    out += c;
  }
  landed[text.length] = out.length;
  const moved = marks.map((m) => ({ ...m, start: landed[m.start]!, end: landed[m.end]! }));
  // Compose piece by piece, moving the boundaries by what composing each piece took away.
  const cuts = [...new Set([0, out.length, ...moved.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const at = new Map<number, number>([[0, 0]]);
  let composed = '';
  for (let i = 0; i + 1 < cuts.length; i++) {
    composed += out.slice(cuts[i], cuts[i + 1]).normalize('NFC');
    at.set(cuts[i + 1]!, composed.length);
  }
  const kept: BlockMark[] = [];
  for (const mark of moved) {
    let start = at.get(mark.start)!;
    let end = at.get(mark.end)!;
    while (start < end && /\s/.test(composed[start]!)) start++;
    while (end > start && /\s/.test(composed[end - 1]!)) end--;
    if (end > start) kept.push({ ...mark, start, end });
  }
  return { text: composed, marks: kept };
}

/**
 * Joins the blocks into the document text and records where each one landed. Every
 * format ends here, so the text model (and hence every stored offset) is the same for all.
 */
export function buildDocument(format: SourceFormat, fileName: string, blocks: readonly Block[]): ExtractedDocument {
  const parts: string[] = [];
  const passages: ExtractedPassage[] = [];
  const marks: TextMark[] = [];
  let length = 0;
  let title: string | undefined;
  for (const block of blocks) {
    const normalised = block.marks?.length ? normaliseMarked(block.text, block.marks) : { text: normaliseInline(block.text), marks: [] };
    const { text } = normalised;
    if (!text) continue;
    if (parts.length > 0) length += PASSAGE_SEPARATOR.length;
    checkTextLength(length + text.length, fileName);
    const heading = block.kind === 'heading';
    passages.push({
      kind: block.kind,
      level: heading ? Math.min(6, Math.max(1, block.level)) : block.kind === 'list-item' ? Math.max(1, block.level) : 0,
      start: length,
      end: length + text.length,
      marker: block.marker ?? null,
      speaker: block.speaker ?? null,
      timestamp: block.timestamp ?? null,
    });
    for (const mark of normalised.marks) marks.push({ kind: mark.kind, start: length + mark.start, end: length + mark.end, href: mark.href ?? null });
    parts.push(text);
    length += text.length;
    if (heading) title ??= text;
  }
  if (passages.length === 0) throw fileError('UNREADABLE', fileName, 'contains no text to import.');
  return { format, title: title ?? stem(fileName), text: parts.join(PASSAGE_SEPARATOR), passages, marks };
}
