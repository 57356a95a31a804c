// Matrix displays (Miles & Huberman's Display stage): codes down the side in the codebook's
// shape, and across the top sources, cases, the values of an attribute, or codes again
// (co-occurrence). Each cell counts the coded segments of its row that fall in its column,
// the sources they come from, or the share of the column's characters they cover.
import { allNodes, buildCodeTree } from '../code-tree';
import type { Code } from '../model';
import { intersectSpans, mergeSpans, overlapsAny, spansLength, type Span } from './spans';

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
  /** For each row, the codes it holds. */
  codesOfRow: Array<Set<string>>;
}

/** Heading key of a parent code's own codings, shown as a row of its own under the parent. */
export const ownKey = (codeId: string) => `${codeId}:own`;

function codeRows(codes: readonly Code[], coded: ReadonlySet<string>): CodeRows {
  const heads: MatrixHead[] = [];
  const codesOfRow: Array<Set<string>> = [];
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
      codesOfRow.push(new Set());
      let own = aggregate;
      if (coded.has(code.id)) {
        own = heads.push({ ...head, key: ownKey(code.id), label: `${code.name} (coded directly)`, depth: node.depth + 1, parentKey: code.id, aggregate: false }) - 1;
        codesOfRow.push(new Set());
      }
      rowOf.set(code.id, { own, aggregate });
    } else {
      const own = heads.push({ ...head, key: code.id, label: code.name, aggregate: false }) - 1;
      codesOfRow.push(new Set());
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
    for (const row of rows) codesOfRow[row]!.add(code.id);
  }
  return { heads, rowsOfCode, codesOfRow };
}

// ——— Counting ———

/** Counts per cell, with what the other measures need on the way. */
class Cells {
  readonly segments = new Map<number, number>();
  readonly sources = new Map<number, number>();
  private readonly lastSource = new Map<number, string>();
  readonly spans = new Map<number, Span[]>();

  constructor(
    private readonly width: number,
    private readonly withSpans: boolean,
  ) {}

  key(row: number, column: number): number {
    return row * this.width + column;
  }

  add(row: number, column: number, coding: MatrixCoding, flush: (key: number, sourceId: string, spans: Span[]) => void): void {
    const key = this.key(row, column);
    this.segments.set(key, (this.segments.get(key) ?? 0) + 1);
    const last = this.lastSource.get(key);
    if (last !== coding.sourceId) {
      this.sources.set(key, (this.sources.get(key) ?? 0) + 1);
      if (this.withSpans && last !== undefined) flush(key, last, this.spans.get(key)!);
      this.lastSource.set(key, coding.sourceId);
      if (this.withSpans) this.spans.set(key, []);
    }
    if (this.withSpans) this.spans.get(key)!.push(coding);
  }

  flushAll(flush: (key: number, sourceId: string, spans: Span[]) => void): void {
    if (!this.withSpans) return;
    for (const [key, sourceId] of this.lastSource) flush(key, sourceId, this.spans.get(key)!);
  }
}

const bySource = (regions: readonly Region[]): Map<string, Span[]> => {
  const grouped = new Map<string, Span[]>();
  for (const r of regions) {
    const list = grouped.get(r.sourceId);
    if (list) list.push(r);
    else grouped.set(r.sourceId, [r]);
  }
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

type Visit = (coding: MatrixCoding, rows: readonly number[], columns: readonly number[]) => void;
/** Given the headings (and where the totals are: -1 where there are none), what to do with each counted coding. */
type Visitor = (rows: readonly MatrixHead[], columns: readonly MatrixHead[], totals: { row: number; column: number }) => Visit | undefined;

interface Counted {
  rows: CodeRows;
  columns: MatrixHead[];
  /** The index of the total column (region matrices), or -1. */
  totalColumn: number;
  cells: Cells;
  /** Characters each column holds (region matrices), or each row's coded characters (co-occurrence). */
  denominators: Map<number, number>;
  covered: Map<number, number>;
  /** Rows and columns that compare a code with itself: no value. */
  blank: Set<number>;
  sourceIds: Set<string>;
}

/**
 * Walks every coding the matrix counts and hands each, with the rows and columns it counts in,
 * to `visit`; the matrix and the drill-down into one cell both come from this one walk.
 */
function walk(facts: MatrixFacts, spec: MatrixSpec, visitor?: Visitor): Counted {
  const coded = new Set(facts.codings.map((c) => c.codeId));
  const rows = codeRows(facts.codes, coded);
  const filter = facts.filter ? bySource(facts.filter) : null;
  const withSpans = spec.measure === 'coverage';
  const codings = [...facts.codings].sort(inSourceOrder).filter((c) => rows.rowsOfCode.has(c.codeId) && (!filter || overlapsAny(c, filter.get(c.sourceId) ?? [])));
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
  for (const regions of columnRegions) for (const [id, spans] of regions) all.set(id, [...(all.get(id) ?? []), ...spans]);
  for (const [id, spans] of all) all.set(id, mergeSpans(spans));
  columnRegions.push(all);
  const totalColumn = shown.length;
  const totalRow = rows.heads.length;
  const columns: MatrixHead[] = shown.map(({ column: c }) => ({ key: c.key, label: c.label, codeId: null, color: null, depth: 0, parentKey: null, aggregate: false }));
  const visit = visitor?.(rows.heads, columns, { row: totalRow, column: totalColumn });

  // Which columns hold text of each source.
  const columnsOfSource = new Map<string, number[]>();
  columnRegions.forEach((regions, index) => {
    if (index === totalColumn) return;
    for (const id of regions.keys()) columnsOfSource.set(id, [...(columnsOfSource.get(id) ?? []), index]);
  });

  const cells = new Cells(totalColumn + 1, withSpans);
  const covered = new Map<number, number>();
  const denominators = new Map<number, number>();
  columnRegions.forEach((regions, index) => {
    let size = 0;
    for (const spans of regions.values()) size += spansLength(spans);
    denominators.set(index, size);
  });
  const flush = (key: number, sourceId: string, spans: Span[]) => {
    const column = key % (totalColumn + 1);
    const inside = intersectSpans(mergeSpans(spans), columnRegions[column]!.get(sourceId) ?? []);
    covered.set(key, (covered.get(key) ?? 0) + spansLength(inside));
  };

  const sourceIds = new Set<string>();
  for (const coding of codings) {
    const matched: number[] = [];
    for (const column of columnsOfSource.get(coding.sourceId) ?? []) {
      if (overlapsAny(coding, columnRegions[column]!.get(coding.sourceId)!)) matched.push(column);
    }
    if (matched.length === 0) continue;
    sourceIds.add(coding.sourceId);
    matched.push(totalColumn);
    const codeRowsOf = [...rows.rowsOfCode.get(coding.codeId)!, totalRow];
    visit?.(coding, codeRowsOf, matched);
    for (const row of codeRowsOf) for (const column of matched) cells.add(row, column, coding, flush);
  }
  cells.flushAll(flush);
  return { rows, columns, totalColumn, cells, denominators, covered, blank: new Set(), sourceIds };
}

/** Calls `meet(i, j)` for every pair of overlapping codings of one source, given sorted by start. */
export function forEachMeeting(sorted: readonly Span[], meet: (i: number, j: number) => void): void {
  for (let i = 0; i < sorted.length; i++) {
    const end = sorted[i]!.end;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < end; j++) meet(i, j);
  }
}

/**
 * The codings as co-occurrence sees them, in source order: as coded, or (mode 'passage') each
 * widened to the passages it touches, so codings in one passage overlap.
 */
export function codingsMeeting(codings: readonly MatrixCoding[], mode: CooccurrenceMode, passages: readonly Region[]): MatrixCoding[] {
  return (mode === 'passage' ? widenToPassages(codings, passages) : [...codings]).sort(inSourceOrder);
}

/** Widens each coding to the passages it touches. */
function widenToPassages(codings: readonly MatrixCoding[], passages: readonly Region[]): MatrixCoding[] {
  const ofSource = new Map<string, Region[]>();
  for (const p of passages) ofSource.set(p.sourceId, [...(ofSource.get(p.sourceId) ?? []), p]);
  for (const list of ofSource.values()) list.sort((a, b) => a.start - b.start);
  return codings.map((coding) => {
    const list = ofSource.get(coding.sourceId) ?? [];
    let start = coding.start;
    let end = coding.end;
    for (const p of list) {
      if (p.end <= coding.start) continue;
      if (p.start >= coding.end) break;
      start = Math.min(start, p.start);
      end = Math.max(end, p.end);
    }
    return { ...coding, start, end };
  });
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
  const blank = new Set<number>();
  for (let r = 0; r < width; r++) {
    for (let c = 0; c < width; c++) {
      const [small, large] = rows.codesOfRow[r]!.size <= rows.codesOfRow[c]!.size ? [rows.codesOfRow[r]!, rows.codesOfRow[c]!] : [rows.codesOfRow[c]!, rows.codesOfRow[r]!];
      for (const code of small) {
        if (large.has(code)) {
          blank.add(r * width + c);
          break;
        }
      }
    }
  }
  const cells = new Cells(width, false);
  const covered = new Map<number, number>();
  const denominators = new Map<number, number>();
  const sourceIds = new Set<string>();

  let from = 0;
  while (from < codings.length) {
    const sourceId = codings[from]!.sourceId;
    let to = from;
    while (to < codings.length && codings[to]!.sourceId === sourceId) to++;
    const inSource = codings.slice(from, to);
    from = to;
    // Codes each coding meets.
    const meets: Array<Set<string>> = inSource.map(() => new Set());
    forEachMeeting(inSource, (i, j) => {
      meets[i]!.add(inSource[j]!.codeId);
      meets[j]!.add(inSource[i]!.codeId);
    });
    const touched = new Set<number>();
    inSource.forEach((coding, i) => {
      const ownRows = rows.rowsOfCode.get(coding.codeId)!;
      const columnsMet = new Set<number>();
      for (const code of meets[i]!) for (const column of rows.rowsOfCode.get(code)!) columnsMet.add(column);
      const counted: number[] = [];
      for (const row of ownRows) {
        for (const column of columnsMet) {
          const key = row * width + column;
          if (blank.has(key)) continue;
          cells.add(row, column, coding, () => {});
          touched.add(key);
          if (!counted.includes(column)) counted.push(column);
        }
      }
      if (counted.length) {
        sourceIds.add(coding.sourceId);
        visit?.(coding, ownRows, counted);
      }
    });
    if (withSpans) {
      // Jaccard share of characters: coded by both / coded by either, summed over sources.
      const unitSpans = new Map<number, Span[]>();
      for (const coding of inSource) for (const row of rows.rowsOfCode.get(coding.codeId)!) unitSpans.set(row, [...(unitSpans.get(row) ?? []), coding]);
      const merged = new Map<number, Span[]>();
      for (const [row, spans] of unitSpans) {
        const m = mergeSpans(spans);
        merged.set(row, m);
        denominators.set(row, (denominators.get(row) ?? 0) + spansLength(m));
      }
      for (const key of touched) {
        const both = intersectSpans(merged.get(Math.floor(key / width))!, merged.get(key % width)!);
        covered.set(key, (covered.get(key) ?? 0) + spansLength(both));
      }
    }
  }
  return { rows, columns, totalColumn: -1, cells, denominators, covered, blank, sourceIds };
}

function valueOf(counted: Counted, spec: MatrixSpec, key: number): number {
  const { cells } = counted;
  if (spec.measure === 'segments') return cells.segments.get(key) ?? 0;
  if (spec.measure === 'sources') return cells.sources.get(key) ?? 0;
  const covered = counted.covered.get(key) ?? 0;
  if (covered === 0) return 0;
  if (spec.columns === 'codes') {
    const width = counted.columns.length;
    const either = (counted.denominators.get(Math.floor(key / width)) ?? 0) + (counted.denominators.get(key % width) ?? 0) - covered;
    return either > 0 ? covered / either : 0;
  }
  const size = counted.denominators.get(key % (counted.totalColumn + 1)) ?? 0;
  return size > 0 ? covered / size : 0;
}

/** Builds the matrix `spec` asks for from the project's facts. */
export function buildMatrix(facts: MatrixFacts, spec: MatrixSpec): Matrix {
  const counted = walk(facts, spec);
  const { rows, columns, cells, totalColumn } = counted;
  const height = rows.heads.length;
  const out: Array<[number, number, number]> = [];
  const width = spec.columns === 'codes' ? columns.length : totalColumn + 1;
  for (const key of cells.segments.keys()) {
    const row = Math.floor(key / width);
    const column = key % width;
    if (row >= height || column === totalColumn) continue;
    const value = valueOf(counted, spec, key);
    if (value > 0) out.push([row, column, value]);
  }
  out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const regionTotals = spec.columns !== 'codes';
  return {
    spec,
    rows: rows.heads,
    columns,
    cells: out,
    blank: [...counted.blank].map((key) => [Math.floor(key / width), key % width] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    rowTotals: regionTotals ? rows.heads.map((_, r) => valueOf(counted, spec, r * width + totalColumn)) : null,
    columnTotals: regionTotals ? columns.map((_, c) => valueOf(counted, spec, height * width + c)) : null,
    total: regionTotals ? valueOf(counted, spec, height * width + totalColumn) : null,
    sourceIds: [...counted.sourceIds].sort(),
  };
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
