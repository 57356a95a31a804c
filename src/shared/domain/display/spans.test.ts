import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coveredLength, intersectionLength, intersectSpans, mergeSpans, spansLength, type Span } from './spans';

const span = fc.tuple(fc.nat(200), fc.nat(40)).map(([start, length]): Span => ({ start, end: start + length }));
const spans = fc.array(span, { maxLength: 12 });

/** The characters a list covers, one by one: the slow and obvious answer. */
const characters = (list: readonly Span[]) => {
  const covered = new Set<number>();
  for (const s of list) for (let i = s.start; i < s.end; i++) covered.add(i);
  return covered;
};

describe('spans as sets of characters', () => {
  it('merges spans sorted or not, dropping empty ones and joining those that touch', () => {
    const unsorted = [
      { start: 10, end: 12 },
      { start: 0, end: 5 },
      { start: 5, end: 7 },
      { start: 3, end: 3 },
    ];
    expect(mergeSpans(unsorted)).toEqual([
      { start: 0, end: 7 },
      { start: 10, end: 12 },
    ]);
    expect(mergeSpans([...unsorted].sort((a, b) => a.start - b.start))).toEqual(mergeSpans(unsorted));
    // The result is a new list: merging never changes the spans given.
    expect(unsorted[1]).toEqual({ start: 0, end: 5 });
  });

  it('measures what two merged lists share without making the list of it', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const [ma, mb] = [mergeSpans(a), mergeSpans(b)];
        expect(intersectionLength(ma, mb)).toBe(spansLength(intersectSpans(ma, mb)));
        expect(intersectionLength(ma, mb)).toBe([...characters(a)].filter((i) => characters(b).has(i)).length);
      }),
      { numRuns: 300 },
    );
  });

  it('measures what any of a list of spans covers inside a merged list, overlaps counted once, sorted or not', () => {
    expect(
      coveredLength(
        [
          { start: 0, end: 10 },
          { start: 5, end: 20 },
          { start: 30, end: 40 },
        ],
        [
          { start: 8, end: 12 },
          { start: 18, end: 35 },
        ],
      ),
    ).toBe(4 + 2 + 5);
    fc.assert(
      fc.property(spans, spans, fc.boolean(), (list, region, sort) => {
        const given = sort ? [...list].sort((a, b) => a.start - b.start) : list;
        const within = mergeSpans(region);
        expect(coveredLength(given, within)).toBe(spansLength(intersectSpans(mergeSpans(list), within)));
      }),
      { numRuns: 300 },
    );
  });
});
