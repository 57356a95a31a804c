import { describe, expect, it } from 'vitest';
import { cleanCsl, cslFromFields, identityOf, mergeCsl, normaliseDoi, sameWork, workKey } from './library';
import { planImport } from './library-import';

describe('the identity of a work', () => {
  it('normalises DOIs written as links or with a prefix, and refuses what is not one', () => {
    expect(normaliseDoi('https://doi.org/10.1000/ABC.12.')).toBe('10.1000/abc.12');
    expect(normaliseDoi('doi: 10.5555/x(1)')).toBe('10.5555/x(1)');
    expect(normaliseDoi('http://dx.doi.org/10.1023/A:1017379030770')).toBe('10.1023/a:1017379030770');
    expect(normaliseDoi('not a doi')).toBeNull();
  });

  it('keys a work by family names, year and title, ignoring case, accents and punctuation', () => {
    expect(workKey(['Nguyễn', 'Pérez-Higueras'], '2021', 'Customs: at the Click!')).toBe('nguyen perezhigueras|2021|customs at the click');
    expect(workKey(['Lim'], '2020', '')).toBe('');
  });

  it('is the same work by DOI, else by key; two DOIs that differ are two works', () => {
    const a = { doi: '10.1/a', workKey: 'lim|2020|parcels' };
    expect(sameWork(a, { doi: '10.1/a', workKey: 'other' })).toBe(true);
    expect(sameWork(a, { doi: null, workKey: 'lim|2020|parcels' })).toBe(true);
    expect(sameWork(a, { doi: '10.1/b', workKey: 'lim|2020|parcels' })).toBe(false);
    expect(sameWork({ doi: null, workKey: '' }, { doi: null, workKey: '' })).toBe(false);
  });

  it('is cited by its editors when it has no authors', () => {
    expect(identityOf({ type: 'book', title: 'Digital Trade', editor: [{ family: 'Lee', given: 'Chen' }], issued: { 'date-parts': [[2021]] } }).authors).toEqual(['Lee']);
  });
});

describe('merging and cleaning records', () => {
  it('fills only the fields the kept record lacks', () => {
    const merged = mergeCsl({ type: 'article-journal', title: 'Parcels abroad', volume: '' }, { type: 'book', title: 'PARCELS', volume: '3', page: '4-9', id: 'x' });
    expect(merged).toEqual({ type: 'article-journal', title: 'Parcels abroad', volume: '3', page: '4-9' });
  });

  it('keeps the first readable of repeated dates and turns a written date into date parts', () => {
    expect(cleanCsl({ issued: { raw: ['2021///', '2020'] } as never }).issued).toEqual({ 'date-parts': [[2021]] });
    expect(cleanCsl({ issued: { raw: '2016/12/00/' } }).issued).toEqual({ 'date-parts': [[2016, 12]] });
    expect(cleanCsl({ issued: { raw: 'Spring 2016' } }).issued).toEqual({ literal: 'Spring 2016' });
    expect(cleanCsl({ URL: 'https://doi.org/10.5555/X' }).DOI).toBe('10.5555/x');
  });

  it('reads names typed by hand: "Family, Given" is a person, anything else an organisation', () => {
    expect(cslFromFields({ type: 'report', title: 'Trade', authors: ['Lim, Kevin', 'World Bank'], year: '2020' }).author).toEqual([{ family: 'Lim', given: 'Kevin' }, { literal: 'World Bank' }]);
  });
});

describe('planning an import', () => {
  it('points each record at the library reference or the earlier record it repeats', () => {
    const existing = [{ id: 'r1', identity: { doi: '10.1000/a', workKey: 'lim|2020|parcels' } }];
    const plan = planImport(existing, [
      { title: 'Other', DOI: 'https://doi.org/10.1000/A' },
      { title: 'Couriers', author: [{ family: 'Hartono' }] },
      { title: 'couriers.', author: [{ family: 'Hartono' }] },
    ]);
    expect(plan.map((p) => [p.duplicateOf, p.repeats])).toEqual([
      ['r1', null],
      [null, null],
      [null, 1],
    ]);
  });
});
