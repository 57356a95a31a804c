import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldText } from '../src/shared/domain/audit/normalize';
import { exampleFrom } from '../src/shared/domain/audit/tagger';
import { REFERENCE_LABELS } from '../src/shared/domain/audit/tagger/fields';
import { readAnystyle } from './anystyle';
import { buildLexicon } from './lexicon';

const entries = readAnystyle(new URL('reference-training.xml', import.meta.url).pathname);
const lexicon = buildLexicon();

describe('our labelled training entries', () => {
  it('use the tagger\'s labels, each on a trimmed field, and make training examples', () => {
    expect(entries.length).toBeGreaterThan(200);
    for (const entry of entries) {
      for (const [label, text] of entry) {
        expect(REFERENCE_LABELS, text).toContain(label);
        expect(text.trim(), label).toBe(text);
      }
      expect(() => exampleFrom(entry, lexicon)).not.toThrow();
    }
  });

  // The fixture manuscripts and the sample project measure the tagger on entries it never saw.
  it('leave out every reference entry of the fixture manuscripts and the sample project', () => {
    const heldOut = ['../src/shared/domain/audit/fixtures/seed-like.md', '../src/shared/domain/audit/fixtures/apa-harvard.txt', '../src/shared/domain/audit/fixtures/numeric.md', '../src/shared/domain/audit/fixtures/joined-list.md', '../src/shared/domain/audit/fixtures/lake-trade-harvard.md', '../src/shared/domain/audit/fixtures/lake-catch-vancouver.md', '../src/shared/domain/audit/fixtures/lake-history-chicago-notes.txt', '../resources/sample/manuscript.md']
      .map((path) => foldText(readFileSync(new URL(path, import.meta.url), 'utf8')))
      .join(' ');
    for (const entry of entries) {
      // A title of more than a few words appears in a held-out list only if the entry was copied from it.
      const title = foldText(entry.find(([label]) => label === 'title')?.[1] ?? '');
      if (title.split(' ').length >= 5) expect(heldOut, title).not.toContain(title);
    }
  });
});

describe('the lexicon built from faker\'s locales', () => {
  it('knows given names, family names and places of many countries, folded to lower case', () => {
    for (const name of ['maria', 'john', 'ahmad']) expect(lexicon.given.has(name), name).toBe(true);
    for (const name of ['smith', 'müller', 'nguyen']) expect(lexicon.family.has(name), name).toBe(true);
    for (const place of ['london', 'paris']) expect(lexicon.place.has(place), place).toBe(true);
    expect(lexicon.given.has('Maria')).toBe(false);
  });
});
