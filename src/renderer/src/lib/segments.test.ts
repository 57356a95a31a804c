import { describe, expect, it } from 'vitest';
import { segmentRange, trimSpan } from './segments';

const coding = (id: string, codeId: string, start: number, end: number) => ({ id, codeId, start, end });
const shape = (segments: ReturnType<typeof segmentRange>) => segments.map((s) => [s.start, s.end, s.spans.map((x) => x.id).join('+')]);

describe('segmentRange', () => {
  it('tiles an uncoded passage with one plain segment', () => {
    expect(shape(segmentRange({ start: 10, end: 20 }, []))).toEqual([[10, 20, '']]);
  });

  it('splits at every boundary of overlapping codings, outermost first', () => {
    const segments = segmentRange({ start: 0, end: 30 }, [coding('a', 'x', 5, 20), coding('b', 'y', 10, 25)]);
    expect(shape(segments)).toEqual([
      [0, 5, ''],
      [5, 10, 'a'],
      [10, 20, 'a+b'],
      [20, 25, 'b'],
      [25, 30, ''],
    ]);
  });

  it('orders nested codings so the innermost comes last', () => {
    const segments = segmentRange({ start: 0, end: 10 }, [coding('inner', 'x', 3, 5), coding('outer', 'y', 0, 10)]);
    expect(shape(segments)).toEqual([
      [0, 3, 'outer'],
      [3, 5, 'outer+inner'],
      [5, 10, 'outer'],
    ]);
  });

  it('clips codings that run past the passage and ignores those outside it', () => {
    const segments = segmentRange({ start: 100, end: 110 }, [coding('a', 'x', 90, 105), coding('b', 'x', 110, 120), coding('c', 'x', 0, 100)]);
    expect(shape(segments)).toEqual([
      [100, 105, 'a'],
      [105, 110, ''],
    ]);
  });

  it('keeps identical spans of two codes together in one segment', () => {
    const segments = segmentRange({ start: 0, end: 4 }, [coding('b', 'y', 0, 4), coding('a', 'x', 0, 4)]);
    expect(shape(segments)).toEqual([[0, 4, 'a+b']]);
  });

  it('returns nothing for an empty range', () => {
    expect(segmentRange({ start: 5, end: 5 }, [coding('a', 'x', 0, 10)])).toEqual([]);
  });
});

describe('trimSpan', () => {
  it('drops whitespace at both ends of a selection', () => {
    const text = 'one  two three\n';
    expect(trimSpan(text, { start: 3, end: 15 })).toEqual({ start: 5, end: 14 });
  });

  it('collapses an all-whitespace selection', () => {
    const span = trimSpan('a   b', { start: 1, end: 4 });
    expect(span.end - span.start).toBe(0);
  });
});
