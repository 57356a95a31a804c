import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet-parts';

const render = (snippet: string, highlights: Array<[number, number]>) =>
  snippetParts(snippet, highlights)
    .map((p) => (p.marked ? `[${p.text}]` : p.text))
    .join('');

describe('snippetParts', () => {
  it('marks each highlighted span and keeps the text between', () => {
    expect(render('sellers ship parcels abroad', [[8, 12], [21, 27]])).toBe('sellers [ship] parcels [abroad]');
  });

  it('merges overlapping spans, sorts them and clips those past the ends', () => {
    expect(render('digital trade rules', [[8, 13], [0, 10], [15, 99]])).toBe('[digital trade] r[ules]');
    expect(render('abc', [[5, 9], [2, 2]])).toBe('abc');
  });

  it('gives one plain part for a snippet without highlights and none for an empty one', () => {
    expect(snippetParts('plain text', [])).toEqual([{ text: 'plain text', marked: false }]);
    expect(snippetParts('', [[0, 3]])).toEqual([]);
  });
});
