import { describe, expect, it } from 'vitest';
import type { DetectedCitation } from './citations';
import { parseReference } from './parse-reference';
import { findDuplicates, resolveCitations } from './resolve';
import type { AuditReference } from './types';

function references(...raws: string[]): AuditReference[] {
  return raws.map((raw, index) => ({ id: `ref-${index + 1}`, raw, start: 0, end: 0, label: null, ...parseReference(raw) }));
}

function citation(authors: string[], year: string, etAl = false): DetectedCitation {
  return { text: '', authors, etAl, year, start: 0, end: 0, style: 'parenthetical', label: null, irregularity: null };
}

const list = references(
  'Shirkoohi, S. M., & Muhammad Mohiuddin. (2025). Digital transformation in trade.',
  'Chandra, D. F. (2021). Digital diplomacy.',
  'Golden, T. D. (2006a). Avoiding depletion.',
  'Golden, T. D. (2006b). The role of relationships.',
  'Google, Temasek, & Company, B. &. (2023). Reaching new heights.',
  'Bank Indonesia. (2021). Rising and optimistic.',
  'Pérez-Higueras, J. J. (2014). Fatigue.',
  'Miles, M. B., & Huberman, A. M. (1994). Qualitative data analysis.',
  'Van Dijk, P., & Meijer, S. (2017). Port governance.',
);

describe('resolveCitations', () => {
  it.each([
    ['an exact single author', citation(['Chandra'], '2021'), 'matched', ['ref-2']],
    ['a year suffix', citation(['Golden'], '2006b'), 'matched', ['ref-4']],
    ['a corporate author', citation(['Bank Indonesia'], '2021'), 'matched', ['ref-6']],
    ['a corporate group written in full', citation(['Google', 'Temasek', 'Company'], '2023'), 'matched', ['ref-5']],
    ['a corporate group with et al.', citation(['Google'], '2023', true), 'matched', ['ref-5']],
    ['a name without its diacritics and in another case', citation(['perez-higueras'], '2014'), 'matched', ['ref-7']],
    ['two authors', citation(['Miles', 'Huberman'], '1994'), 'matched', ['ref-8']],
    ['a misspelt author', citation(['Shirkoochi', 'Muhammad Mohiuddin'], '2025'), 'near-match', ['ref-1']],
    ['a misspelt second author', citation(['Van Dijk', 'Meyer'], '2017'), 'near-match', ['ref-9']],
    ['a misspelt first author beside a second spelt right', citation(['Van Dyck', 'Meijer'], '2017'), 'near-match', ['ref-9']],
    ['two authors in the wrong order', citation(['Huberman', 'Miles'], '1994'), 'near-match', ['ref-8']],
    ['a co-author with no counterpart in the entry', citation(['Van Dijk', 'Jansen'], '2017'), 'missing', []],
    ['a single name two edits off', citation(['Chandar'], '2021'), 'missing', []],
    ['the right author with the wrong year', citation(['Chandra'], '2020'), 'year-mismatch', ['ref-2']],
    ['a year that fits two suffixed entries', citation(['Golden'], '2006'), 'ambiguous', ['ref-3', 'ref-4']],
    ['an author not in the list', citation(['Pammet'], '2015'), 'missing', []],
    ['a short name one letter off (too short to call a misspelling)', citation(['Chu'], '2017'), 'missing', []],
  ])('resolves %s', (_, cited, status, ids) => {
    const [resolved] = resolveCitations([cited], list);
    expect(resolved?.status).toBe(status);
    expect(resolved?.referenceIds).toEqual(ids);
  });

  it('resolves numeric citations by the entry numbers', () => {
    const numbered = references('Lee, K. (2020). A.', 'Park, S. (2019). B.').map((reference, index) => ({ ...reference, label: String(index + 1) }));
    const numeric = (label: string): DetectedCitation => ({ ...citation([], ''), style: 'numeric', label, text: label });
    expect(resolveCitations([numeric('2'), numeric('3')], numbered).map((resolved) => [resolved.status, resolved.referenceIds])).toEqual([
      ['matched', ['ref-2']],
      ['missing', []],
    ]);
  });

  it('counts occurrences of the same work for stable keys', () => {
    const resolved = resolveCitations([citation(['Chandra'], '2021'), citation(['Golden'], '2006a'), citation(['chandra'], '2021')], list);
    expect(resolved.map((item) => item.occurrence)).toEqual([0, 0, 1]);
  });

  it('matches a cited work listed twice to the first copy', () => {
    const twice = references('Moore, B. (2018). E-commerce in Indonesia: A guide.', 'Moore, B. (2018). E-commerce in Indonesia: A guide.');
    expect(resolveCitations([citation(['Moore'], '2018')], twice)[0]).toMatchObject({ status: 'matched', referenceIds: ['ref-1'] });
  });

  it('resolves an institution cited by its full name to the entry listed by its acronym, and the other way round', () => {
    const institutions = references('OECD (2020b) Multi-level governance reforms. Paris: OECD Publishing.', 'World Health Organization. (2021). Global report on tobacco taxation.');
    expect(resolveCitations([citation(['Organisation for Economic Co-operation and Development'], '2020b'), citation(['WHO'], '2021'), citation(['Oxford Economic Centre'], '2020b')], institutions).map((item) => [item.status, item.referenceIds])).toEqual([
      ['matched', ['ref-1']],
      ['matched', ['ref-2']],
      ['missing', []],
    ]);
  });
});

describe('resolveCitations: "et al.", co-authors and dates as the five common styles write them', () => {
  const entries = references(
    'Osei, K. (2017). Smoked fish. Riverine Press.',
    'Nakamura, H., & Reyes, P. (2019). Net mending. Coastal Letters, 2, 1-9.',
    'Nakamura, H., Lee, J., & Cho, M. (2019). Boat yards. Coastal Letters, 2, 10-19.',
    'Boateng, A., Adeyemi, T., Obi, K., & Nwosu, K. (2021). Landings. Press.',
    'Boateng, A., Obi, K., & Nwosu, K. (2021). Market days. Press.',
    'Okafor, N. et al. (2016) Fishing cooperatives. Lagos: Riverine Press.',
    'Marsh, T., Lind, A., Ekwueme, C., & Sato, Y. (2003-2020). Tide tables. Harbour Office.',
    'Farrow, K. (no date) Reef survey notes. Available at: https://example.org/reef',
    'Tibshirani, R., & Hastie, T. (2015). Sparse fits. Press.',
    'Bautista, R. (2021a). Ports. Press.',
    'Bautista, R. (2021b). Harbours. Press.',
  );
  const resolve = (cited: DetectedCitation, others: DetectedCitation[] = []) => {
    const resolved = resolveCitations([...others, cited], entries).pop();
    return [resolved?.status, resolved?.referenceIds];
  };

  it.each([
    ['"et al." for a single author', citation(['Osei'], '2017', true), 'near-match', ['ref-1']],
    ['"et al." for a three-author work, not the two-author one of the same year', citation(['Nakamura'], '2019', true), 'matched', ['ref-3']],
    ['two names that are the first two authors', citation(['Nakamura', 'Reyes'], '2019'), 'matched', ['ref-2']],
    ['"et al." for the only work of that year, by two authors (reported as an inconsistent form, not a missing work)', citation(['Tibshirani'], '2015', true), 'matched', ['ref-9']],
    ['a co-author the entry lacks', citation(['Nakamura', 'Okafor'], '2019'), 'missing', []],
    ['the second author written with "et al." (APA disambiguation)', citation(['Boateng', 'Obi'], '2021', true), 'matched', ['ref-5']],
    ['a different second author with "et al."', citation(['Boateng', 'Adeyemi'], '2021', true), 'matched', ['ref-4']],
    ['"et al." for an entry that itself ends its names with "et al."', citation(['Okafor'], '2016', true), 'matched', ['ref-6']],
    ['a range of years', citation(['Marsh'], '2003-2020', true), 'matched', ['ref-7']],
    ['"no date"', citation(['Farrow'], 'n.d.'), 'matched', ['ref-8']],
    ['the second of two year suffixes', citation(['Bautista'], '2021b'), 'matched', ['ref-11']],
  ])('resolves %s', (_, cited, status, ids) => {
    expect(resolve(cited)).toEqual([status, ids]);
  });

  it('reads "et al." as more authors than the manuscript writes in full, between works of the same first author and year', () => {
    const inFull = citation(['Boateng', 'Obi', 'Nwosu'], '2021');
    expect(resolve(citation(['Boateng'], '2021', true), [inFull])).toEqual(['matched', ['ref-4']]);
    expect(resolve(citation(['Boateng'], '2021', true))).toEqual(['ambiguous', ['ref-4', 'ref-5']]);
  });

  it('keeps only the names of a narrative citation when the words before them are not authors', () => {
    const text = 'LASSO, Tibshirani and Hastie (2015)';
    const [resolved] = resolveCitations([{ ...citation(['LASSO', 'Tibshirani', 'Hastie'], '2015'), style: 'narrative', text, start: 100, end: 100 + text.length }], entries);
    expect(resolved).toMatchObject({ status: 'matched', referenceIds: ['ref-9'], authors: ['Tibshirani', 'Hastie'], text: 'Tibshirani and Hastie (2015)', start: 107 });
  });
});

describe('findDuplicates', () => {
  it('pairs entries with the same DOI or the same authors, year and title', () => {
    const entries = references(
      'Lee, K. (2020). Online trade in Asia. Trade Review, 4, 1-9. https://doi.org/10.1000/abc',
      'Lee, K. (2020). Online Trade in Asia. Trade Rev., 4, 1-9.',
      'Park, S. (2019). Ports. https://doi.org/10.1000/ABC',
      'Lee, K. (2020). Another paper entirely.',
    );
    expect(findDuplicates(entries).map(([original, copy]) => [original.id, copy.id])).toEqual([
      ['ref-1', 'ref-2'],
      ['ref-1', 'ref-3'],
    ]);
  });
});
