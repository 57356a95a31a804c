import { AppError, type ErrorCode } from '../../../shared/api/errors';
import { MAX_SOURCE_CHARS, count } from './limits';
import type { Block, ExtractedDocument, ExtractedPassage, SourceFormat } from './types';

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
export function isAllCaps(line: string): boolean {
  // Three letters are looked for, not counted: a line may be megabytes long.
  return !/\p{Ll}/u.test(line) && /^(?:\P{L}*\p{L}){3}/u.test(line);
}

/** One passage's text: invisible characters removed, whitespace collapsed, trimmed, NFC. */
export function normaliseInline(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().normalize('NFC');
}

/**
 * Joins the blocks into the document text and records where each one landed. Every
 * format ends here, so the text model (and hence every stored offset) is the same for all.
 */
export function buildDocument(format: SourceFormat, fileName: string, blocks: readonly Block[]): ExtractedDocument {
  const parts: string[] = [];
  const passages: ExtractedPassage[] = [];
  let length = 0;
  let title: string | undefined;
  for (const block of blocks) {
    const text = normaliseInline(block.text);
    if (!text) continue;
    if (parts.length > 0) length += PASSAGE_SEPARATOR.length;
    checkTextLength(length + text.length, fileName);
    const heading = block.kind === 'heading';
    passages.push({ kind: block.kind, level: heading ? Math.min(6, Math.max(1, block.level)) : 0, start: length, end: length + text.length });
    parts.push(text);
    length += text.length;
    if (heading) title ??= text;
  }
  if (passages.length === 0) throw fileError('UNREADABLE', fileName, 'contains no text to import.');
  return { format, title: title ?? stem(fileName), text: parts.join(PASSAGE_SEPARATOR), passages };
}
