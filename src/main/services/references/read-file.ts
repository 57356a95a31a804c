// Reads a BibTeX/BibLaTeX, RIS or CSL-JSON file into CSL items with citation-js, one record at a
// time, so that a malformed record costs only itself: each part that cannot be read is listed
// with its line numbers and the reason, and everything else is imported.
import { AppError } from '../../../shared/api/errors';
import { cleanCsl, identityOf, type CslItem } from '../../../shared/domain/library';
import type { ReferenceFileFormat, SkippedPart } from '../../../shared/domain/library-import';
import { parseAs } from './citation-js';

export interface ReadRecord {
  /** 1-based line where the record starts. */
  line: number;
  csl: CslItem;
  /** Attached files as the record names them (a Zotero export's `file` field), relative to the file. */
  attachments: string[];
}

export interface ReadReferences {
  format: ReferenceFileFormat;
  records: ReadRecord[];
  skipped: SkippedPart[];
}

const EXTENSIONS: Record<string, ReferenceFileFormat> = { bib: 'bibtex', bibtex: 'bibtex', biblatex: 'bibtex', ris: 'ris', json: 'csl-json', csljson: 'csl-json' };

export function referenceFormatOf(fileName: string, text: string): ReferenceFileFormat {
  const extension = fileName.toLowerCase().match(/\.([a-z]+)$/)?.[1] ?? '';
  const byName = EXTENSIONS[extension];
  if (byName) return byName;
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'csl-json';
  if (/^TY {2}- /m.test(text)) return 'ris';
  if (/^\s*@[A-Za-z]+\s*[{(]/m.test(text)) return 'bibtex';
  throw new AppError('UNSUPPORTED', `${fileName} is not a reference file Quarry reads: give it as BibTeX or BibLaTeX (.bib), RIS (.ris) or CSL-JSON (.json).`);
}

export function readReferenceFile(fileName: string, text: string): ReadReferences {
  const clean = text.replace(/^\uFEFF/, '');
  const format = referenceFormatOf(fileName, clean);
  const read = format === 'bibtex' ? readBibtex(clean) : format === 'ris' ? readRis(clean) : readCslJson(clean);
  const records: ReadRecord[] = [];
  for (const record of read.records) {
    const identity = identityOf(record.csl);
    if (identity.title === '' && identity.authors.length === 0 && identity.doi === null) {
      read.skipped = read.skipped.filter((part) => !(part.kept && part.line === record.line));
      read.skipped.push({ line: record.line, endLine: record.line, reason: 'the record has no title, author or DOI to tell which work it is' });
    } else records.push({ ...record, csl: { ...record.csl, type: record.csl.type ?? 'document' } });
  }
  read.skipped.sort((a, b) => a.line - b.line || Number(a.kept ?? false) - Number(b.kept ?? false));
  return { format, records, skipped: read.skipped };
}

const lineAt = (lineStarts: number[], offset: number): number => {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
};

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** The first line of a parser's message, without the position it gives inside the text it was handed. */
const firstLine = (message: string) => message.split('\n')[0]!.trim().replace(/\s*at line \d+ col \d+:?$/, '').replace(/\.$/, '');

// ---------------------------------------------------------------- BibTeX and BibLaTeX

interface BibChunk {
  kind: 'entry' | 'string' | 'preamble';
  text: string;
  line: number;
  endLine: number;
}

/** `@type{` or `@type(` at the start of a line: where an entry begins, even inside an unclosed one. */
const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/;

/**
 * Cuts a .bib file into entries by their braces. An entry whose braces never balance runs into the
 * next line that starts an entry; it is skipped, and so is text outside any entry that looks like
 * a field (what is left of an entry closed too early). Other text outside entries is a comment.
 */
function splitBibtex(text: string): { chunks: BibChunk[]; skipped: SkippedPart[] } {
  const starts = lineStartsOf(text);
  const chunks: BibChunk[] = [];
  const skipped: SkippedPart[] = [];
  let i = 0;
  let outsideFrom = 0;
  const noteOutside = (from: number, to: number) => {
    const stray = text.slice(from, to);
    const field = stray.match(/^[ \t]*[A-Za-z][\w-]*[ \t]*=.*$/m);
    if (!field || field.index === undefined) return;
    const line = lineAt(starts, from + field.index);
    skipped.push({ line, endLine: lineAt(starts, from + stray.trimEnd().length), reason: `a field outside any entry (‘${field[0].trim().slice(0, 40)}’): the entry before it closes too early` });
  };
  while (i < text.length) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    const head = /^@([A-Za-z]+)[ \t\r\n]*([{(])/.exec(text.slice(at, at + 200));
    if (!head) {
      i = at + 1;
      continue;
    }
    noteOutside(outsideFrom, at);
    const type = head[1]!.toLowerCase();
    const close = head[2] === '{' ? '}' : ')';
    let depth = 0;
    let j = at + head[0].length - 1;
    let end = -1;
    let brokenAt = -1;
    for (; j < text.length; j++) {
      const ch = text[j];
      if (ch === '\n' && depth > 0 && ENTRY_START.test(text.slice(j + 1, j + 200)) && type !== 'comment') {
        brokenAt = j + 1;
        break;
      }
      if (ch === '{' || (close === ')' && ch === '(' && depth === 0)) depth++;
      else if (ch === '}' || (close === ')' && ch === ')' && depth === 1)) {
        depth--;
        if (depth === 0) {
          end = j + 1;
          break;
        }
      }
    }
    const line = lineAt(starts, at);
    if (end < 0) {
      const stop = brokenAt < 0 ? text.length : brokenAt;
      const key = text.slice(at, Math.min(stop, at + 120)).match(/^@[A-Za-z]+\s*[{(]\s*([^,\s]*)/)?.[1];
      skipped.push({
        line,
        endLine: lineAt(starts, at + Math.max(text.slice(at, stop).trimEnd().length - 1, 0)),
        reason: `@${type}${key ? `{${key}` : ''}: its braces do not balance (a ‘{’ is never closed), so the entry cannot be read`,
      });
      i = stop;
      outsideFrom = stop;
      continue;
    }
    if (type !== 'comment') {
      chunks.push({ kind: type === 'string' ? 'string' : type === 'preamble' ? 'preamble' : 'entry', text: text.slice(at, end), line, endLine: lineAt(starts, end - 1) });
    }
    i = end;
    outsideFrom = end;
  }
  noteOutside(outsideFrom, text.length);
  return { chunks, skipped };
}

/** Splits a BibTeX field value list on separators not escaped with a backslash. */
function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '\\' && i + 1 < value.length) {
      current += value[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

/**
 * The files a `file` field names. Zotero writes `files/12/Name.pdf` or, like JabRef and Mendeley,
 * `Description:path:mime-type`; several are separated by `;`, and `\:` `\;` are escaped.
 */
export function attachmentPaths(field: string | undefined): string[] {
  if (!field) return [];
  return splitUnescaped(field, ';')
    .map((part) => {
      const pieces = splitUnescaped(part, ':');
      if (pieces.length >= 3) return pieces.slice(1, -1).join(':');
      return part.replace(/\\(.)/g, '$1');
    })
    .map((path) => path.trim())
    .filter(Boolean);
}

/** The raw value of one field of an entry, braces or quotes taken off. */
function rawField(entry: string, name: string): string | undefined {
  const match = new RegExp(`[,{\\s]${name}\\s*=\\s*`, 'i').exec(entry);
  if (!match) return undefined;
  let i = match.index + match[0].length;
  const open = entry[i];
  if (open !== '{' && open !== '"') return entry.slice(i).match(/^[^,}\s]+/)?.[0];
  const closeChar = open === '{' ? '}' : '"';
  let depth = 0;
  const from = ++i;
  for (; i < entry.length; i++) {
    const ch = entry[i];
    if (ch === '{') depth++;
    else if (ch === '}' && depth > 0) depth--;
    else if (ch === closeChar && depth === 0) return entry.slice(from, i);
  }
  return undefined;
}

function readBibtex(text: string): { records: ReadRecord[]; skipped: SkippedPart[] } {
  const { chunks, skipped } = splitBibtex(text);
  const entries = chunks.filter((chunk) => chunk.kind === 'entry');
  const macros = chunks.filter((chunk) => chunk.kind === 'string').map((chunk) => chunk.text).join('\n');
  const record = (chunk: BibChunk, item: CslItem): ReadRecord => ({ line: chunk.line, csl: cleanCsl(item), attachments: attachmentPaths(rawField(chunk.text, 'file')) });

  // All at once when that works (fast, and crossref and @string see each other), else entry by entry.
  try {
    const items = parseAs(`${macros}\n${entries.map((chunk) => chunk.text).join('\n')}`, '@biblatex/text');
    if (items.length === entries.length) return { records: items.map((item, index) => record(entries[index]!, item as CslItem)), skipped };
  } catch {
    // some entry is unreadable: find it below
  }
  const records: ReadRecord[] = [];
  for (const chunk of entries) {
    try {
      const items = parseAs(`${macros}\n${chunk.text}`, '@biblatex/text');
      if (items.length === 1) records.push(record(chunk, items[0] as CslItem));
      else skipped.push({ line: chunk.line, endLine: chunk.endLine, reason: 'the entry could not be read as BibTeX' });
    } catch (error) {
      skipped.push({ line: chunk.line, endLine: chunk.endLine, reason: `the entry could not be read as BibTeX: ${firstLine((error as Error).message)}` });
    }
  }
  skipped.sort((a, b) => a.line - b.line);
  return { records, skipped };
}

// ---------------------------------------------------------------- RIS

const RIS_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;
/** Fields whose long values some exporters wrap onto lines without a tag. */
const RIS_WRAPPING = new Set(['AB', 'N1', 'N2', 'KW', 'T1', 'TI']);

interface RisRecord {
  line: number;
  lines: Array<{ line: number; tag: string; text: string }>;
}

function readRis(text: string): { records: ReadRecord[]; skipped: SkippedPart[] } {
  const lines = text.split(/\r\n|\r|\n/);
  const skipped: SkippedPart[] = [];
  const found: RisRecord[] = [];
  let current: RisRecord | null = null;
  const finish = (endLine: number, closed: boolean) => {
    if (!current) return;
    if (current.lines.length <= 1) skipped.push({ line: current.line, endLine, reason: `a record with no fields${closed ? '' : ' and no ‘ER  -’'}` });
    else {
      if (!closed) skipped.push({ line: current.line, endLine, reason: `the record has no ‘ER  -’ line; it was read up to line ${endLine}`, kept: true });
      found.push(current);
    }
    current = null;
  };
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const textLine = raw.replace(/\s+$/, '');
    if (textLine.trim() === '') return;
    const match = RIS_LINE.exec(textLine) ?? RIS_LINE.exec(`${textLine} `.replace(/ {2}- $/, '  - '));
    if (match?.[1] === 'TY') {
      finish(lineNo - 1, false);
      current = { line: lineNo, lines: [{ line: lineNo, tag: 'TY', text: textLine }] };
      return;
    }
    if (match?.[1] === 'ER') {
      if (current) finish(lineNo, true);
      else skipped.push({ line: lineNo, endLine: lineNo, reason: '‘ER  -’ with no record open' });
      return;
    }
    if (!current) {
      skipped.push({ line: lineNo, endLine: lineNo, reason: `outside any record (a record starts with ‘TY  -’): ‘${textLine.trim().slice(0, 40)}’` });
      return;
    }
    const record: RisRecord = current;
    if (match) record.lines.push({ line: lineNo, tag: match[1]!, text: textLine });
    else {
      const previous = record.lines[record.lines.length - 1]!;
      if (RIS_WRAPPING.has(previous.tag)) previous.text += ` ${textLine.trim()}`;
      else skipped.push({ line: lineNo, endLine: lineNo, reason: `not a RIS field (‘XX  - value’): ‘${textLine.trim().slice(0, 40)}’` });
    }
  });
  finish(lines.length, false);

  const records: ReadRecord[] = [];
  for (const record of found) {
    const risText = (fields: RisRecord['lines']) => `${fields.map((f) => f.text).join('\n')}\nER  - \n`;
    try {
      records.push(risRecord(record.line, parseAs(risText(record.lines), '@ris/file')));
      continue;
    } catch {
      // read the record field by field below, leaving out each field citation-js cannot read
    }
    const [type, ...rest] = record.lines;
    const kept = [type!];
    for (const field of rest) {
      try {
        parseAs(risText([...kept, field]), '@ris/file');
        kept.push(field);
      } catch (error) {
        const same = kept.find((k) => k.tag === field.tag);
        const why = same ? `a second ${field.tag} field, where the one on line ${same.line} was read` : firstLine((error as Error).message);
        skipped.push({ line: field.line, endLine: field.line, reason: `‘${field.text.trim().slice(0, 40)}’ could not be read (${why}); the field was left out` });
      }
    }
    records.push(risRecord(record.line, parseAs(risText(kept), '@ris/file')));
  }
  skipped.sort((a, b) => a.line - b.line);
  return { records, skipped };
}

function risRecord(line: number, items: unknown[]): ReadRecord {
  const item = items[0] as CslItem;
  return { line, csl: cleanCsl(item), attachments: [] };
}

// ---------------------------------------------------------------- CSL-JSON

/** Offsets where each element of the top-level array starts, found without parsing the values. */
function elementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (expecting && !/\s/.test(ch)) {
      offsets.push(i);
      expecting = false;
    }
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expecting = ch === '[';
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expecting = true;
  }
  return offsets;
}

function readCslJson(text: string): { records: ReadRecord[]; skipped: SkippedPart[] } {
  const starts = lineStartsOf(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = Number((error as Error).message.match(/position (\d+)/)?.[1] ?? 0);
    const line = lineAt(starts, position);
    return { records: [], skipped: [{ line, endLine: line, reason: `the file is not valid JSON: ${firstLine((error as Error).message)}` }] };
  }
  const wrapped = !Array.isArray(data) && typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items);
  const items: unknown[] = Array.isArray(data) ? data : wrapped ? (data as { items: unknown[] }).items : [data];
  const offsets = Array.isArray(data) ? elementOffsets(text) : [];
  const records: ReadRecord[] = [];
  const skipped: SkippedPart[] = [];
  items.forEach((item, index) => {
    const line = offsets[index] === undefined ? 1 : lineAt(starts, offsets[index]!);
    if (typeof item !== 'object' || item === null || Array.isArray(item) || !('title' in item || 'type' in item)) {
      skipped.push({ line, endLine: line, reason: `item ${index + 1} is not a CSL-JSON reference (an object with at least a type or a title)` });
      return;
    }
    const { file, ...fields } = item as Record<string, unknown>;
    try {
      const [parsed] = parseAs([{ id: `item-${index}`, ...fields }], '@csl/list+object');
      const attachments = typeof file === 'string' ? attachmentPaths(file) : Array.isArray(file) ? file.filter((f): f is string => typeof f === 'string') : [];
      const csl = cleanCsl(parsed as CslItem);
      if (typeof fields.id === 'string' && !csl['citation-key']) csl['citation-key'] = fields.id;
      records.push({ line, csl, attachments });
    } catch (error) {
      skipped.push({ line, endLine: line, reason: `item ${index + 1} could not be read: ${firstLine((error as Error).message)}` });
    }
  });
  return { records, skipped };
}
