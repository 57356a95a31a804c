import { describe, expect, it } from 'vitest';
import { fieldsFromSpans, locatorIn, pagesIn, spansOf, type ReferenceLabel } from './fields';
import { tokenize } from './tokens';

/** Tags an entry written as "label:text|label:text", the way the tagger's output is laid over it. */
function tagged(parts: Array<[ReferenceLabel, string]>): ReturnType<typeof fieldsFromSpans> {
  const text = parts.map(([, value]) => value).join(' ');
  const labels = parts.flatMap(([label, value]) => tokenize(value).map(() => label));
  return fieldsFromSpans(text, spansOf(tokenize(text), labels));
}

describe('reading fields from tagged tokens', () => {
  it('cuts each field from its first run of tokens and tidies it', () => {
    expect(
      tagged([
        ['author', 'Hariyanto, Budi.'],
        ['date', '2018.'],
        ['title', '“Cigarette Excise Tiers and Market Structure in Indonesia.”'],
        ['journal', 'Bulletin of Indonesian Economic Studies'],
        ['volume', '54 (3):'],
        ['pages', '301–24.'],
        ['doi', 'doi:10.5555/bies.2018.54.3.301.'],
      ]),
    ).toEqual({
      authors: ['Hariyanto'],
      editors: [],
      year: '2018',
      title: 'Cigarette Excise Tiers and Market Structure in Indonesia',
      container: 'Bulletin of Indonesian Economic Studies',
      volume: '54',
      issue: '3',
      pages: '301–24',
      doi: '10.5555/bies.2018.54.3.301',
      url: null,
    });
  });

  it('reads names that close with "(Eds.)" as editors, and an editor run after "In"', () => {
    const book = tagged([['author', 'Binstock, R. H., & George, L. K. (Eds.).'], ['date', '(1990).'], ['title', 'Handbook of aging.']]);
    expect(book.authors).toEqual([]);
    expect(book.editors).toEqual(['Binstock', 'George']);
    const chapter = tagged([['author', 'Solon, G.'], ['date', '(1999).'], ['title', 'Mobility.'], ['editor', 'In O. Ashenfelter and D. Card (Eds.),'], ['container-title', 'Handbook of labor economics']]);
    expect(chapter).toMatchObject({ authors: ['Solon'], editors: ['Ashenfelter', 'Card'], container: 'Handbook of labor economics' });
  });

  it('takes a DOI written as a link as the DOI, and rejoins an address a line break split', () => {
    expect(tagged([['title', 'Metrics.'], ['note', 'Available:'], ['url', 'http://dx.doi.org/10.1371/journal.pbio.1001687.']])).toMatchObject({ doi: '10.1371/journal.pbio.1001687', url: null });
    expect(tagged([['title', 'Breach.'], ['url', 'http://www. boston.com/business/globe/tjx.html']]).url).toBe('http://www.boston.com/business/globe/tjx.html');
    expect(tagged([['title', 'Notes.'], ['url', '<http://www.msnbc.com /news/754336.asp>.']]).url).toBe('http://www.msnbc.com/news/754336.asp');
  });

  it('finds a web address nobody labelled', () => {
    expect(tagged([['title', 'Report.'], ['note', 'Retrieved from https://example.org/report.pdf']]).url).toBe('https://example.org/report.pdf');
  });
});

describe('locators', () => {
  it.each([
    ['23(6),', { volume: '23', issue: '6', pages: null, year: null }],
    ['Vol. 3, No. 2,', { volume: '3', issue: '2', pages: null, year: null }],
    ['vol. 40, no. 1,', { volume: '40', issue: '1', pages: null, year: null }],
    ['12 (3-4):', { volume: '12', issue: '3-4', pages: null, year: null }],
    ['XI,', { volume: 'XI', issue: null, pages: null, year: null }],
    ['2012;30(15):', { volume: '30', issue: '15', pages: null, year: '2012' }],
    ['127(1):79–183,', { volume: '127', issue: '1', pages: '79–183', year: null }],
  ])('reads %s', (text, expected) => {
    expect(locatorIn(text)).toEqual(expected);
  });

  it('reads page ranges with their prefixes and letters', () => {
    expect(pagesIn('pp. 1761–1800).')).toBe('1761–1800');
    expect(pagesIn('A44.')).toBe('A44');
    expect(pagesIn('p 18 - 22,')).toBe('18-22');
  });
});
