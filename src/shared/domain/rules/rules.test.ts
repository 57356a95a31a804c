import { describe, expect, it } from 'vitest';
import { claimWords } from './claim-words';
import { codePalette, colourForNewCode } from './palette';
import { kindForFile } from './source-kind';
import { advanceStage, stageAfterCoding } from './stage';

describe('stage after coding', () => {
  it('moves a collected source on to reduced and leaves later stages alone', () => {
    expect(stageAfterCoding('collected')).toBe('reduced');
    expect(stageAfterCoding('reduced')).toBe('reduced');
    expect(stageAfterCoding('displayed')).toBe('displayed');
    expect(stageAfterCoding('concluded')).toBe('concluded');
  });

  it('moves forward to the stage work reached and never back', () => {
    expect(advanceStage('collected', 'displayed')).toBe('displayed');
    expect(advanceStage('reduced', 'concluded')).toBe('concluded');
    expect(advanceStage('concluded', 'displayed')).toBe('concluded');
    expect(advanceStage('displayed', 'displayed')).toBe('displayed');
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
