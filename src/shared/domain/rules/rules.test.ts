import { describe, expect, it } from 'vitest';
import { claimWords } from './claim-words';
import { codePalette, colourForNewCode } from './palette';
import { compareAttributeValues, parseAttributeValue } from './attribute-values';
import { guessKind, type KindEvidence } from './source-kind';
import { cutsCharacter } from './spans';
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

describe('kind guessed from a source', () => {
  /** Passages of a text split on blank lines; those shaped like "R: ..." are turns. */
  function evidence(fileName: string | null, text: string): KindEvidence {
    const passages: Array<KindEvidence['passages'][number]> = [];
    let at = 0;
    for (const part of text.split('\n\n')) {
      const kind = /^[A-Z][a-z]*: /.test(part) ? 'turn' : 'paragraph';
      passages.push({ kind, start: at, end: at + part.length });
      at += part.length + 2;
    }
    return { fileName, text, passages };
  }
  const prose = 'We walked the market at dawn.\n\nThe stalls opened late.';

  it('takes a text of speaker turns for a transcript, whatever its name', () => {
    expect(guessKind(evidence('day 2.txt', 'I: Where do you sell?\n\nR: Online.\n\nI: Since when?'))).toBe('transcript');
  });

  it('takes a file named as an interview for a transcript, and notes for notes', () => {
    expect(guessKind(evidence('Interview 3 - Rina.docx', prose))).toBe('transcript');
    expect(guessKind(evidence('focus-group-transcript.txt', prose))).toBe('transcript');
    expect(guessKind(evidence('field notes, day 2.md', prose))).toBe('note');
    expect(guessKind(evidence('site-note.txt', prose))).toBe('note');
    expect(guessKind(evidence('notebook.txt', prose))).toBe('document');
  });

  it('takes a text with a reference list, an abstract or author–year citations for a paper', () => {
    expect(guessKind(evidence('Okafor 2016.pdf', `${prose}\n\nReferences\n\nLim, K. (2020). Parcels.`))).toBe('paper');
    expect(guessKind(evidence(null, `Abstract: We study parcels.\n\n${prose}`))).toBe('paper');
    expect(guessKind(evidence('x.pdf', 'Costs rose (Lim, 2020), as others found (Tan & Ong 2019) and Ong et al. (2021) confirm.'))).toBe('paper');
    expect(guessKind(evidence('x.pdf', 'References to the old market were common.\n\nNobody cited anything.'))).toBe('document');
  });

  it('takes notes that say so in their first lines for field notes, and anything else for a document', () => {
    expect(guessKind(evidence('day 2.txt', `Field notes, Lombok\n\n${prose}`))).toBe('note');
    expect(guessKind(evidence('policy.pdf', 'The ministry shall publish tariffs.\n\nArticle 2 applies.'))).toBe('document');
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

describe('typed attribute values', () => {
  it('reads numbers, dates and yes/no in one stored spelling, and says what to write instead', () => {
    expect(parseAttributeValue('number', ' 1,234.50 ')).toEqual({ ok: true, value: '1234.5' });
    expect(parseAttributeValue('number', '-3e2')).toEqual({ ok: true, value: '-300' });
    expect(parseAttributeValue('number', 'twelve')).toMatchObject({ ok: false, problem: expect.stringMatching(/not a number/) });
    expect(parseAttributeValue('date', '2024')).toEqual({ ok: true, value: '2024' });
    expect(parseAttributeValue('date', '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseAttributeValue('date', '2023-02-29')).toMatchObject({ ok: false });
    expect(parseAttributeValue('date', '18/03/2024')).toMatchObject({ ok: false, problem: expect.stringMatching(/year-month-day/) });
    expect(parseAttributeValue('boolean', 'Yes')).toEqual({ ok: true, value: 'true' });
    expect(parseAttributeValue('boolean', '0')).toEqual({ ok: true, value: 'false' });
    expect(parseAttributeValue('boolean', 'maybe')).toMatchObject({ ok: false });
    expect(parseAttributeValue('text', '  Lombok ')).toEqual({ ok: true, value: 'Lombok' });
    expect(parseAttributeValue('text', '   ')).toMatchObject({ ok: false });
  });

  it('orders numbers by size and dates by time', () => {
    expect(['10', '9', '-1'].sort((a, b) => compareAttributeValues('number', a, b))).toEqual(['-1', '9', '10']);
    expect(['2024-03', '2023-12-31', '2024'].sort((a, b) => compareAttributeValues('date', a, b))).toEqual(['2023-12-31', '2024', '2024-03']);
    expect(['item 10', 'item 9'].sort((a, b) => compareAttributeValues('text', a, b))).toEqual(['item 9', 'item 10']);
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
