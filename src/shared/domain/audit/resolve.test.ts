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
