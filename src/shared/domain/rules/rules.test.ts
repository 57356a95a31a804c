import { describe, expect, it } from 'vitest';
import { claimWords } from './claim-words';
import { codePalette, colourForNewCode, contrastRatio, legibleCodeColour, minimumCodeContrast, pageColour, paneColour, relativeLuminance } from './palette';
import { compareAttributeValues, parseAttributeValue } from './attribute-values';
import { inVivoName, inVivoNameLength } from './in-vivo';
import { codeShortcuts } from './shortcuts';
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

  it('keeps 3:1 contrast with the page and with the panes for every palette colour', () => {
    for (const colour of codePalette) {
      expect(contrastRatio(colour, pageColour), colour).toBeGreaterThanOrEqual(minimumCodeContrast);
      expect(contrastRatio(colour, paneColour), colour).toBeGreaterThanOrEqual(minimumCodeContrast);
    }
  });
});

describe('contrast of code colours', () => {
  it("measures WCAG's luminance and contrast", () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    // WebAIM's checker gives 4.54:1 for #767676 on white, the lightest grey that passes AA text.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('leaves a colour that has 3:1 as it is, and darkens one that has not just enough, keeping its hue', () => {
    expect(legibleCodeColour('#4E79A7')).toBe('#4e79a7');
    const yellow = legibleCodeColour('#edc948');
    expect(contrastRatio('#edc948', pageColour)).toBeLessThan(3);
    expect(contrastRatio(yellow, pageColour)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(yellow, pageColour)).toBeLessThan(3.1);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(yellow.slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(b!);
    expect(g).toBeGreaterThan(b!);
  });

  it('finds a legible colour for any colour on a light or a dark page', () => {
    for (let n = 0; n < 4096; n += 37) {
      const colour = `#${(n * 4099).toString(16).padStart(6, '0').slice(-6)}`;
      expect(contrastRatio(legibleCodeColour(colour), pageColour), colour).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(legibleCodeColour(colour, '#1e2227'), '#1e2227'), colour).toBeGreaterThanOrEqual(3);
    }
    expect(legibleCodeColour('#ffffff')).toBe('#949494');
  });

  it('refuses what is not a colour', () => {
    expect(() => legibleCodeColour('red')).toThrow(/#rrggbb/);
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

describe('code shortcuts', () => {
  const code = (id: string, shortcut: number | null = null) => ({ id, shortcut });

  it('gives 1–9 to the first nine codes when nobody assigned a key', () => {
    const keys = codeShortcuts(Array.from({ length: 12 }, (_, i) => code(`c${i}`)));
    expect([...keys]).toEqual(Array.from({ length: 9 }, (_, i) => [i + 1, `c${i}`]));
  });

  it('keeps assigned keys and hands the free ones to the codes without one, in order', () => {
    const keys = codeShortcuts([code('a'), code('b', 1), code('c'), code('d', 9)]);
    expect([...keys]).toEqual([
      [1, 'b'],
      [2, 'a'],
      [3, 'c'],
      [9, 'd'],
    ]);
  });

  it('has no keys for an empty codebook', () => {
    expect(codeShortcuts([]).size).toBe(0);
  });
});

describe('in-vivo code names', () => {
  it('takes the words as selected, on one line, without the quotes and punctuation around them', () => {
    expect(inVivoName('  “we just\n  wait for the boat.”  ')).toBe('we just wait for the boat');
    expect(inVivoName("'Trust is earned'")).toBe('Trust is earned');
    expect(inVivoName('(3 days)')).toBe('3 days');
  });

  it('cuts a long selection at a word and says so', () => {
    const long = 'the parcels sit at the port for weeks because nobody will sign the papers until the agent comes back from Jakarta with the stamp';
    const name = inVivoName(long);
    expect(name.length).toBeLessThanOrEqual(inVivoNameLength);
    expect(name.endsWith('…')).toBe(true);
    expect(long.startsWith(name.slice(0, -1))).toBe(true);
    expect(long[name.length - 1]).toBe(' ');
  });

  it('gives no name to a selection without words', () => {
    expect(inVivoName(' … — ')).toBe('');
  });
});
