import { describe, expect, it } from 'vitest';
import { claimWords } from './claim-words';
import { codeMatrix } from './code-matrix';
import { codePalette, colourForNewCode, contrastRatio, legibleCodeColour, minimumCodeContrast, pageColour, paneColour, relativeLuminance } from './palette';
import { inVivoName, inVivoNameLength } from './in-vivo';
import { codeShortcuts } from './shortcuts';
import { kindForFile } from './source-kind';
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
