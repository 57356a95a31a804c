import { describe, expect, it } from 'vitest';
import { splitAuthors, splitReferenceAuthors } from './authors';

describe('splitReferenceAuthors', () => {
  it.each([
    ['Bautista, Ramon, and Liza Cruz.', ['Bautista', 'Cruz']],
    ['Santos, Maria, Paolo Reyes, Jun Villanueva, and Ana Lim.', ['Santos', 'Reyes', 'Villanueva', 'Lim']],
    ['Tan, Wei Ling, and Kevin Lim.', ['Tan', 'Lim']],
    ['Diaz, Carmela.', ['Diaz']],
    ['Dijk, Anna, and Jan van Dijk.', ['Dijk', 'van Dijk']],
  ])('reads Chicago names, the first inverted and written in full: %s', (text, names) => {
    expect(splitReferenceAuthors(text).names).toEqual(names);
  });

  it.each([
    ['Miles, M. B., & Huberman, A. M.', ['Miles', 'Huberman']],
    ['Aquino, Teresa M.', ['Aquino']],
    ['Google, Temasek, & Company, B. &.', ['Google', 'Temasek', 'Company']],
    ['Zeng, Fu, Haleem, Han, & Zhou', ['Zeng', 'Fu', 'Haleem', 'Han', 'Zhou']],
    ['World Bank.', ['World Bank']],
  ])('reads other lists as citations do: %s', (text, names) => {
    expect(splitReferenceAuthors(text).names).toEqual(names);
  });
});

describe('splitAuthors', () => {
  it('keeps an institution whose name has "and" in it whole, but splits persons joined by "and"', () => {
    expect(splitAuthors('Department of Health and Aged Care').names).toEqual(['Department of Health and Aged Care']);
    expect(splitAuthors('Smith and Jones').names).toEqual(['Smith', 'Jones']);
    expect(splitAuthors('Ministry of Trade & Bank Indonesia').names).toEqual(['Ministry of Trade', 'Bank Indonesia']);
  });
});
