import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Code } from '../model';
import { buildMatrix, cellCodingIds, cellReader, matrixMeasures, ownKey, totalKey, type Matrix, type MatrixFacts, type MatrixSpec } from './matrix';

const code = (id: string, name: string, parentId: string | null, position = 0): Code => ({
  id,
  name,
  parentId,
  position,
  color: '#336699',
  definition: '',
  inclusion: '',
  exclusion: '',
  example: '',
  shortcut: null,
  codingCount: 0,
});

// Barriers › Shipping, Customs (and Barriers applied directly once); Trust on its own.
const codes = [code('barriers', 'Barriers', null, 0), code('shipping', 'Shipping', 'barriers', 0), code('customs', 'Customs', 'barriers', 1), code('trust', 'Trust', null, 1)];
const codings = [
  { id: 'c1', codeId: 'shipping', sourceId: 's1', start: 0, end: 10 },
  { id: 'c2', codeId: 'customs', sourceId: 's1', start: 5, end: 20 },
  { id: 'c3', codeId: 'barriers', sourceId: 's1', start: 30, end: 40 },
  { id: 'c6', codeId: 'trust', sourceId: 's1', start: 50, end: 60 },
  { id: 'c4', codeId: 'trust', sourceId: 's2', start: 0, end: 10 },
  { id: 'c5', codeId: 'shipping', sourceId: 's2', start: 8, end: 12 },
];
const whole = (sourceId: string, end: number) => ({ sourceId, start: 0, end });
const sourceColumns = [
  { key: 's1', label: 'Interview 1', regions: [whole('s1', 100)] },
  { key: 's2', label: 'Interview 2', regions: [whole('s2', 50)] },
];
const passages = [
  { sourceId: 's1', start: 0, end: 25 },
  { sourceId: 's1', start: 25, end: 70 },
  { sourceId: 's1', start: 70, end: 100 },
  { sourceId: 's2', start: 0, end: 50 },
];
const facts = (over: Partial<MatrixFacts> = {}): MatrixFacts => ({ codes, codings, columns: sourceColumns, filter: null, passages, ...over });
const spec = (over: Partial<MatrixSpec> = {}): MatrixSpec => ({ columns: 'sources', measure: 'segments', ...over });

/** The matrix as { row key: { column key: value } }, zeros left out, for readable expectations. */
function grid(matrix: Matrix): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [r, c, value] of matrix.cells) (out[matrix.rows[r]!.key] ??= {})[matrix.columns[c]!.key] = value;
  return out;
}

describe('matrix rows follow the code tree', () => {
  it('lists parents with an aggregate row, their direct codings as a row of its own, then sub-codes', () => {
    const matrix = buildMatrix(facts(), spec());
    expect(matrix.rows.map((r) => [r.key, r.label, r.depth, r.parentKey, r.aggregate])).toEqual([
      ['barriers', 'Barriers', 0, null, true],
      [ownKey('barriers'), 'Barriers (coded directly)', 1, 'barriers', false],
      ['shipping', 'Shipping', 1, 'barriers', false],
      ['customs', 'Customs', 1, 'barriers', false],
      ['trust', 'Trust', 0, null, false],
    ]);
  });

  it('has no "coded directly" row for a parent nobody applied directly', () => {
    const matrix = buildMatrix(facts({ codings: codings.filter((c) => c.codeId !== 'barriers') }), spec());
    expect(matrix.rows.map((r) => r.key)).toEqual(['barriers', 'shipping', 'customs', 'trust']);
  });
});

describe('code × source', () => {
  it('counts segments, with a parent row summing its own and its sub-codes’ codings, and totals', () => {
    const matrix = buildMatrix(facts(), spec());
    expect(grid(matrix)).toEqual({
      barriers: { s1: 3, s2: 1 },
      [ownKey('barriers')]: { s1: 1 },
      shipping: { s1: 1, s2: 1 },
      customs: { s1: 1 },
      trust: { s1: 1, s2: 1 },
    });
    expect(matrix.rowTotals).toEqual([4, 1, 2, 1, 2]);
    expect(matrix.columnTotals).toEqual([4, 2]);
    expect(matrix.total).toBe(6);
    expect(matrix.sourceIds).toEqual(['s1', 's2']);
  });

  it('counts sources', () => {
    const matrix = buildMatrix(facts(), spec({ measure: 'sources' }));
    expect(grid(matrix).barriers).toEqual({ s1: 1, s2: 1 });
    expect(matrix.rowTotals![0]).toBe(2);
    expect(matrix.total).toBe(2);
  });

  it('measures coverage as the share of the column’s characters the row’s codings cover, overlaps counted once', () => {
    const matrix = buildMatrix(facts(), spec({ measure: 'coverage' }));
    // Barriers in s1: [0,20) from the overlapping Shipping and Customs codings, and [30,40).
    expect(grid(matrix).barriers).toEqual({ s1: 0.3, s2: 4 / 50 });
    expect(matrix.rowTotals![0]).toBeCloseTo(34 / 150);
    // All codes in s2: [0,10) and [8,12) overlap, so 12 characters.
    expect(matrix.columnTotals).toEqual([0.4, 12 / 50]);
  });

  it('cut by an attribute leaves out the codings, the text and the columns outside it', () => {
    const matrix = buildMatrix(facts({ filter: [whole('s1', 100)] }), spec({ measure: 'coverage' }));
    expect(grid(matrix).barriers).toEqual({ s1: 0.3 });
    expect(matrix.columns.map((c) => c.key)).toEqual(['s1']);
    expect(matrix.columnTotals).toEqual([0.4]);
    expect(matrix.sourceIds).toEqual(['s1']);
  });

  it('a cut keeps a column that holds text inside it though none of it is coded', () => {
    const matrix = buildMatrix(facts({ filter: [whole('s1', 100), { sourceId: 's2', start: 20, end: 50 }] }), spec());
    expect(matrix.columns.map((c) => c.key)).toEqual(['s1', 's2']);
    expect(matrix.columnTotals).toEqual([4, 0]);
  });
});

describe('code × case and code × attribute value', () => {
  // Case A holds all of s1; case B a turn of s2 and a stretch of s1.
  const cases = [
    { key: 'A', label: 'Case A', regions: [whole('s1', 100)] },
    {
      key: 'B',
      label: 'Case B',
      regions: [
        { sourceId: 's2', start: 0, end: 10 },
        { sourceId: 's1', start: 45, end: 65 },
      ],
    },
  ];

  it('counts a coding in every case whose text it touches', () => {
    const matrix = buildMatrix(facts({ columns: cases }), spec({ columns: 'cases' }));
    expect(grid(matrix)).toEqual({
      barriers: { A: 3, B: 1 },
      [ownKey('barriers')]: { A: 1 },
      shipping: { A: 1, B: 1 },
      customs: { A: 1 },
      trust: { A: 1, B: 2 },
    });
    // The total column counts each coding once, however many cases hold it.
    expect(matrix.rowTotals).toEqual([4, 1, 2, 1, 2]);
  });

  it('measures a case’s coverage against the text the case holds', () => {
    const matrix = buildMatrix(facts({ columns: cases }), spec({ columns: 'cases', measure: 'coverage' }));
    expect(grid(matrix).trust).toEqual({ A: 0.1, B: 20 / 30 });
  });
});

describe('code × code co-occurrence', () => {
  it('counts the row code’s segments that overlap a coding of the column code, and leaves a code and its own sub-codes blank', () => {
    const matrix = buildMatrix(facts(), spec({ columns: 'codes', cooccurrence: 'overlap' }));
    expect(grid(matrix)).toEqual({
      barriers: { trust: 1 },
      shipping: { customs: 1, trust: 1 },
      customs: { shipping: 1 },
      trust: { barriers: 1, shipping: 1 },
    });
    const blank = matrix.blank.map(([r, c]) => `${matrix.rows[r]!.key}|${matrix.columns[c]!.key}`);
    expect(blank).toContain('barriers|customs');
    expect(blank).toContain('shipping|barriers');
    expect(blank).toContain('trust|trust');
    expect(blank).not.toContain('shipping|customs');
    expect(matrix.rowTotals).toBeNull();
  });

  it('in the same passage, also counts codings that do not overlap but share a passage', () => {
    const matrix = buildMatrix(facts(), spec({ columns: 'codes', cooccurrence: 'passage' }));
    expect(grid(matrix)[ownKey('barriers')]).toEqual({ trust: 1 });
    expect(grid(matrix).trust).toEqual({ barriers: 2, [ownKey('barriers')]: 1, shipping: 1 });
  });

  it('measures coverage as characters coded with both over characters coded with either', () => {
    const matrix = buildMatrix(facts(), spec({ columns: 'codes', measure: 'coverage' }));
    // Shipping [0,10) and [8,12) in s2: 14; Customs [5,20): 15; both [5,10): 5.
    expect(grid(matrix).shipping!.customs).toBeCloseTo(5 / 24);
    expect(grid(matrix).customs!.shipping).toBeCloseTo(5 / 24);
  });
});

describe('reading cells', () => {
  it('gives each cell’s value, 0 for a cell left out and null for a blank one', () => {
    const matrix = buildMatrix(facts(), spec({ columns: 'codes', cooccurrence: 'overlap' }));
    const value = cellReader(matrix);
    const at = (row: string, column: string) => value(matrix.rows.findIndex((h) => h.key === row), matrix.columns.findIndex((h) => h.key === column));
    expect(at('shipping', 'trust')).toBe(1);
    expect(at('customs', 'trust')).toBe(0);
    expect(at('barriers', 'customs')).toBeNull();
    for (const [r, c, v] of matrix.cells) expect(value(r, c)).toBe(v);
  });
});

describe('drilling into a cell', () => {
  it('gives the codings the cell counts, in source order', () => {
    expect(cellCodingIds(facts(), spec(), 'barriers', 's1')).toEqual(['c1', 'c2', 'c3']);
    expect(cellCodingIds(facts(), spec(), totalKey, 's2')).toEqual(['c4', 'c5']);
    expect(cellCodingIds(facts(), spec(), 'trust', totalKey)).toEqual(['c6', 'c4']);
    expect(cellCodingIds(facts(), spec({ columns: 'codes', cooccurrence: 'passage' }), 'trust', 'barriers')).toEqual(['c6', 'c4']);
  });

  it('gives nothing for a heading that is not there', () => {
    expect(cellCodingIds(facts(), spec(), 'gone', 's1')).toEqual([]);
  });
});

describe('counting, checked against counting character by character', () => {
  // Small random projects: a code tree, codings in three sources, columns holding stretches of
  // them, sometimes a cut. Each cell is worked out again the slow way, from sets of characters.
  const project = fc
    .record({
      parents: fc.array(fc.nat(8), { minLength: 1, maxLength: 7 }),
      codings: fc.array(fc.record({ code: fc.nat(6), source: fc.nat(2), start: fc.nat(80), length: fc.integer({ min: 1, max: 20 }) }), { maxLength: 25 }),
      columns: fc.array(fc.array(fc.record({ source: fc.nat(2), start: fc.nat(90), length: fc.integer({ min: 1, max: 40 }) }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
      cut: fc.option(fc.array(fc.record({ source: fc.nat(2), start: fc.nat(90), length: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 2 })),
    })
    .map(({ parents, codings: made, columns: held, cut }) => {
      // A code's parent is an earlier code (or none), so the tree has no cycles.
      const tree = parents.map((p, i) => code(`k${i}`, `Code ${i}`, p < i ? `k${p}` : null, i));
      const region = (r: { source: number; start: number; length: number }) => ({ sourceId: `s${r.source}`, start: r.start, end: r.start + r.length });
      return {
        codes: tree,
        codings: made.filter((c) => c.code < tree.length).map((c, i) => ({ id: `c${i}`, codeId: `k${c.code}`, sourceId: `s${c.source}`, start: c.start, end: c.start + c.length })),
        columns: held.map((regions, i) => ({ key: `col${i}`, label: `Column ${i}`, regions: regions.map(region) })),
        filter: cut ? cut.map(region) : null,
      };
    });

  const chars = (spans: ReadonlyArray<{ sourceId: string; start: number; end: number }>) => {
    const out = new Set<string>();
    for (const s of spans) for (let i = s.start; i < s.end; i++) out.add(`${s.sourceId}:${i}`);
    return out;
  };
  const shared = (a: Set<string>, b: Set<string>) => [...a].filter((x) => b.has(x)).length;
  const subtree = (codes: readonly Code[], id: string): Set<string> => new Set([id, ...codes.filter((c) => c.parentId === id).flatMap((c) => [...subtree(codes, c.id)])]);
  /** The codes a row (or co-occurrence column) holds: a parent's whole subtree, or one code. */
  const codesOf = (codes: readonly Code[], head: { codeId: string | null; aggregate: boolean }) => (head.aggregate ? subtree(codes, head.codeId!) : new Set([head.codeId!]));

  it('code × column: segments, sources and coverage of every cell and total', () => {
    fc.assert(
      fc.property(project, fc.constantFrom(...matrixMeasures), (p, measure) => {
        const matrix = buildMatrix({ ...p, passages: [] }, spec({ columns: 'cases', measure }));
        const cut = p.filter ? chars(p.filter) : null;
        const counted = p.codings.filter((c) => !cut || shared(chars([c]), cut) > 0);
        const columns = p.columns.map((c) => ({ key: c.key, text: cut ? new Set([...chars(c.regions)].filter((x) => cut.has(x))) : chars(c.regions) })).filter((c) => !cut || c.text.size > 0);
        expect(matrix.columns.map((c) => c.key)).toEqual(columns.map((c) => c.key));
        const everything = new Set(columns.flatMap((c) => [...c.text]));
        const value = (codes: Set<string>, text: Set<string>) => {
          const hits = counted.filter((c) => codes.has(c.codeId) && shared(chars([c]), text) > 0);
          if (measure === 'segments') return hits.length;
          if (measure === 'sources') return new Set(hits.map((c) => c.sourceId)).size;
          return text.size ? shared(chars(hits), text) / text.size : 0;
        };
        const cells = new Map(matrix.cells.map(([r, c, v]) => [`${r}|${c}`, v]));
        const all = new Set(p.codes.map((c) => c.id));
        matrix.rows.forEach((head, r) => {
          const codes = codesOf(p.codes, head);
          columns.forEach((column, c) => expect(cells.get(`${r}|${c}`) ?? 0).toBeCloseTo(value(codes, column.text), 9));
          expect(matrix.rowTotals![r]).toBeCloseTo(value(codes, everything), 9);
        });
        columns.forEach((column, c) => expect(matrix.columnTotals![c]).toBeCloseTo(value(all, column.text), 9));
        expect(matrix.total).toBeCloseTo(value(all, everything), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('code × code (overlapping codings): every cell, and a code and its own sub-codes blank', () => {
    fc.assert(
      fc.property(project, fc.constantFrom(...matrixMeasures), (p, measure) => {
        const matrix = buildMatrix({ ...p, filter: null, passages: [] }, spec({ columns: 'codes', cooccurrence: 'overlap', measure }));
        const cells = new Map(matrix.cells.map(([r, c, v]) => [`${r}|${c}`, v]));
        const blank = new Set(matrix.blank.map(([r, c]) => `${r}|${c}`));
        const sources = [...new Set(p.codings.map((c) => c.sourceId))];
        matrix.rows.forEach((rowHead, r) => {
          const rowCodes = codesOf(p.codes, rowHead);
          const rowCodings = p.codings.filter((c) => rowCodes.has(c.codeId));
          matrix.columns.forEach((columnHead, c) => {
            const columnCodes = codesOf(p.codes, columnHead);
            const key = `${r}|${c}`;
            expect(blank.has(key)).toBe([...rowCodes].some((id) => columnCodes.has(id)));
            if (blank.has(key)) return expect(cells.has(key)).toBe(false);
            const columnCodings = p.codings.filter((x) => columnCodes.has(x.codeId));
            const meeting = rowCodings.filter((a) => columnCodings.some((b) => b.sourceId === a.sourceId && b.start < a.end && a.start < b.end));
            let expected: number = measure === 'segments' ? meeting.length : new Set(meeting.map((x) => x.sourceId)).size;
            if (measure === 'coverage') {
              const both = sources.reduce((sum, s) => sum + shared(chars(rowCodings.filter((x) => x.sourceId === s)), chars(columnCodings.filter((x) => x.sourceId === s))), 0);
              const either = chars(rowCodings).size + chars(columnCodings).size - both;
              expected = both > 0 && either > 0 ? both / either : 0;
            }
            expect(cells.get(key) ?? 0).toBeCloseTo(expected, 9);
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});
