// Tests run in Node and read fixture files; the library itself stays free of Node imports.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditText } from './audit';
import { findNotes, titleNames } from './notes';

const manuscript = readFileSync(new URL('./fixtures/lake-history-chicago-notes.txt', import.meta.url), 'utf8');

describe('Chicago notes and bibliography', () => {
  const report = auditText(manuscript);

  it('ends the bibliography where the notes begin, and reads each entry', () => {
    expect(report.references.map((reference) => [reference.authors, reference.year])).toEqual([
      [['Bello'], '2011'],
      [['Okafor'], '2016'],
      [['Okafor', 'Owusu'], '2019'],
    ]);
  });

  it('resolves full notes to their entries, "Ibid." to the note before and a short note to the earlier full note, at each note\'s marker', () => {
    expect(report.citations.map((citation) => [citation.text, citation.style, citation.status, citation.referenceIds])).toEqual([
      ['[1]', 'note', 'matched', ['ref-2']],
      ['[2]', 'note', 'matched', ['ref-2']],
      ['[3]', 'note', 'matched', ['ref-2']],
      ['[4]', 'note', 'matched', ['ref-1']],
      ['[5]', 'note', 'matched', ['ref-3']],
      ['[6]', 'note', 'missing', []],
    ]);
    expect(report.findings.map((finding) => finding.message)).toEqual(['"Mensah (2020)" is cited but has no entry in the reference list.']);
    // Each sentence that carries a note marker is a claim backed by the note's work.
    expect(report.claims[1]).toMatchObject({ text: 'Their records survive only in part.[2]', citationIndexes: [1] });
  });

  it('reads notes without markers in the text at the notes themselves, as a PDF\'s footnotes come', () => {
    const notes = findNotes('Text.\n\n1 Ngozi Okafor, Fishing Cooperatives (Lagos: Riverine Press, 2016), 23.\n2 Okafor, Fishing Cooperatives, 58.\n3 Ibid.\n', []);
    expect(notes.map((note) => [note.text, note.authors, note.noteTitle, note.ibid, note.full])).toEqual([
      ['Ngozi Okafor, Fishing Cooperatives (Lagos: Riverine Press, 2016), 23.', ['Okafor'], 'Fishing Cooperatives', false, true],
      ['Okafor, Fishing Cooperatives, 58.', ['Okafor'], 'Fishing Cooperatives', false, false],
      ['Ibid.', [], null, true, false],
    ]);
  });

  it('reads a PDF\'s endnotes joined on one line after a bibliography joined into one paragraph', () => {
    const pdf = 'The registers were kept by hand.3 The shift is still under way.4\n\nBibliography\n\nBello, Tunde. Credit Circles of the Volta Basin. Kumasi: Savannah Press, 2011. Okafor, Ngozi. Fishing Cooperatives on the Niger and the Volta. Lagos: Riverine Press, 2016.\n\n1. Ngozi Okafor, Fishing Cooperatives on the Niger and the Volta (Lagos: Riverine Press, 2016), 23.↩\n\n2. Ibid., 41.↩ 3. Okafor, Fishing Cooperatives, 58.↩ 4. Tunde Bello, Credit Circles of the Volta Basin (Kumasi: Savannah Press, 2011), 12.↩\n';
    const joined = auditText(pdf);
    expect(joined.references.map((reference) => reference.authors[0])).toEqual(['Bello', 'Okafor']);
    expect(joined.citations.map((citation) => [citation.text, citation.referenceIds])).toEqual([
      ['Ngozi Okafor, Fishing Cooperatives on the Niger and the Volta (Lagos: Riverine Press, 2016), 23.', ['ref-2']],
      ['Ibid., 41.', ['ref-2']],
      ['Okafor, Fishing Cooperatives, 58.', ['ref-2']],
      ['Tunde Bello, Credit Circles of the Volta Basin (Kumasi: Savannah Press, 2011), 12.', ['ref-1']],
    ]);
  });

  it('takes a numbered list in the text for no notes', () => {
    expect(findNotes('Steps:\n1. Weigh the catch.\n2. Record it, then sign.\n', [])).toEqual([]);
    expect(findNotes('1. Okafor, Fishing Cooperatives, 58.\n', [])).toEqual([]);
  });

  it('tells a title from its short form', () => {
    expect(titleNames('Fishing Cooperatives', 'Fishing Cooperatives on the Niger and the Volta')).toBe(true);
    expect(titleNames('Mobile Money', 'Mobile Money on the Lake')).toBe(true);
    expect(titleNames('Credit Circles', 'Fishing Cooperatives on the Niger')).toBe(false);
  });
});
