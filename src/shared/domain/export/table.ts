// Tables as every spreadsheet-like export writes them: coded segments, the codebook, and the
// displays' tables (src/shared/domain/display/render.ts), through one CSV writer and the XLSX one.
import { codePath } from '../code-tree';
import type { Code } from '../model';

export type TableValue = string | number | null;

/** A sheet: a name (the XLSX tab), column headings, and rows of values. */
export interface Table {
  name: string;
  header: string[];
  rows: TableValue[][];
}

/**
 * RFC 4180: fields separated by commas, records by CRLF; a field holding a comma, quote, CR or LF
 * is quoted, quotes doubled. Text that a spreadsheet would run as a formula (starting with = + @,
 * or - before something other than a space or a letter) gets a leading ' so it is shown as text;
 * the XLSX export keeps every text exactly, as string cells.
 */
export function toCsv(table: Pick<Table, 'header' | 'rows'>): string {
  const field = (value: TableValue): string => {
    if (value === null) return '';
    let text = String(value);
    if (typeof value === 'string' && /^(?:[=+@\t\r]|-[^\s\p{L}])/u.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [table.header, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** One coded segment with everything a spreadsheet of segments shows. */
export interface SegmentRow {
  source: string;
  codePath: string;
  text: string;
  start: number;
  end: number;
  coder: string;
  memo: string;
  summary: string;
  cases: string[];
  /** The source's attributes and its cases' attributes, name = value. */
  attributes: Array<{ name: string; value: string }>;
}

export function segmentsTable(segments: readonly SegmentRow[]): Table {
  return {
    name: 'Coded segments',
    header: ['Source', 'Code', 'Text', 'Start', 'End', 'Coder', 'Memo', 'Summary', 'Case', 'Attributes'],
    rows: segments.map((s) => [
      s.source,
      s.codePath,
      s.text,
      s.start,
      s.end,
      s.coder,
      s.memo,
      s.summary,
      s.cases.join('; '),
      s.attributes.map((a) => `${a.name} = ${a.value}`).join('; '),
    ]),
  };
}

/** The codebook as a table: one row per code in tree order. */
export interface CodebookCode extends Code {
  inclusion: string;
  exclusion: string;
  example: string;
}

export function codebookTable(codes: readonly CodebookCode[]): Table {
  return {
    name: 'Codebook',
    header: ['Code', 'Name', 'Parent', 'Colour', 'Definition', 'Include when', 'Exclude when', 'Example', 'Codings'],
    rows: codes.map((code) => {
      const parent = code.parentId ? codes.find((c) => c.id === code.parentId) : undefined;
      return [codePath(codes, code.id), code.name, parent ? codePath(codes, parent.id) : '', code.color, code.definition, code.inclusion, code.exclusion, code.example, code.codingCount];
    }),
  };
}
