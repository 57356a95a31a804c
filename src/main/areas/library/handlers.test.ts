import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { AppContext } from '../../app/context';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const b64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Library' });
}

/** The sources table's rows, with the authors and year columns the API does not show yet. */
async function sourceRows() {
  const { tables } = (await call('project.exportJson', {})) as { tables: { sources: Array<{ id: string; authors: string; year: string | null }> } };
  return tables.sources;
}

async function pdfSaying(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

describe('importing reference files', () => {
  it('reads what it can of a malformed BibTeX file and lists the rest by line', async () => {
    await project();
    const result = await call('library.import', { fileName: 'malformed.bib', text: fixture('malformed.bib') });
    expect(result.format).toBe('bibtex');
    expect(result.added.map((a) => [a.line, a.label])).toEqual([
      [3, 'Lim & Tan (2020) Parcels Abroad'],
      [17, 'Wijaya (2018) Markets Without Borders'],
      [28, 'Hartono (n.d.) Closed Too Early'],
    ]);
    expect(result.skipped.map((s) => [s.line, s.endLine])).toEqual([
      [11, 15],
      [24, 26],
      [31, 32],
    ]);
    expect(result.skipped[0]!.reason).toMatch(/@article\{unbalanced: its braces do not balance/);
    expect(result.skipped[1]!.reason).toMatch(/could not be read as BibTeX/);
    expect(result.skipped[2]!.reason).toMatch(/a field outside any entry \(‘year = \{2016\}’\): the entry before it closes too early/);
    const lim = (await call('library.list', {})).find((r) => r.citationKey === 'good_first');
    // The @string macro is expanded, the DOI normalised, the braces that protect capitals gone.
    expect(lim).toMatchObject({ authors: ['Lim', 'Tan'], year: '2020', title: 'Parcels Abroad', doi: '10.5555/parcels.2020', type: 'article-journal', citationKey: 'good_first' });
    expect(lim!.csl['container-title']).toBe('Journal of Maritime Trade');
  });

  it('reads a RIS record without ER up to the next record, and skips empty records and stray lines', async () => {
    await project();
    const result = await call('library.import', { fileName: 'malformed.ris', text: fixture('malformed.ris') });
    expect(result.added.map((a) => a.label)).toEqual(['Western & Rosenfeld (2011) Unions, Norms, and Wages', 'Vogel (1988) A Record Without Its End', 'Nguyễn (2021) Customs at the Click of a Button']);
    expect(result.skipped.map((s) => `${s.line}${s.kept ? ' kept' : ''}: ${s.reason}`)).toEqual([
      '1: outside any record (a record starts with ‘TY  -’): ‘Exported list’',
      '10 kept: the record has no ‘ER  -’ line; it was read up to line 15',
      '16: a record with no fields and no ‘ER  -’',
      '22: not a RIS field (‘XX  - value’): ‘this line is not a field’',
    ]);
    const vogel = (await call('library.list', {})).find((r) => r.authors[0] === 'Vogel')!;
    expect(vogel.csl.publisher).toBe('Basic Books');
    // Of two dates, the first readable one is kept.
    expect((await call('library.list', {})).find((r) => r.authors[0] === 'Nguyễn')!.year).toBe('2021');
  });

  it('reads CSL-JSON, skipping an item that is not a reference', async () => {
    await project();
    const result = await call('library.import', { fileName: 'library.json', text: fixture('library.json') });
    expect(result.added.map((a) => a.label)).toEqual(['Lim & Tan (2020) Parcels abroad', 'Badan Pusat Statistik (2016) Small exporters and the courier market']);
    expect(result.skipped).toEqual([{ line: 11, endLine: 11, reason: 'item 2 is not a CSL-JSON reference (an object with at least a type or a title)' }]);
    expect(result.missingFiles).toEqual([{ path: 'files/3/bps-2016.txt', line: 12, reason: 'the file was not given with the import' }]);
  });

  it('refuses a file with nothing readable in it, saying why', async () => {
    await project();
    const error = await callFail(ctx, 'library.import', { fileName: 'broken.json', text: '[{"title": "x",}]' });
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toMatch(/^No reference in broken\.json could be read \(line 1: the file is not valid JSON/);
    expect(await call('library.list', {})).toEqual([]);
    const unknown = await callFail(ctx, 'library.import', { fileName: 'notes.txt', text: 'Just some notes.' });
    expect(unknown.message).toBe('notes.txt is not a reference file Quarry reads: give it as BibTeX or BibLaTeX (.bib), RIS (.ris) or CSL-JSON (.json).');
  });
});

describe('a Zotero export with its files', () => {
  it('imports the references and their attached PDFs as sources linked as their full text', async () => {
    await project();
    const attachments = [
      { path: 'My Export/files/7/Rahman and Putri - 2019 - Sea freight and small sellers.pdf', dataBase64: b64(await pdfSaying('Sellers in Maluku ship their goods by sea.')) },
      { path: 'My Export/files/9/nguyen-customs.pdf', dataBase64: b64(await pdfSaying('Customs forms moved online in 2019.')) },
    ];
    const preview = await call('library.previewImport', { fileName: 'My Export.bib', text: fixture('zotero-export.bib'), attachmentPaths: attachments.map((a) => a.path) });
    expect(preview.records.map((r) => r.attachments)).toEqual([
      [{ path: 'files/7/Rahman and Putri - 2019 - Sea freight and small sellers.pdf', found: true }],
      [],
      [{ path: 'files/9/nguyen-customs.pdf', found: true }],
    ]);
    const result = await call('library.import', { fileName: 'My Export.bib', text: fixture('zotero-export.bib'), attachments });
    expect(result.added).toHaveLength(3);
    expect(result.fullTexts.map((f) => f.fileName)).toEqual(['Rahman and Putri - 2019 - Sea freight and small sellers.pdf', 'nguyen-customs.pdf']);

    const sources = await call('sources.list', {});
    expect(sources.map((s) => [s.title, s.kind, s.format])).toEqual([
      ['Customs at the Click of a Button', 'paper', 'pdf'],
      ['Sea Freight and Small Sellers in Eastern Indonesia', 'paper', 'pdf'],
    ]);
    const rahman = (await call('library.list', {})).find((r) => r.authors[0] === 'Rahman')!;
    expect(rahman.fullTextSourceId).toBe(sources[1]!.id);
    expect((await call('sources.get', { id: sources[1]!.id })).text).toContain('Sellers in Maluku ship their goods by sea.');
    expect((await sourceRows()).find((s) => s.id === sources[1]!.id)).toMatchObject({
      authors: '["Rahman, Ade","Putri, Sekar Ayu"]',
      year: '2019',
    });

    // Importing the same export again merges every record and adds no second copy of a full text.
    const again = await call('library.import', { fileName: 'My Export.bib', text: fixture('zotero-export.bib'), attachments });
    expect([again.added.length, again.merged.length, again.fullTexts.length]).toEqual([0, 3, 0]);
    expect(await call('sources.list', {})).toHaveLength(2);
  });
});

describe('de-duplication', () => {
  it('finds the same work by DOI, else by authors, year and title, and merges only what the user leaves to merge', async () => {
    await project();
    await call('library.import', { fileName: 'library.json', text: fixture('library.json') });
    const bib = `@article{a, author = {Lim, K. and Tan, S.}, title = {Parcels Abroad.}, journal = {Trade Review}, volume = {3}, year = {2020}}
@article{b, author = {Lim, Kevin}, title = {Something else}, year = {2020}, doi = {10.5555/PARCELS.2020}}
@article{c, author = {Hartono, Budi}, title = {Couriers}, year = {2016}}
@article{d, author = {Hartono, Budi}, title = {Couriers}, year = {2016}, pages = {1--9}}`;
    const preview = await call('library.previewImport', { fileName: 'more.bib', text: bib });
    const lim = (await call('library.list', {})).find((r) => r.authors[0] === 'Lim')!;
    expect(preview.records.map((r) => [r.duplicateOf?.id ?? null, r.repeats])).toEqual([
      [lim.id, null],
      [lim.id, null],
      [null, null],
      [null, 2],
    ]);
    const result = await call('library.import', { fileName: 'more.bib', text: bib, keepApart: [1] });
    expect(result.merged.map((m) => m.line)).toEqual([1, 4]);
    expect(result.added.map((a) => a.line)).toEqual([2, 3]);
    const limNow = (await call('library.list', {})).find((r) => r.id === lim.id)!;
    // Fields it lacked are filled in; what it had is kept.
    expect(limNow.csl.volume).toBe('3');
    expect(limNow.title).toBe('Parcels abroad');
    const hartono = (await call('library.list', {})).find((r) => r.title === 'Couriers')!;
    expect(hartono.csl.page).toBe('1-9');
  });

  it('lists duplicates already in the library and merges a group the user confirms', async () => {
    await project();
    const first = await call('library.add', { fields: { type: 'book', title: 'Markets Without Borders', authors: ['Wijaya, Putri'], year: '2018' } });
    const second = await call('library.add', { fields: { type: 'book', title: 'Markets without borders', authors: ['Wijaya, P.'], year: '2018', publisher: 'Gramedia' } });
    await call('library.add', { fields: { type: 'book', title: 'Markets without borders', authors: ['Wijaya, P.'], year: '2019' } });
    expect(await call('library.duplicates', {})).toEqual([{ ids: [first.id, second.id] }]);
    const kept = await call('library.merge', { keepId: first.id, mergeIds: [second.id] });
    expect(kept.csl.publisher).toBe('Gramedia');
    expect((await call('library.list', {})).map((r) => r.id)).not.toContain(second.id);
    expect(await call('library.duplicates', {})).toEqual([]);
  });
});

describe('the library and the rest of the project', () => {
  it('takes in the reference list of an audited manuscript, merging works it already has', async () => {
    await project();
    const manuscript = readFileSync(join(import.meta.dirname, '../../test-support/fixtures/review-manuscript.md'));
    const paper = await call('sources.import', { fileName: 'review.md', dataBase64: b64(manuscript), kind: 'manuscript' });
    const refused = await callFail(ctx, 'library.takeFromAudit', { sourceId: paper.id });
    expect(refused.message).toBe(`${paper.title} has not been audited yet: run the audit first, then take its references.`);
    const audit = await call('audit.run', { sourceId: paper.id });
    const taken = await call('library.takeFromAudit', { sourceId: paper.id });
    expect(taken.added.length + taken.merged.length + taken.skipped.length).toBe(audit.references.length);
    expect(taken.added.length).toBeGreaterThan(3);
    const library = await call('library.list', {});
    const first = audit.references[0]!;
    expect(library.some((r) => r.year === first.year && r.authors[0] === first.authors[0])).toBe(true);
    expect(library.every((r) => r.origin === `Reference list of ${paper.title}`)).toBe(true);
    // Taking the same list again adds nothing.
    const again = await call('library.takeFromAudit', { sourceId: paper.id });
    expect(again.added).toEqual([]);
    expect(again.merged).toHaveLength(taken.added.length + taken.merged.length);
  });

  it('links a source as a reference’s full text, giving the source its authors and year, one reference per source', async () => {
    await project();
    const source = await call('sources.import', { fileName: 'lim.txt', dataBase64: b64('Parcels cost too much.') });
    const lim = await call('library.add', { fields: { type: 'article-journal', title: 'Parcels abroad', authors: ['Lim, Kevin', 'World Bank'], year: '2020' } });
    const other = await call('library.add', { fields: { type: 'book', title: 'Markets', authors: ['Wijaya, Putri'], year: '2018' } });
    expect((await call('library.linkFullText', { referenceId: lim.id, sourceId: source.id })).fullTextSourceId).toBe(source.id);
    const row = (await sourceRows())[0]!;
    expect([row.authors, row.year]).toEqual(['["Lim, Kevin","World Bank"]', '2020']);
    const clash = await callFail(ctx, 'library.linkFullText', { referenceId: other.id, sourceId: source.id });
    expect(clash).toMatchObject({ code: 'CONFLICT', message: 'That source is already the full text of Lim & World Bank (2020) Parcels abroad; unlink it there first.' });
    expect((await call('library.linkFullText', { referenceId: lim.id, sourceId: null })).fullTextSourceId).toBeNull();
  });

  it('lets Find support search the full text a Zotero import brought in for a work the manuscript cites', async () => {
    await project();
    const manuscript = readFileSync(join(import.meta.dirname, '../../test-support/fixtures/review-manuscript.md'));
    const paper = await call('sources.import', { fileName: 'review.md', dataBase64: b64(manuscript), kind: 'manuscript' });
    const audit = await call('audit.run', { sourceId: paper.id });
    const suri = audit.references.find((r) => r.authors[0] === 'Suri')!;
    const claim = audit.claims.find((c) => c.links.some((l) => audit.citations.find((x) => x.id === l.citationId)?.referenceIds.includes(suri.id)))!;
    const before = await call('search.findSupport', { claimId: claim.id });
    expect(before.searchedSources).toEqual([]);
    // The same work, by its DOI, with its full text beside the export.
    const bib = '@article{suri2016, author = {Suri, Tavneet and Jack, William}, title = {The long-run poverty and gender impacts of mobile money}, journal = {Science}, year = {2016}, doi = {10.1126/science.aah5309}, file = {files/1/suri.txt}}';
    const imported = await call('library.import', { fileName: 'zotero.bib', text: bib, attachments: [{ path: 'files/1/suri.txt', dataBase64: b64('Mobile money lifted 194,000 households out of extreme poverty.') }] });
    const after = await call('search.findSupport', { claimId: claim.id });
    expect(after.searchedSources).toEqual([{ id: imported.fullTexts[0]!.sourceId, title: 'The long-run poverty and gender impacts of mobile money' }]);
  });

  it('formats the library in APA, Chicago author-date, Harvard and IEEE', async () => {
    await project();
    await call('library.import', { fileName: 'zotero.bib', text: fixture('zotero-export.bib') });
    const entries = async (style: 'apa' | 'chicago-author-date' | 'harvard' | 'ieee') => (await call('library.format', { style })).entries;
    const apa = await entries('apa');
    expect(apa.map((e) => e.text)).toEqual([
      'Nguyễn, T. H. (2021). Customs at the Click of a Button. In C. Lee (Ed.), Digital Trade in ASEAN (pp. 101–120). ISEAS.',
      'Rahman, A., & Putri, S. A. (2019). Sea Freight and Small Sellers in Eastern Indonesia. Journal of Maritime Trade, 12, 45–67. https://doi.org/10.5555/maritime.2019.014',
      'Wijaya, P. (2018). Markets Without Borders: Online Trade in Southeast Asia. Gramedia.',
    ]);
    expect(apa.map((e) => e.citation)).toEqual(['(Nguyễn, 2021)', '(Rahman & Putri, 2019)', '(Wijaya, 2018)']);
    expect(apa[1]!.html).toContain('<i>Journal of Maritime Trade</i>');
    expect((await entries('chicago-author-date'))[2]!.text).toBe('Wijaya, Putri. 2018. Markets Without Borders: Online Trade in Southeast Asia. Jakarta: Gramedia.');
    expect((await entries('chicago-author-date'))[1]!.citation).toBe('(Rahman and Putri 2019)');
    expect((await entries('harvard'))[2]!.text).toBe('Wijaya, P. (2018) Markets Without Borders: Online Trade in Southeast Asia. Jakarta: Gramedia.');
    const ieee = await entries('ieee');
    expect(ieee.map((e) => e.citation)).toEqual(['[1]', '[2]', '[3]']);
    // Numbered in the order the library lists them.
    expect(ieee[1]!.text).toMatch(/^\[2\] A\. Rahman and S\. A\. Putri, “Sea Freight and Small Sellers in Eastern Indonesia,” Journal of Maritime Trade, vol\. 12, pp\. 45–67, 2019/);
  });
});
