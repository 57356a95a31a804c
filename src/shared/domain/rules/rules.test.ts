import { describe, expect, it } from 'vitest';
import { claimWords } from './claim-words';
import { codeMatrix } from './code-matrix';
import { codePalette, colourForNewCode } from './palette';
import { guessKind, type KindEvidence } from './source-kind';
import { stageAfterCoding } from './stage';

describe('stage after coding', () => {
  it('moves a collected source on to reduced and leaves later stages alone', () => {
    expect(stageAfterCoding('collected')).toBe('reduced');
    expect(stageAfterCoding('reduced')).toBe('reduced');
    expect(stageAfterCoding('displayed')).toBe('displayed');
    expect(stageAfterCoding('concluded')).toBe('concluded');
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
