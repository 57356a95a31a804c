import { describe, expect, it } from 'vitest';
import { claimWords } from './claim-words';
import { codeMatrix } from './code-matrix';
import { codePalette, colourForNewCode } from './palette';
import { kindForFile } from './source-kind';
import { cutsCharacter } from './spans';
import { stageAfterCoding } from './stage';

describe('stage after coding', () => {
  it('moves a collected source on to reduced and leaves later stages alone', () => {
    expect(stageAfterCoding('collected')).toBe('reduced');
    expect(stageAfterCoding('reduced')).toBe('reduced');
    expect(stageAfterCoding('displayed')).toBe('displayed');
    expect(stageAfterCoding('concluded')).toBe('concluded');
  });
});

describe('kind from a file name', () => {
  it('guesses transcripts and notes, and takes anything else for a paper', () => {
    expect(kindForFile('Interview 3 - Rina.docx')).toBe('transcript');
    expect(kindForFile('focus-group-transcript.txt')).toBe('transcript');
    expect(kindForFile('field notes, day 2.md')).toBe('note');
    expect(kindForFile('site-note.txt')).toBe('note');
    expect(kindForFile('notebook.txt')).toBe('paper');
    expect(kindForFile('Okafor 2016.pdf')).toBe('paper');
  });
});

describe('colours of new codes', () => {
  it('takes the palette in turn and starts again after the last colour', () => {
    expect(colourForNewCode(0)).toBe(codePalette[0]);
    expect(colourForNewCode(3)).toBe(codePalette[3]);
    expect(colourForNewCode(codePalette.length)).toBe(codePalette[0]);
    expect(new Set(codePalette).size).toBe(codePalette.length);
  });
});

describe("a claim's own words", () => {
  const source = 'Intro. Sellers ship more parcels abroad (Okafor et al., 2016; Lim 2020) than before. End.';
  const start = source.indexOf('Sellers');
  const text = source.slice(start, source.indexOf(' End.'));
  const span = (cited: string) => ({ start: source.indexOf(cited), end: source.indexOf(cited) + cited.length });

  it('cuts every citation out, whatever order they are given in', () => {
    const words = claimWords({ text, start, citations: [span('Lim 2020'), span('Okafor et al., 2016')] });
    expect(words).not.toMatch(/Okafor|Lim|2016|2020/);
    expect(words.replace(/\s+/g, ' ')).toBe('Sellers ship more parcels abroad ( ; ) than before.');
  });

  it('ignores a citation that lies outside the claim', () => {
    expect(claimWords({ text, start, citations: [{ start: 0, end: 6 }] })).toBe(text);
  });
});

describe('code × source matrix', () => {
  it('puts each count in its code row and source column, zero elsewhere, and drops counts of unknown codes or sources', () => {
    const matrix = codeMatrix(
      [
        { id: 's1', title: 'Interview 1' },
        { id: 's2', title: 'Interview 2' },
      ],
      ['trust', 'cost'],
      [
        { codeId: 'cost', sourceId: 's2', n: 4 },
        { codeId: 'trust', sourceId: 's1', n: 2 },
        { codeId: 'gone', sourceId: 's1', n: 9 },
        { codeId: 'trust', sourceId: 'gone', n: 9 },
      ],
    );
    expect(matrix).toEqual({
      sources: [
        { id: 's1', title: 'Interview 1' },
        { id: 's2', title: 'Interview 2' },
      ],
      rows: [
        { codeId: 'trust', counts: [2, 0] },
        { codeId: 'cost', counts: [0, 4] },
      ],
    });
  });
});

describe('offsets that cut a character', () => {
  it('are those between the two halves of a surrogate pair, never the ends of the text', () => {
    const text = 'a🚢b𝔸';
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => cutsCharacter(text, offset))).toEqual([false, false, true, false, false, true, false]);
    expect(cutsCharacter('\uD800', 1)).toBe(false);
    expect(cutsCharacter('\uDC00\uD800', 1)).toBe(false);
  });
});
