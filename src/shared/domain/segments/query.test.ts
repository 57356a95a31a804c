import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random';
import { queryCodeIds, retrieveSegments, segmentStats, type QueryCoding, type SegmentQuery } from './query';

// Two sources; codes: trust (with sub-code distrust), cost, delay.
const codes = [
  { id: 'trust', parentId: null },
  { id: 'distrust', parentId: 'trust' },
  { id: 'cost', parentId: null },
  { id: 'delay', parentId: null },
];
let n = 0;
const coding = (sourceId: string, codeId: string, start: number, end: number): QueryCoding => ({ id: `k${++n}`, sourceId, codeId, start, end });
const t1 = coding('a', 'trust', 0, 50);
const c1 = coding('a', 'cost', 40, 80);
const d1 = coding('a', 'delay', 200, 220);
const t2 = coding('a', 'distrust', 100, 120);
const c2 = coding('a', 'cost', 125, 140);
const t3 = coding('b', 'trust', 10, 30);
const c3 = coding('b', 'cost', 500, 520);
const all = [c3, t3, c2, t2, d1, c1, t1];

const code = (codeId: string, subcodes = false): SegmentQuery => ({ op: 'code', codeId, subcodes });
const spans = (query: SegmentQuery, filter = {}, scope = {}) =>
  retrieveSegments(all, codes, query, filter, scope).map((s) => `${s.sourceId}:${s.start}-${s.end}:${s.codingIds.join('+')}`);

describe('retrieving coded segments', () => {
  it("lists a code's codings by source and place, with its sub-codes only when asked", () => {
    expect(spans(code('trust'))).toEqual([`a:0-50:${t1.id}`, `b:10-30:${t3.id}`]);
    expect(spans(code('trust', true))).toEqual([`a:0-50:${t1.id}`, `a:100-120:${t2.id}`, `b:10-30:${t3.id}`]);
    expect(queryCodeIds(code('trust', true), codes)).toEqual(new Set(['trust', 'distrust']));
  });

  it('OR lists the segments of either code once each', () => {
    expect(spans({ op: 'or', of: [code('trust'), code('cost'), code('trust')] })).toEqual([
      `a:0-50:${t1.id}`,
      `a:40-80:${c1.id}`,
      `a:125-140:${c2.id}`,
      `b:10-30:${t3.id}`,
      `b:500-520:${c3.id}`,
    ]);
  });

  it('AND gives the text coded with both, made of both codings', () => {
    expect(spans({ op: 'and', of: [code('trust'), code('cost')] })).toEqual([`a:40-50:${t1.id}+${c1.id}`]);
    expect(spans({ op: 'and', of: [code('trust'), code('delay')] })).toEqual([]);
    expect(spans({ op: 'and', of: [code('trust', true), code('cost'), code('trust')] })).toEqual([`a:40-50:${t1.id}+${c1.id}`]);
  });

  it('NOT keeps the segments of one code that no segment of the other overlaps', () => {
    expect(spans({ op: 'not', of: code('cost'), without: code('trust') })).toEqual([`a:125-140:${c2.id}`, `b:500-520:${c3.id}`]);
  });

  it('overlapping keeps whole segments that overlap the other code', () => {
    expect(spans({ op: 'overlap', of: code('cost'), with: code('trust') })).toEqual([`a:40-80:${c1.id}`]);
  });

  it('near keeps segments within N characters of the other code, in the same source only', () => {
    // distrust ends at 120, cost starts at 125: a gap of 5.
    expect(spans({ op: 'near', of: code('cost'), to: code('trust', true), within: 5 })).toEqual([`a:40-80:${c1.id}`, `a:125-140:${c2.id}`]);
    expect(spans({ op: 'near', of: code('cost'), to: code('trust', true), within: 4 })).toEqual([`a:40-80:${c1.id}`]);
    expect(spans({ op: 'near', of: code('delay'), to: code('cost'), within: 1000 })).toEqual([`a:200-220:${d1.id}`]);
    // A segment is not near itself.
    expect(spans({ op: 'near', of: code('delay'), to: code('delay'), within: 1000 })).toEqual([]);
  });

  it('filters by source, case, attribute and speaker', () => {
    const scope = {
      sourceAttributes: new Map([['a', { country: 'Indonesia' }], ['b', { country: 'Vietnam' }]]),
      cases: [
        { id: 'rina', attributes: { role: 'seller' }, members: [{ sourceId: 'a', start: 0, end: 60 }] },
        { id: 'site', attributes: { role: 'market' }, members: [{ sourceId: 'b', start: null, end: null }] },
      ],
      turns: [
        { sourceId: 'a', start: 0, end: 45, speaker: 'Rina' },
        { sourceId: 'a', start: 45, end: 300, speaker: 'I' },
      ],
    };
    const trustOrCost = { op: 'or' as const, of: [code('trust', true), code('cost')] };
    expect(spans(trustOrCost, { sourceIds: ['b'] }, scope)).toEqual([`b:10-30:${t3.id}`, `b:500-520:${c3.id}`]);
    expect(spans(trustOrCost, { caseIds: ['rina'] }, scope)).toEqual([`a:0-50:${t1.id}`, `a:40-80:${c1.id}`]);
    expect(spans(trustOrCost, { caseIds: ['site'] }, scope)).toEqual([`b:10-30:${t3.id}`, `b:500-520:${c3.id}`]);
    expect(spans(trustOrCost, { attributes: [{ name: 'country', value: 'Vietnam' }] }, scope)).toEqual([`b:10-30:${t3.id}`, `b:500-520:${c3.id}`]);
    // A case's attribute reaches only the segments the case holds; two names must both hold.
    expect(spans(trustOrCost, { attributes: [{ name: 'role', value: 'seller' }] }, scope)).toEqual([`a:0-50:${t1.id}`, `a:40-80:${c1.id}`]);
    expect(spans(trustOrCost, { attributes: [{ name: 'role', value: 'seller' }, { name: 'country', value: 'Vietnam' }] }, scope)).toEqual([]);
    expect(spans(trustOrCost, { attributes: [{ name: 'role', value: 'seller' }, { name: 'role', value: 'market' }] }, scope)).toHaveLength(4);
    expect(spans(trustOrCost, { speakers: ['Rina'] }, scope)).toEqual([`a:0-50:${t1.id}`, `a:40-80:${c1.id}`]);
    expect(spans(trustOrCost, { speakers: ['I'], sourceIds: ['a'] }, scope)).toEqual([`a:0-50:${t1.id}`, `a:40-80:${c1.id}`, `a:100-120:${t2.id}`, `a:125-140:${c2.id}`]);
  });

  it('lists sources in the order given', () => {
    expect(spans(code('cost'), {}, { sourceOrder: ['b', 'a'] })).toEqual([`b:500-520:${c3.id}`, `a:40-80:${c1.id}`, `a:125-140:${c2.id}`]);
  });

  it('counts segments, sources and characters, overlaps once', () => {
    const segments = retrieveSegments(all, codes, { op: 'or', of: [code('trust'), code('cost')] });
    expect(segmentStats(segments)).toEqual({ segments: 5, sources: 2, characters: 80 + 15 + 20 + 20 });
  });

  it('agrees with comparing every pair on random codings', () => {
    const random = seededRandom(7);
    const ids = ['trust', 'cost', 'delay'];
    const many = Array.from({ length: 400 }, (_, i) => {
      const start = Math.floor(random() * 5000);
      return { id: `r${i}`, sourceId: random() < 0.5 ? 'a' : 'b', codeId: ids[Math.floor(random() * 3)]!, start, end: start + 1 + Math.floor(random() * 120) };
    });
    const of = (codeId: string) => many.filter((c) => c.codeId === codeId);
    const pairs = (a: QueryCoding, b: QueryCoding, within: number) =>
      a.sourceId === b.sourceId && a.id !== b.id && Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end)) <= within;
    const overlapping = (a: QueryCoding, b: QueryCoding) => a.sourceId === b.sourceId && a.start < b.end && b.start < a.end;
    const ids2 = (query: SegmentQuery) => new Set(retrieveSegments(many, codes, query).map((s) => s.codingIds[0]));
    expect(ids2({ op: 'near', of: code('trust'), to: code('cost'), within: 30 })).toEqual(new Set(of('trust').filter((a) => of('cost').some((b) => pairs(a, b, 30))).map((a) => a.id)));
    expect(ids2({ op: 'overlap', of: code('trust'), with: code('cost') })).toEqual(new Set(of('trust').filter((a) => of('cost').some((b) => overlapping(a, b))).map((a) => a.id)));
    expect(ids2({ op: 'not', of: code('trust'), without: code('cost') })).toEqual(new Set(of('trust').filter((a) => !of('cost').some((b) => overlapping(a, b))).map((a) => a.id)));
    // AND covers exactly the characters both codes cover.
    const covered = (list: QueryCoding[], source: string) => {
      const set = new Set<number>();
      for (const c of list) if (c.sourceId === source) for (let i = c.start; i < c.end; i++) set.add(i);
      return set;
    };
    const and = retrieveSegments(many, codes, { op: 'and', of: [code('trust'), code('cost')] });
    for (const source of ['a', 'b']) {
      const both = [...covered(of('trust'), source)].filter((i) => covered(of('cost'), source).has(i));
      const got = new Set<number>();
      for (const s of and) if (s.sourceId === source) for (let i = s.start; i < s.end; i++) got.add(i);
      expect(got).toEqual(new Set(both));
    }
  });
});
