import { describe, expect, it } from 'vitest';
import { isHeadingLine, splitSentences } from './sentences';

function sentences(text: string): string[] {
  return splitSentences(text, [{ start: 0, end: text.length }]).map((sentence) => text.slice(sentence.start, sentence.end));
}

describe('splitSentences', () => {
  it('does not break at abbreviations, initials, decimals or U.S.', () => {
    expect(sentences('Allen et al. (2015) found gains of 2.5 per cent, e.g. in sales. See p. 12 and pp. 3–5 of J. A. Smith. Workers in the U.S. reported more. Costs fell (cf. Lee, 2020). Done!')).toEqual([
      'Allen et al. (2015) found gains of 2.5 per cent, e.g. in sales.',
      'See p. 12 and pp. 3–5 of J. A. Smith.',
      'Workers in the U.S. reported more.',
      'Costs fell (cf. Lee, 2020).',
      'Done!',
    ]);
  });

  it('ends sentences at paragraph breaks and list items, and skips headings', () => {
    const text = '## Results\n\nSales grew (Lee, 2020)\n\nBuyers changed:\n- a) Prices fell.\n- b) Choice grew.\n\n**CONCLUSION**\n\nIt worked.';
    expect(sentences(text)).toEqual(['Sales grew (Lee, 2020)', 'Buyers changed:', 'a) Prices fell.', 'b) Choice grew.', 'It worked.']);
    const parsed = splitSentences(text, [{ start: 0, end: text.length }]);
    expect(parsed.map((sentence) => sentence.section)).toEqual(['Results', 'Results', 'Results', 'Results', 'CONCLUSION']);
    expect(new Set(parsed.slice(2, 4).map((sentence) => sentence.paragraph)).size).toBe(1);
  });

  it('rejoins a sentence broken by a page break in converted PDF text', () => {
    expect(sentences('Diplomacy changes planning,\n\ninternational talks, and crisis work (Holmes, 2015). Next one.')).toEqual([
      'Diplomacy changes planning,\n\ninternational talks, and crisis work (Holmes, 2015).',
      'Next one.',
    ]);
  });

  it('reads the whole run of initials before a full stop, however long', () => {
    const initials = 'A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R.S.T.U.V.W.X.Y.Z.𝐀.𝐁.𝐂';
    expect(sentences(`Filed under ${initials}. Next one. Then ${'x.'.repeat(40)}x. Last.`)).toEqual([
      `Filed under ${initials}. Next one.`,
      `Then ${'x.'.repeat(40)}x. Last.`,
    ]);
  });

  it('only covers the given ranges', () => {
    const text = 'Body one. Body two.\nReferences\nLee, K. (2020). Title.';
    expect(splitSentences(text, [{ start: 0, end: text.indexOf('\nReferences') }])).toHaveLength(2);
  });
});

describe('isHeadingLine', () => {
  it('recognises Markdown, bold and capitalised headings but not sentences', () => {
    expect(['# Intro', '**RESEARCH METHOD**', 'RESULT AND DISCUSSION'].map(isHeadingLine)).toEqual([true, true, true]);
    expect(['The ASEAN DEFA was signed.', 'Sales rose 4%.'].map(isHeadingLine)).toEqual([false, false]);
  });
});
