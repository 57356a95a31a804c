// Matrix displays (Miles & Huberman's Display stage): codes down the side in the codebook's
// shape, and across the top sources, cases, the values of an attribute, or codes again
// (co-occurrence). Each cell counts the coded segments of its row that fall in its column,
// the sources they come from, or the share of the column's characters they cover.
import { allNodes, buildCodeTree } from '../code-tree';
import type { Code } from '../model';
import { coveredLength, firstEndingAfter, intersectionLength, intersectSpans, mergeSpans, overlapsAny, spansLength, type Span } from './spans';

export const matrixMeasures = ['segments', 'sources', 'coverage'] as const;
export type MatrixMeasure = (typeof matrixMeasures)[number];
export const matrixMeasureLabels: Record<MatrixMeasure, string> = {
  segments: 'Coded segments',
  sources: 'Sources',
  coverage: 'Coverage (share of characters)',
};

/** How a screen reader hears a cell: "3 coded segments", "1 source", "12% coverage". */
export function measureUnit(measure: MatrixMeasure, value: number): string {
  if (measure === 'coverage') return 'coverage';
  const one = value === 1;
  return measure === 'segments' ? (one ? 'coded segment' : 'coded segments') : one ? 'source' : 'sources';
}

export const matrixColumnKinds = ['sources', 'cases', 'attribute', 'codes'] as const;
export type MatrixColumnKind = (typeof matrixColumnKinds)[number];
export const matrixColumnLabels: Record<MatrixColumnKind, string> = {
  sources: 'Code × source',
  cases: 'Code × case',
  attribute: 'Code × attribute value',
  codes: 'Code × code (co-occurrence)',
};

/** Two codes co-occur where their codings overlap, or (more loosely) where they lie in the same passage. */
export const cooccurrenceModes = ['overlap', 'passage'] as const;
export type CooccurrenceMode = (typeof cooccurrenceModes)[number];

export interface AttributeFilter {
  name: string;
  value: string;
}

/** What a matrix shows. */
export interface MatrixSpec {
  columns: MatrixColumnKind;
  measure: MatrixMeasure;
  /** With columns 'attribute': the attribute whose values are the columns (country, role …). */
  attribute?: string;
  /** With columns 'codes': overlapping codings, or codings in the same passage. */
  cooccurrence?: CooccurrenceMode;
  /** Cuts the matrix to the sources and cases holding this attribute value. */
  filter?: AttributeFilter | null;
}

/** A span of one source; a whole source is the span from 0 to its length. */
export interface Region extends Span {
  sourceId: string;
}

export interface MatrixCoding extends Span {
  id: string;
  codeId: string;
  sourceId: string;
}

/** Everything a matrix counts, read from the project by the display area's repository. */
export interface MatrixFacts {
  codes: readonly Code[];
  codings: readonly MatrixCoding[];
  /** For region columns (sources, cases, attribute values): each column's label and the text it holds. */
  columns: ReadonlyArray<{ key: string; label: string; regions: readonly Region[] }>;
  /** The regions an attribute filter leaves, or null for the whole project. */
  filter: readonly Region[] | null;
  /** Every passage, for co-occurrence within a passage. */
  passages: readonly Region[];
}

/** A row or column heading. Rows (and co-occurrence columns) follow the code tree. */
export interface MatrixHead {
  key: string;
  label: string;
  codeId: string | null;
  color: string | null;
  depth: number;
  /** The heading it folds into when its parent is collapsed. */
  parentKey: string | null;
  /** A parent code: its own codings and every sub-code's. */
  aggregate: boolean;
}

export interface Matrix {
  spec: MatrixSpec;
  rows: MatrixHead[];
  columns: MatrixHead[];
  /** Non-zero cells as [row, column, value]; coverage is a share between 0 and 1. */
  cells: Array<[number, number, number]>;
  /** Cells that compare a code with itself (co-occurrence of a code and its own sub-codes): no value. */
  blank: Array<[number, number]>;
  /** Each row over all columns, and each column over all codes; null where a total means nothing (co-occurrence). */
  rowTotals: number[] | null;
  columnTotals: number[] | null;
  total: number | null;
  /** The sources whose codings the matrix counts: they reach the displayed stage when it is saved. */
  sourceIds: string[];
}

// ——— The code tree as rows ———

interface CodeRows {
  heads: MatrixHead[];
  /** For each code, the rows its codings count in: its own row, then every aggregate above it. */
  rowsOfCode: Map<string, number[]>;
}

/** Heading key of a parent code's own codings, shown as a row of its own under the parent. */
export const ownKey = (codeId: string) => `${codeId}:own`;

function codeRows(codes: readonly Code[], coded: ReadonlySet<string>): CodeRows {
  const heads: MatrixHead[] = [];
  const rowOf = new Map<string, { own: number; aggregate: number | null }>();
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  const nodes = allNodes(buildCodeTree(codes));
  // The code under which a node's row folds: the nearest listed parent.
  const listed = new Set(nodes.map((n) => n.code.id));
  for (const node of nodes) {
    const { code } = node;
    const parentKey = code.parentId !== null && listed.has(code.parentId) ? code.parentId : null;
    const head = { codeId: code.id, color: code.color, depth: node.depth, parentKey };
    if (node.children.length > 0) {
      const aggregate = heads.push({ ...head, key: code.id, label: code.name, aggregate: true }) - 1;
      let own = aggregate;
      if (coded.has(code.id)) {
        own = heads.push({ ...head, key: ownKey(code.id), label: `${code.name} (coded directly)`, depth: node.depth + 1, parentKey: code.id, aggregate: false }) - 1;
      }
      rowOf.set(code.id, { own, aggregate });
    } else {
      const own = heads.push({ ...head, key: code.id, label: code.name, aggregate: false }) - 1;
      rowOf.set(code.id, { own, aggregate: null });
    }
  }
  const rowsOfCode = new Map<string, number[]>();
  for (const code of codes) {
    const rows: number[] = [];
    const own = rowOf.get(code.id)!;
    rows.push(own.own);
    if (own.aggregate !== null && own.aggregate !== own.own) rows.push(own.aggregate);
    const seen = new Set([code.id]);
    for (let up = parentOf.get(code.id); up && !seen.has(up); up = parentOf.get(up)) {
      seen.add(up);
      const above = rowOf.get(up)?.aggregate;
      if (above !== null && above !== undefined) rows.push(above);
    }
    rowsOfCode.set(code.id, rows);
  }
  return { heads, rowsOfCode };
}

// ——— Counting ———
// Cells live in flat typed arrays indexed by row × width + column, and sources by number: 300
// codes by 200 sources over 20,000 codings adds up a few hundred thousand counts, and Maps of
// boxed numbers keyed by cell spent more time allocating and collecting than counting.

/** Counts per cell: coded segments, and the sources they come from. Codings arrive source by source. */
class Cells {
  readonly segments: Int32Array;
  readonly sources: Int32Array;
  /** Cells with a count, in the order they were first counted. */
  readonly counted: number[] = [];
  private readonly lastSource: Int32Array;

  constructor(size: number) {
    this.segments = new Int32Array(size);
    this.sources = new Int32Array(size);
    this.lastSource = new Int32Array(size).fill(-1);
  }

  add(key: number, source: number): void {
    if (this.segments[key]!++ === 0) this.counted.push(key);
    if (this.lastSource[key] !== source) {
      this.sources[key]!++;
      this.lastSource[key] = source;
    }
  }
}

/** Appends to the list kept under `key`, making it on first use. */
function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}

const bySource = (regions: readonly Region[]): Map<string, Span[]> => {
  const grouped = new Map<string, Span[]>();
  for (const r of regions) push(grouped, r.sourceId, r);
  for (const [id, spans] of grouped) grouped.set(id, mergeSpans(spans));
  return grouped;
};

const intersectRegions = (regions: Map<string, Span[]>, filter: Map<string, Span[]> | null): Map<string, Span[]> => {
  if (!filter) return regions;
  const out = new Map<string, Span[]>();
  for (const [id, spans] of regions) {
    const kept = filter.get(id);
    if (!kept) continue;
    const both = intersectSpans(spans, kept);
    if (both.length) out.set(id, both);
  }
  return out;
};

const inSourceOrder = (a: MatrixCoding, b: MatrixCoding): number =>
  a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : a.start - b.start || a.end - b.end;

/** The codings in source order: as the project's repository reads them, so usually without sorting. */
function inOrder(codings: MatrixCoding[]): MatrixCoding[] {
  for (let i = 1; i < codings.length; i++) if (inSourceOrder(codings[i - 1]!, codings[i]!) > 0) return codings.sort(inSourceOrder);
  return codings;
}

/** Numbers the sources in the order their codings come. */
function numberSources(codings: readonly MatrixCoding[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const c of codings) if (!numbers.has(c.sourceId)) numbers.set(c.sourceId, numbers.size);
  return numbers;
}

type Visit = (coding: MatrixCoding, rows: readonly number[], columns: readonly number[]) => void;
/** Given the headings (and where the totals are: -1 where there are none), what to do with each counted coding. */
type Visitor = (rows: readonly MatrixHead[], columns: readonly MatrixHead[], totals: { row: number; column: number }) => Visit | undefined;

interface Counted {
  rows: CodeRows;
  columns: MatrixHead[];
  /** Cells in a row of the arrays: the columns, and the total column of a region matrix. */
  width: number;
  /** The index of the total column (region matrices), or -1. */
  totalColumn: number;
  cells: Cells;
  /** Characters each column holds (region matrices), or each row's coded characters (co-occurrence). */
  denominators: Float64Array;
  /** Characters of each cell's column its codings cover (region matrices), or that both its codes cover (co-occurrence). */
  covered: Float64Array;
  /** Cells that compare a code with itself (1): no value. */
  blank: Uint8Array | null;
  sourceIds: Set<string>;
}

/**
 * Walks every coding the matrix counts and hands each, with the rows and columns it counts in,
 * to `visit`; the matrix and the drill-down into one cell both come from this one walk (a
 * drill-down, given a visitor, counts nothing).
 */
function walk(facts: MatrixFacts, spec: MatrixSpec, visitor?: Visitor): Counted {
  const coded = new Set(facts.codings.map((c) => c.codeId));
  const rows = codeRows(facts.codes, coded);
  const filter = facts.filter ? bySource(facts.filter) : null;
  const withSpans = spec.measure === 'coverage' && !visitor;
  const codings = inOrder(facts.codings.filter((c) => rows.rowsOfCode.has(c.codeId) && (!filter || overlapsAny(c, filter.get(c.sourceId) ?? []))));
  return spec.columns === 'codes'
    ? walkCooccurrence(facts, spec, rows, codings, withSpans, visitor)
    : walkRegions(facts, rows, codings, filter, withSpans, visitor);
}

function walkRegions(
  facts: MatrixFacts,
  rows: CodeRows,
  codings: readonly MatrixCoding[],
  filter: Map<string, Span[]> | null,
  withSpans: boolean,
  visitor?: Visitor,
): Counted {
  // A cut keeps the columns with text inside it: a source or case outside the cut is left out, not shown as zeros.
  const shown = facts.columns
    .map((column) => ({ column, regions: intersectRegions(bySource(column.regions), filter) }))
    .filter((c) => !filter || c.regions.size > 0);
  const columnRegions = shown.map((c) => c.regions);
  const all = new Map<string, Span[]>();
  for (const regions of columnRegions) for (const [id, spans] of regions) push(all, id, ...spans);
  for (const [id, spans] of all) all.set(id, mergeSpans(spans));
  columnRegions.push(all);
  const totalColumn = shown.length;
  const totalRow = rows.heads.length;
  const width = totalColumn + 1;
  const columns: MatrixHead[] = shown.map(({ column: c }) => ({ key: c.key, label: c.label, codeId: null, color: null, depth: 0, parentKey: null, aggregate: false }));
  const visit = visitor?.(rows.heads, columns, { row: totalRow, column: totalColumn });

  // Which columns hold text of each source, and the rows of each code with the total row.
  const columnsOfSource = new Map<string, number[]>();
  for (let column = 0; column < totalColumn; column++) for (const id of columnRegions[column]!.keys()) push(columnsOfSource, id, column);
  const rowsWithTotal = new Map([...rows.rowsOfCode].map(([code, list]) => [code, [...list, totalRow]]));

  const size = (totalRow + 1) * width;
  const cells = new Cells(visit ? 0 : size);
  const covered = new Float64Array(withSpans ? size : 0);
  const denominators = new Float64Array(width);
  columnRegions.forEach((regions, column) => {
    for (const spans of regions.values()) denominators[column]! += spansLength(spans);
  });
  const numbers = numberSources(codings);

  // Coverage, a source at a time: what each row's codings there cover of each column's text
  // there. Codings that miss a column's text add nothing to it, so one list per row will do.
  const rowSpans: Span[][] = withSpans ? Array.from({ length: totalRow + 1 }, () => []) : [];
  const rowsInSource: number[] = [];
  const measureSource = (sourceId: string) => {
    const inColumns = [...(columnsOfSource.get(sourceId) ?? []), totalColumn];
    for (const row of rowsInSource) {
      for (const column of inColumns) covered[row * width + column]! += coveredLength(rowSpans[row]!, columnRegions[column]!.get(sourceId) ?? []);
      rowSpans[row]!.length = 0;
    }
    rowsInSource.length = 0;
  };

  const sourceIds = new Set<string>();
  const matched: number[] = [];
  let previous: string | null = null;
  for (const coding of codings) {
    matched.length = 0;
    for (const column of columnsOfSource.get(coding.sourceId) ?? []) {
      if (overlapsAny(coding, columnRegions[column]!.get(coding.sourceId)!)) matched.push(column);
    }
    if (matched.length === 0) continue;
    sourceIds.add(coding.sourceId);
    matched.push(totalColumn);
    const codeRowsOf = rowsWithTotal.get(coding.codeId)!;
    if (visit) {
      visit(coding, codeRowsOf, matched);
      continue;
    }
    const source = numbers.get(coding.sourceId)!;
    for (const row of codeRowsOf) for (const column of matched) cells.add(row * width + column, source);
    if (withSpans) {
      if (previous !== null && previous !== coding.sourceId) measureSource(previous);
      previous = coding.sourceId;
      for (const row of codeRowsOf) if (rowSpans[row]!.push(coding) === 1) rowsInSource.push(row);
    }
  }
  if (previous !== null) measureSource(previous);
  return { rows, columns, width, totalColumn, cells, denominators, covered, blank: null, sourceIds };
}

/**
 * The codings as co-occurrence sees them, in source order: as coded, or (mode 'passage') each
 * widened to the passages it touches, so codings in one passage overlap.
 */
export function codingsMeeting(codings: readonly MatrixCoding[], mode: CooccurrenceMode, passages: readonly Region[]): MatrixCoding[] {
  return inOrder(mode === 'passage' ? widenToPassages(codings, passages) : [...codings]);
}

/** Widens each coding to the passages it touches. */
function widenToPassages(codings: readonly MatrixCoding[], passages: readonly Region[]): MatrixCoding[] {
  const ofSource = new Map<string, Region[]>();
  for (const p of passages) push(ofSource, p.sourceId, p);
  for (const list of ofSource.values()) list.sort((a, b) => a.start - b.start);
  return codings.map((coding) => {
    const list = ofSource.get(coding.sourceId) ?? [];
    // The first passage ending after the coding starts, then every passage it reaches.
    const lo = firstEndingAfter(list, coding.start);
    let start = coding.start;
    let end = coding.end;
    for (let p = lo; p < list.length && list[p]!.start < coding.end; p++) {
      start = Math.min(start, list[p]!.start);
      end = Math.max(end, list[p]!.end);
    }
    return { ...coding, start, end };
  });
}

/**
 * The cells that compare a code with itself: a row and a column holding a code in common (a
 * code's own row, and every aggregate row above it, hold its codings).
 */
function selfComparisons(rows: CodeRows, width: number): Uint8Array {
  const blank = new Uint8Array(width * width);
  for (const list of rows.rowsOfCode.values()) for (const r of list) for (const c of list) blank[r * width + c] = 1;
  return blank;
}

function walkCooccurrence(
  facts: MatrixFacts,
  spec: MatrixSpec,
  rows: CodeRows,
  given: readonly MatrixCoding[],
  withSpans: boolean,
  visitor?: Visitor,
): Counted {
  const codings = codingsMeeting(given, spec.cooccurrence ?? 'overlap', facts.passages);
  const width = rows.heads.length;
  const columns = rows.heads.map((head) => ({ ...head }));
  const visit = visitor?.(rows.heads, columns, { row: -1, column: -1 });
  const blank = selfComparisons(rows, width);
  const cells = new Cells(visit ? 0 : width * width);
  const covered = new Float64Array(withSpans ? width * width : 0);
  const denominators = new Float64Array(width);
  const sourceIds = new Set<string>();
  const numbers = numberSources(codings);
  const rowsOf = codings.map((c) => rows.rowsOfCode.get(c.codeId)!);
  // Stamps instead of sets: the coding that last met a column, or counted in it; the source that last touched a cell.
  const metBy = new Int32Array(width).fill(-1);
  const countedBy = new Int32Array(width).fill(-1);
  const touchedIn = withSpans ? new Int32Array(width * width).fill(-1) : null;
  const columnsMet: number[] = [];
  const counted: number[] = [];
  const meets: number[][] = [];
  // For coverage, each row's codings in the source at hand, and their characters merged.
  const spansOfRow: Span[][] = withSpans ? rows.heads.map(() => []) : [];
  const merged: Span[][] = [];

  let from = 0;
  while (from < codings.length) {
    const sourceId = codings[from]!.sourceId;
    const source = numbers.get(sourceId)!;
    let to = from;
    while (to < codings.length && codings[to]!.sourceId === sourceId) to++;
    // The codings each coding meets, by index.
    for (let i = from; i < to; i++) meets[i - from] = [];
    for (let i = from; i < to; i++) {
      const end = codings[i]!.end;
      for (let j = i + 1; j < to && codings[j]!.start < end; j++) {
        meets[i - from]!.push(j);
        meets[j - from]!.push(i);
      }
    }
    const touched: number[] = [];
    for (let i = from; i < to; i++) {
      const coding = codings[i]!;
      columnsMet.length = 0;
      for (const j of meets[i - from]!) {
        for (const column of rowsOf[j]!) {
          if (metBy[column] === i) continue;
          metBy[column] = i;
          columnsMet.push(column);
        }
      }
      counted.length = 0;
      for (const row of rowsOf[i]!) {
        for (const column of columnsMet) {
          const key = row * width + column;
          if (blank[key]) continue;
          if (countedBy[column] !== i) {
            countedBy[column] = i;
            counted.push(column);
          }
          if (visit) continue;
          cells.add(key, source);
          if (touchedIn && touchedIn[key] !== source) {
            touchedIn[key] = source;
            touched.push(key);
          }
        }
      }
      if (counted.length) {
        sourceIds.add(coding.sourceId);
        visit?.(coding, rowsOf[i]!, counted);
      }
    }
    if (withSpans) {
      // Jaccard share of characters: coded by both / coded by either, summed over sources.
      const rowsHere: number[] = [];
      for (let i = from; i < to; i++) {
        for (const row of rowsOf[i]!) {
          if (spansOfRow[row]!.push(codings[i]!) === 1) rowsHere.push(row);
        }
      }
      for (const row of rowsHere) {
        merged[row] = mergeSpans(spansOfRow[row]!);
        denominators[row]! += spansLength(merged[row]);
        spansOfRow[row]!.length = 0;
      }
      // Cells come in pairs, row × column and column × row, that share their characters: measured once for both.
      for (const key of touched) {
        const row = Math.floor(key / width);
        const column = key % width;
        if (row > column) continue;
        const both = intersectionLength(merged[row]!, merged[column]!);
        covered[key]! += both;
        if (row !== column) covered[column * width + row]! += both;
      }
    }
    from = to;
  }
  return { rows, columns, width, totalColumn: -1, cells, denominators, covered, blank, sourceIds };
}

function valueOf(counted: Counted, spec: MatrixSpec, key: number): number {
  const { cells } = counted;
  if (spec.measure === 'segments') return cells.segments[key]!;
  if (spec.measure === 'sources') return cells.sources[key]!;
  const covered = counted.covered[key]!;
  if (covered === 0) return 0;
  const { width } = counted;
  if (spec.columns === 'codes') {
    const either = counted.denominators[Math.floor(key / width)]! + counted.denominators[key % width]! - covered;
    return either > 0 ? covered / either : 0;
  }
  const size = counted.denominators[key % width]!;
  return size > 0 ? covered / size : 0;
}

/** Builds the matrix `spec` asks for from the project's facts. */
export function buildMatrix(facts: MatrixFacts, spec: MatrixSpec): Matrix {
  const counted = walk(facts, spec);
  const { rows, columns, cells, totalColumn, width } = counted;
  const height = rows.heads.length;
  const out: Array<[number, number, number]> = [];
  // Keys in ascending order are the cells row by row.
  for (const key of Int32Array.from(cells.counted).sort()) {
    const row = Math.floor(key / width);
    const column = key % width;
    if (row >= height || column === totalColumn) continue;
    const value = valueOf(counted, spec, key);
    if (value > 0) out.push([row, column, value]);
  }
  const blank: Array<[number, number]> = [];
  if (counted.blank) counted.blank.forEach((isBlank, key) => isBlank && blank.push([Math.floor(key / width), key % width]));
  const regionTotals = spec.columns !== 'codes';
  return {
    spec,
    rows: rows.heads,
    columns,
    cells: out,
    blank,
    rowTotals: regionTotals ? rows.heads.map((_, r) => valueOf(counted, spec, r * width + totalColumn)) : null,
    columnTotals: regionTotals ? columns.map((_, c) => valueOf(counted, spec, height * width + c)) : null,
    total: regionTotals ? valueOf(counted, spec, height * width + totalColumn) : null,
    sourceIds: [...counted.sourceIds].sort(),
  };
}

/**
 * Reads a matrix's cells by row and column: the value (0 for a cell left out), or null for a
 * blank one. Made once per matrix, in flat arrays: a co-occurrence matrix holds 60,000 cells.
 */
export function cellReader(matrix: Matrix): (row: number, column: number) => number | null {
  const width = matrix.columns.length;
  const values = new Float64Array(matrix.rows.length * width);
  for (const [r, c, v] of matrix.cells) values[r * width + c] = v;
  const blank = new Uint8Array(matrix.blank.length ? matrix.rows.length * width : 0);
  for (const [r, c] of matrix.blank) blank[r * width + c] = 1;
  return (row, column) => (blank[row * width + column] ? null : values[row * width + column]!);
}

/** The headings a reader sees: those under a collapsed heading fold into it. */
export function visibleHeads(heads: readonly MatrixHead[], collapsed: ReadonlySet<string>): number[] {
  const hidden = new Set<string>();
  const shown: number[] = [];
  heads.forEach((head, index) => {
    if (head.parentKey !== null && (collapsed.has(head.parentKey) || hidden.has(head.parentKey))) hidden.add(head.key);
    else shown.push(index);
  });
  return shown;
}

/** The key of the totals: the "All codes" row, or the column of all sources, cases or values. */
export const totalKey = '*';

/**
 * The codings one cell counts, in source order: what a researcher reads when drilling into it.
 * `rowKey` and `columnKey` are heading keys, or `totalKey` for a total.
 */
export function cellCodingIds(facts: MatrixFacts, spec: MatrixSpec, rowKey: string, columnKey: string): string[] {
  const ids: string[] = [];
  walk(facts, spec, (heads, columns, totals) => {
    const row = rowKey === totalKey ? totals.row : heads.findIndex((h) => h.key === rowKey);
    const column = columnKey === totalKey ? totals.column : columns.findIndex((h) => h.key === columnKey);
    if (row < 0 || column < 0) return undefined;
    return (coding, rows, cols) => {
      if (rows.includes(row) && cols.includes(column)) ids.push(coding.id);
    };
  });
  return ids;
}

/** One coded segment a matrix cell counts, as the drill-down lists it. */
export interface CellSegment {
  codingId: string;
  codeId: string;
  sourceId: string;
  sourceTitle: string;
  start: number;
  end: number;
  /** The coded text (cut after 600 characters). */
  text: string;
  summary: string;
}
