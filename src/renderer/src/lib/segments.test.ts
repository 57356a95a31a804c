import fc from 'fast-check';
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

describe('segmentRange, for any codings (property-based)', () => {
  // Codings over a text of up to 60 UTF-16 units, some zero-width in the range, some outside it.
  const span = fc.tuple(fc.nat(60), fc.nat(60)).filter(([a, b]) => a !== b).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
  const codings = fc.array(span, { maxLength: 12 }).map((spans) => spans.map((s, i) => coding(`c${i}`, `k${i % 3}`, s.start, s.end)));
  const range = fc.tuple(fc.nat(60), fc.nat(60)).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));

  it('tiles the range exactly: pieces in order, no gaps, no overlaps, none empty', () => {
    fc.assert(
      fc.property(range, codings, (r, spans) => {
        const segments = segmentRange(r, spans);
        if (r.end === r.start) return segments.length === 0;
        expect(segments[0]!.start).toBe(r.start);
        expect(segments.at(-1)!.end).toBe(r.end);
        segments.forEach((s, i) => {
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBe(segments[i - 1]!.end);
        });
        return true;
      }),
    );
  });

  it('gives each piece exactly the codings covering all of it, outermost first, and no two neighbours the same set', () => {
    fc.assert(
      fc.property(range, codings, (r, spans) => {
        const segments = segmentRange(r, spans);
        segments.forEach((s, i) => {
          const covering = spans.filter((c) => c.start <= s.start && c.end >= s.end).map((c) => c.id);
          expect(s.spans.map((c) => c.id).sort()).toEqual(covering.sort());
          // No coding covers only part of a piece: every boundary is a cut.
          for (const c of spans) expect(c.start <= s.start || c.start >= s.end).toBe(true);
          for (const c of spans) expect(c.end <= s.start || c.end >= s.end).toBe(true);
          const widths = s.spans.map((c) => c.end - c.start);
          expect(widths).toEqual([...widths].sort((a, b) => b - a));
          if (i > 0) expect(s.spans.map((c) => c.id)).not.toEqual(segments[i - 1]!.spans.map((c) => c.id));
        });
      }),
    );
  });

  it('rebuilds the text of the range, character for character, astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), codings, (text, spans) => {
        const r = { start: 0, end: text.length };
        const within = spans.filter((c) => c.end <= text.length);
        expect(segmentRange(r, within).map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
      }),
    );
  });
});

describe('trimSpan, for any text and span (property-based)', () => {
  it('narrows to a span inside the first, starting and ending on no whitespace, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', 'é', '\u00a0', '🚢') , maxLength: 40 }), fc.nat(40), fc.nat(40), (text, a, b) => {
        const span = { start: Math.min(a, b, text.length), end: Math.min(Math.max(a, b), text.length) };
        const trimmed = trimSpan(text, span);
        expect(trimmed.start).toBeGreaterThanOrEqual(span.start);
        expect(trimmed.end).toBeLessThanOrEqual(span.end);
        expect(trimmed.start).toBeLessThanOrEqual(trimmed.end);
        if (trimmed.end > trimmed.start) {
          expect(text[trimmed.start]).toMatch(/\S/);
          expect(text[trimmed.end - 1]).toMatch(/\S/);
        }
        expect(trimSpan(text, trimmed)).toEqual(trimmed);
      }),
    );
  });
});
