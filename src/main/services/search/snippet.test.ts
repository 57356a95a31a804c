import { describe, expect, it } from 'vitest';
import { Analyzer } from './analyzer';
import { makeSnippet, matchRangesInText, tokenRangesToOffsets } from './snippet';

const analyzer = new Analyzer();

describe('highlights', () => {
  it('find terms and whole phrase occurrences in text, stop words keeping their place', () => {
    const text = 'The state of the union: (states) united, a state of union.';
    const phrase = { words: [{ term: 'state', offset: 1 }, { term: 'union', offset: 4 }], fields: [1], presence: 'required' as const };
    const ranges = matchRangesInText(text, new Set(['unit']), [phrase], analyzer);
    const words = tokenRangesToOffsets(text, ranges, analyzer).map(([a, b]) => text.slice(a, b));
    expect(words).toEqual(['state of the union', 'united']);
  });

  it('cut long texts around the densest matches and shift highlights into the snippet', () => {
    const text = `${'lorem '.repeat(100)}alpha beta ${'ipsum '.repeat(100)}`;
    const start = text.indexOf('alpha');
    const { snippet, highlights } = makeSnippet(text, [
      [start, start + 5],
      [start + 6, start + 10],
    ]);
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['alpha', 'beta']);
    expect(makeSnippet('short text', [[0, 5]])).toEqual({ snippet: 'short text', highlights: [[0, 5]] });
  });
});
