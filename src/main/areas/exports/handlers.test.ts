import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { AppContext } from '../../app/context';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const bytesOf = (file: { dataBase64: string }) => Buffer.from(file.dataBase64, 'base64');

/** A PDF's text as pdf.js reads it, page by page, running headers and footers included. */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : '')).join(''));
  }
  return pages.join('\n').replace(/\s+/g, ' ');
}

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

/** A small project: two interviews (one with an emoji and quotes), a nested codebook, codings with memos and summaries, a case, an audited manuscript, a library. */
async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Sellers: a study' });
  const rina = await call('sources.import', { fileName: 'rina.txt', dataBase64: b64('Rina sells bags 👜 online.\n\nShipping abroad costs "too much", she says.\n\n=SUM(A1) is not a formula.') });
  const budi = await call('sources.import', { fileName: 'budi.txt', dataBase64: b64('Budi ships coffee by sea, which is slow.') });
  const barriers = await call('codes.create', { name: 'Barriers', color: '#e15759' });
  const shipping = await call('codes.create', { name: 'Shipping', parentId: barriers.id, color: '#4e79a7' });
  const goods = await call('codes.create', { name: 'Goods', color: '#59a14f' });
  const text = (await call('sources.get', { id: rina.id })).text;
  const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  const costs = await call('codings.apply', { sourceId: rina.id, codeId: shipping.id, ...at('Shipping abroad costs "too much"') });
  await call('codings.apply', { sourceId: rina.id, codeId: goods.id, ...at('bags 👜') });
  await call('codings.apply', { sourceId: rina.id, codeId: goods.id, ...at('=SUM(A1) is not a formula.') });
  await call('codings.apply', { sourceId: budi.id, codeId: shipping.id, start: 0, end: 24 });
  await call('memos.create', { title: 'Costs', body: 'Postage, again.', target: { kind: 'coding', id: costs.id } });
  await call('sources.setAttribute', { id: rina.id, name: 'country', value: 'Indonesia' });
  return { rina, budi, barriers, shipping, goods, costs };
}

describe('coded segments', () => {
  it('as CSV: RFC 4180 with a BOM, one row per segment, texts exactly as coded, formulas defused', async () => {
    await project();
    const file = await call('exports.segments', { format: 'csv' });
    expect(file.fileName).toBe('Sellers a study – coded segments.csv');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Source,Code,Text,Start,End,Coder,Memo,Summary,Case,Attributes');
    expect(lines).toContain('rina,Goods,bags 👜,11,18,tester,,,,country = Indonesia');
    expect(lines).toContain('rina,Barriers › Shipping,"Shipping abroad costs ""too much""",28,60,tester,"Costs: Postage, again.",,,country = Indonesia');
    expect(lines).toContain("rina,Goods,'=SUM(A1) is not a formula.,73,99,tester,,,,country = Indonesia");
    expect(lines.filter((l) => l !== '')).toHaveLength(5);
  });

  it('as XLSX: the same rows, texts kept exactly as string cells', async () => {
    const { shipping } = await project();
    const file = await call('exports.segments', { format: 'xlsx', codeIds: [shipping.id] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Coded segments')!;
    const rows = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Source', 'Code', 'Text', 'Start', 'End', 'Coder', 'Memo', 'Summary', 'Case', 'Attributes']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[3], row[4]])).toEqual([
      ['rina', 'Barriers › Shipping', 'Shipping abroad costs "too much"', 28, 60],
      ['budi', 'Barriers › Shipping', 'Budi ships coffee by sea', 0, 24],
    ]);
  });

  it('says so when nothing matches, rather than writing an empty file', async () => {
    const { budi, goods } = await project();
    const error = await callFail(ctx, 'exports.segments', { format: 'csv', sourceIds: [budi.id], codeIds: [goods.id] });
    expect(error.message).toBe('No coded segment matches what was chosen, so there is nothing to export.');
  });
});

describe('the codebook and the matrix', () => {
  it('writes the codebook as CSV in tree order and as Markdown', async () => {
    await project();
    const csv = bytesOf(await call('exports.codebook', { format: 'csv' })).toString('utf8');
    expect(csv.slice(1).split('\r\n').slice(0, 4)).toEqual([
      'Code,Name,Parent,Colour,Definition,Include when,Exclude when,Example,Codings',
      'Barriers,Barriers,,#e15759,,,,,0',
      'Barriers › Shipping,Shipping,Barriers,#4e79a7,,,,,2',
      'Goods,Goods,,#59a14f,,,,,2',
    ]);
    const md = bytesOf(await call('exports.codebook', { format: 'md' })).toString('utf8');
    expect(md).toContain('### Shipping `#4e79a7`');
  });

  it('writes the code × source matrix from the display’s data, as CSV and XLSX', async () => {
    await project();
    const csv = bytesOf(await call('exports.matrix', { format: 'csv' })).toString('utf8').slice(1);
    expect(csv.split('\r\n').slice(0, 4)).toEqual(['Code,rina,budi,Total', 'Barriers,1,1,2', 'Barriers › Shipping,1,1,2', 'Goods,2,0,2']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(await call('exports.matrix', { format: 'xlsx' })) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Code × source')!.getRow(3).values).toEqual([undefined, 'Barriers › Shipping', 1, 1, 2]);
  });

  it('writes any matrix of the Display stage as XLSX: code × code co-occurrence here', async () => {
    await project();
    const spec = { columns: 'codes', measure: 'segments', cooccurrence: 'passage' } as const;
    const shown = await call('display.matrix', spec);
    const file = await call('exports.matrix', { format: 'xlsx', matrix: spec });
    expect(file.fileName).toMatch(/code × code \(co-occurrence\)\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Code × code (co-occurrence)')!;
    // A heading row, then one row per row of the matrix the Display view shows.
    expect(sheet.rowCount).toBe(shown.rows.length + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Code', ...shown.columns.map((column) => expect.stringContaining(column.label))]);
  });
});

describe('the annotated summary', () => {
  async function withLibrary() {
    const ids = await project();
    const reference = await call('library.add', { fields: { type: 'article-journal', title: 'Bags and borders', authors: ['Rina, Sari'], year: '2024', container: 'Craft Trade' } });
    await call('library.linkFullText', { referenceId: reference.id, sourceId: ids.rina.id });
    return ids;
  }

  it('holds each chosen source’s reference, its passages by code with memos, and a bibliography, in every format', async () => {
    const { rina, shipping } = await withLibrary();
    const input = { sourceIds: [rina.id], codeIds: [shipping.id], style: 'apa' as const };
    const md = bytesOf(await call('exports.summary', { format: 'md', ...input })).toString('utf8');
    expect(md).toContain('## rina');
    expect(md).toContain('Rina, S. (2024). Bags and borders. *Craft Trade*.');
    expect(md).toContain('#### Barriers › Shipping `#4e79a7`');
    expect(md).toContain('> Shipping abroad costs "too much"');
    expect(md).toContain('**Memo:** Costs: Postage, again.');
    expect(md).not.toContain('bags 👜');
    expect(md).not.toContain('Budi ships coffee');
    expect(md).toContain('1 of 2 sources');

    const html = bytesOf(await call('exports.summary', { format: 'html', ...input })).toString('utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<figure class="passage" style="border-left-color:#4e79a7">');
    expect(html).not.toMatch(/<script|<link|src=/);

    const docx = bytesOf(await call('exports.summary', { format: 'docx', ...input }));
    const docxText = (await mammoth.extractRawText({ buffer: docx })).value;
    expect(docxText).toContain('Shipping abroad costs "too much"');
    expect(docxText).toContain('Rina, S. (2024). Bags and borders. Craft Trade.');
    const files = unzipSync(docx);
    expect(strFromU8(files['word/document.xml']!)).toContain('w:color="4E79A7"');
    expect(Object.keys(files).some((name) => /footer/.test(name) && /PAGE/.test(strFromU8(files[name]!)))).toBe(true);

    const pdf = bytesOf(await call('exports.summary', { format: 'pdf', ...input, style: 'ieee' }));
    const read = await pdfText(pdf);
    expect(read).toContain('Shipping abroad costs "too much"');
    expect(read).toContain('[1] S. Rina, “Bags and borders,” Craft Trade, 2024.');
    expect(read).toMatch(/Page 1 of 1/);
  });

  it('refuses choices that no longer exist, saying what to do', async () => {
    await project();
    expect((await callFail(ctx, 'exports.summary', { format: 'md', sourceIds: ['gone'] })).message).toBe('None of the chosen sources is in the project any more.');
    expect((await callFail(ctx, 'exports.summary', { format: 'md', codeIds: ['gone'] })).message).toBe('None of the chosen codes is in the codebook any more.');
  });
});

describe('the citation audit report and the library', () => {
  it('reports an audited manuscript’s findings, claims and verdicts as Markdown, HTML and DOCX', async () => {
    await project();
    const manuscript = readFileSync(join(import.meta.dirname, '../../test-support/fixtures/review-manuscript.md'));
    const paper = await call('sources.import', { fileName: 'review.md', dataBase64: manuscript.toString('base64'), kind: 'manuscript' });
    expect((await callFail(ctx, 'exports.auditReport', { sourceId: paper.id, format: 'md' })).code).toBe('CONFLICT');
    const audit = await call('audit.run', { sourceId: paper.id });
    const claim = audit.claims.find((c) => c.links.length > 0)!;
    await call('audit.setVerdict', { sourceId: paper.id, claimKey: claim.key, citationKey: claim.links[0]!.citationKey, verdict: 'partly-supported', note: 'Only the first half.' });
    const md = bytesOf(await call('exports.auditReport', { sourceId: paper.id, format: 'md' })).toString('utf8');
    expect(md).toContain('## Findings');
    expect(md).toContain(`**Partly supported** — Only the first half.`);
    expect(md).toContain(`Verdicts: 1 of ${audit.claims.reduce((n, c) => n + c.links.length, 0)} claim–citation links decided`);
    for (const finding of audit.findings) expect(md).toContain(finding.message.replace(/([\\`*_[\]<>|])/g, '\\$1'));
    const docx = (await mammoth.extractRawText({ buffer: bytesOf(await call('exports.auditReport', { sourceId: paper.id, format: 'docx' })) })).value;
    expect(docx).toContain('Partly supported — Only the first half.');
  });

  it('exports the library as BibTeX, RIS and CSL-JSON that read back as the same works', async () => {
    await project();
    const bib = readFileSync(join(import.meta.dirname, '../library/fixtures/zotero-export.bib'), 'utf8');
    await call('library.import', { fileName: 'zotero.bib', text: bib });
    const before = (await call('library.list', {})).map((r) => [r.authors, r.year, r.title, r.doi]);
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const file = await call('exports.references', { format });
      const preview = await call('library.previewImport', { fileName: file.fileName, text: bytesOf(file).toString('utf8') });
      expect(preview.skipped, format).toEqual([]);
      // Every record read back is a work the library already has.
      expect(preview.records.map((r) => r.duplicateOf !== null), format).toEqual([true, true, true]);
      expect(preview.records.map((r) => [r.authors, r.year, r.title, r.doi]).sort(), format).toEqual([...before].sort());
    }
    const html = bytesOf(await call('exports.bibliography', { format: 'html', style: 'chicago-author-date' })).toString('utf8');
    expect(html).toContain('Wijaya, Putri. 2018. <i>Markets Without Borders: Online Trade in Southeast Asia</i>. Jakarta: Gramedia.');
    const empty = testContext();
    await callOk(empty, 'project.create', { path: tempProjectPath(), name: 'Empty' });
    expect((await callFail(empty, 'exports.references', { format: 'bibtex' })).message).toMatch(/^The reference library is empty/);
    empty.close();
  });
});
