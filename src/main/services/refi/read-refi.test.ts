import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { appErrorOf } from '../import/test-support';
import { readRefi, type PreparedImport } from './read-refi';
import { atlasLike, docxOf, nvivoMacLike, nvivoWindowsLike, projectXml, qcLike, qdpx, selectionSpan, sourceText, type Fixture } from './test-support';

const read = (bytes: Uint8Array, name = 'project.qdpx') => readRefi(bytes, name, { now: '2026-01-01T00:00:00.000Z' });

/** Every coding as "source | code | exact text". */
function segments(p: PreparedImport): string[] {
  return p.codings.map((c) => {
    const source = p.sources.find((s) => s.key === c.sourceKey)!;
    return `${source.title} | ${p.codes.find((k) => k.key === c.codeKey)!.name} | ${source.text.slice(c.start, c.end)}`;
  });
}

/** What the fixture says should be coded, with the text in Quarry's LF form. */
function expectedSegments(f: Fixture): string[] {
  return f.sources.flatMap((s) =>
    (s.selections ?? []).flatMap((sel) => {
      const { start, end } = selectionSpan(f, s, sel);
      const text = (s.store === 'docx-only' ? s.text : sourceText(f, s)).slice(start, end).replace(/\r\n/g, '\n');
      return sel.codes.map((code) => `${s.name ?? s.file?.replace(/\.txt$/, '') ?? s.guid} | ${code} | ${text}`);
    }),
  );
}

describe('reading REFI-QDA files as real exporters write them', () => {
  it('ATLAS.ti: Project.qde, Sources/, CRLF counted once, a PDF coded twice, code groups and document groups', async () => {
    const f = atlasLike();
    const p = await read(qdpx(f), 'breakfast.qdpx');
    expect(p.convention).toMatchObject({ convention: 'code-points-crlf-as-one', decided: true });
    expect(p.projectName).toBe('Breakfast study');
    expect(segments(p).sort()).toEqual(expectedSegments(f).sort());
    expect(p.codes.map((c) => c.name)).toContain('Coke::diet Coke');
    expect(p.codes.find((c) => c.name === 'happiness')!.color).toBe('#ff0000');
    expect(p.codes.find((c) => c.name === 'Coke')!.criteria.definition).toBe('the breakfast of champions');
    // The quotation comment is the summary of what was coded there; a comment on an uncoded quotation is a memo quoting it.
    expect(p.codings.find((c) => c.codeKey === p.codes.find((k) => k.name === 'Coke::diet Coke')!.key)!.summary).toBe('Mabel is not the only one.');
    expect(p.memos.find((m) => m.body.endsWith('Why snack?'))).toMatchObject({ body: '“I snack about 11 o’clock”\n\nWhy snack?', target: { kind: 'source' } });
    // The memo linked to a quotation lands on its coding; an unlinked one on the project, its description first.
    const soggy = p.codings.find((c) => p.sources.find((s) => s.key === c.sourceKey)!.text.slice(c.start, c.end) === 'it was always so soggy')!;
    expect(p.memos.find((m) => m.title === 'On soggy bread')!.target).toEqual({ kind: 'coding', key: soggy.key });
    expect(p.memos.find((m) => m.title === 'Research Plan')).toMatchObject({ body: 'about this project\n\nA day to day log.', target: { kind: 'project' } });
    expect(p.themes.map((t) => [t.name, t.codeKeys.length])).toEqual([
      ['Breakfast food', 3],
      ['<3', 0],
    ]);
    expect(p.cases.map((c) => [c.name, c.members.length])).toEqual([['Mabel', 1]]);
    expect(p.notes.join(' ')).toMatch(/Left out 1 picture source, and 1 coding of regions or time spans/);
    expect(p.notes.join(' ')).toMatch(/1 set held only sources Quarry left out/);
    expect(p.inFile).toMatchObject({ codes: 5, textSources: 2, otherSources: 1, selections: 6, codings: 7, notes: 2, sets: 4 });
  });

  it('NVivo for Windows: <name>.qde, a BOM, CRLF, UTF-16 offsets over text with emoji and CJK beyond the BMP', async () => {
    const f = nvivoWindowsLike();
    const p = await read(qdpx(f));
    expect(p.convention).toMatchObject({ convention: 'utf16', decided: true });
    expect(segments(p).sort()).toEqual(expectedSegments(f).sort());
    expect(p.notes.join(' ')).toMatch(/counted in UTF-16 code units/);
    const rina = p.sources[0]!;
    expect(rina.text.startsWith('I: What')).toBe(true);
    expect(rina.text).not.toContain('\r');
    // One passage per line, exactly over the text.
    expect(rina.passages.map((x) => rina.text.slice(x.start, x.end))).toEqual(rina.text.split('\n'));
    expect(rina.attributes).toEqual([{ name: 'Country', value: 'Indonesia' }]);
    expect(p.variables).toEqual([
      { name: 'Country', type: 'text' },
      { name: 'Age', type: 'number' },
    ]);
    expect(p.cases).toEqual([
      { key: expect.any(String), name: 'Rina', description: '', attributes: [{ name: 'Country', value: 'Indonesia' }, { name: 'Age', value: '34' }], members: [{ sourceKey: rina.key, start: null, end: null }] },
    ]);
    const shipping = p.codes.find((c) => c.name === 'Shipping costs')!;
    expect(shipping.criteria).toEqual({ definition: 'Costs of sending goods.', inclusion: 'postage, couriers.', exclusion: '', example: '' });
    expect(p.codes.find((c) => c.key === shipping.parentKey)!.name).toBe('Barriers');
    expect(p.memos.map((m) => [m.title, m.target.kind])).toEqual([
      ['Postage', 'coding'],
      ['About this code', 'code'],
      ['Interview context', 'source'],
    ]);
    expect(new Set(p.codings.map((c) => c.coder))).toEqual(new Set(['Dewi Lestari']));
    expect(p.notes.join(' ')).toMatch(/1 link from cases to codes was left out/);
  });

  it('NVivo for Mac: a deep codebook, texts that are one line break, a .root file', async () => {
    const p = await read(qdpx(nvivoMacLike(await docxOf(['']))));
    expect(p.codes).toHaveLength(3 + 9 + 27);
    const depth = (key: string | null): number => (key === null ? 0 : 1 + depth(p.codes.find((c) => c.key === key)!.parentKey));
    expect(Math.max(...p.codes.map((c) => depth(c.parentKey)))).toBe(2);
    expect(p.codes.find((c) => c.name === 'c1.2.0')!.parentKey).toBe(p.codes.find((c) => c.name === 'c1.2')!.key);
    expect(p.sources.map((s) => [s.title, s.text, s.passages.length])).toEqual([
      ['66653866-6334-3535-3435-366637306566', '\n', 0],
      ['33663939-3636-3632-3038-613431643463', '\n', 0],
    ]);
    expect(p.notes).toContain('2 sources have an empty text in the file.');
  });

  it('qc (QualCoder): a bare plainTextPath, no source name, whole lines coded with their line break', async () => {
    const f = qcLike();
    const p = await read(qdpx(f));
    expect(p.sources.map((s) => s.title)).toEqual(['board_2017']);
    expect(segments(p).sort()).toEqual(expectedSegments(f).sort());
    expect(p.convention.convention).toBe('code-points');
    expect(p.sources[0]!.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('a source known only by its .docx: its text read by the import pipeline, selections placed on it', async () => {
    const paragraphs = ['Rina sells batik online.', 'Shipping abroad costs too much.', 'She trusts Shopee more than couriers.'];
    const f: Fixture = {
      name: 'Docx only',
      origin: 'Some tool',
      codes: [{ guid: '00000001-0000-4000-8000-000000000001', name: 'Costs' }],
      sources: [
        {
          guid: '00000002-0000-4000-8000-000000000002',
          name: 'Rina.docx',
          store: 'docx-only',
          // The tool's plain text of the document: one paragraph per line.
          text: paragraphs.join('\n'),
          docx: await docxOf(paragraphs),
          selections: [
            { text: 'Shipping abroad costs too much', codes: ['Costs'] },
            { text: 'trusts Shopee', codes: ['Costs'] },
          ],
        },
      ],
    };
    const p = await read(qdpx(f));
    expect(p.sources[0]).toMatchObject({ format: 'docx', fileName: '00000002-0000-4000-8000-000000000002.docx' });
    expect(segments(p)).toEqual(['Rina.docx | Costs | Shipping abroad costs too much', 'Rina.docx | Costs | trusts Shopee']);
  });

  it('inline text with an escaped CR, and a bare .qde whose texts are elsewhere', async () => {
    const f: Fixture = {
      name: 'Inline',
      origin: 'Test',
      lineEnds: 'crlf',
      codes: [{ guid: '00000001-0000-4000-8000-000000000001', name: 'A' }],
      sources: [{ guid: '00000002-0000-4000-8000-000000000002', name: 'Inline', store: 'inline', text: 'one 😀\ntwo three', selections: [{ text: 'two three', codes: ['A'] }] }],
    };
    expect(segments(await read(strToU8(projectXml(f)), 'inline.qde'))).toEqual(['Inline | A | two three']);
    const bare = await read(strToU8(projectXml(nvivoWindowsLike())), 'alone.qde');
    expect(bare.codings).toEqual([]);
    expect(bare.sources[0]!.text).toBe('');
    expect(bare.notes.join(' ')).toMatch(/holds no text for 1 source .*imported empty, and their 5 selections cannot be placed/);
  });

  it('a codebook (.qdc), whose sets name members by guid', async () => {
    const xml = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA"><Codes>
      <Code guid="{A0000000-0000-4000-8000-000000000001}" name="Barriers" isCodable="true" color="#123456"><Description>What gets in the way</Description>
        <Code guid="A0000000-0000-4000-8000-000000000002" name="Time" isCodable="false"/></Code></Codes>
      <Sets><Set guid="B0000000-0000-4000-8000-000000000001" name="Practical"><MemberCode guid="a0000000-0000-4000-8000-000000000002"/></Set></Sets></CodeBook>`;
    const p = await read(strToU8(xml), 'book.qdc');
    expect(p.kind).toBe('codebook');
    expect(p.codes.map((c) => [c.name, c.parentKey, c.color, c.criteria.definition])).toEqual([
      ['Barriers', null, '#123456', 'What gets in the way'],
      ['Time', 'a0000000-0000-4000-8000-000000000001', null, ''],
    ]);
    expect(p.themes).toEqual([{ key: 'b0000000-0000-4000-8000-000000000001', name: 'Practical', description: '', codeKeys: ['a0000000-0000-4000-8000-000000000002'] }]);
  });
});

describe('hostile and broken files are refused with a sentence', () => {
  const qde = strToU8(projectXml(qcLike()));

  it('an entry named to escape the archive (zip slip)', async () => {
    const error = await appErrorOf(() => read(zipSync({ 'project.qde': qde, '../../etc/cron.d/x': strToU8('x') })));
    expect(error.message).toMatch(/points outside the archive/);
  });

  it('an entry that declares a huge size (a zip bomb), before anything is inflated', async () => {
    const zip = zipSync({ 'project.qde': qde }, { level: 9 });
    // Declare 2 GB as the uncompressed size in the central directory entry.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = zip.findIndex((_b, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 2_000_000_000, true);
    const error = await appErrorOf(() => read(zip));
    expect(error.message).toMatch(/unpacks to 1907 MB; Quarry reads files of up to 256 MB/);
  });

  it('an archive of a great many files', async () => {
    const files: Record<string, Uint8Array> = { 'project.qde': qde };
    for (let i = 0; i < 20_001; i++) files[`sources/${i}.txt`] = new Uint8Array();
    expect((await appErrorOf(() => read(zipSync(files, { level: 0 })))).message).toMatch(/holds more than 20,000 files/);
  });

  it('entity expansion and external entities (a DTD)', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><Project name="&c;"/>`;
    expect((await appErrorOf(() => read(strToU8(laughs), 'laughs.qde'))).message).toMatch(/declares a document type \(DTD\)/);
    const external = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="&x;"/>`;
    expect((await appErrorOf(() => read(zipSync({ 'project.qde': strToU8(external) })))).message).toMatch(/DTD/);
  });

  it('a codebook nested a hundred thousand deep', async () => {
    const deep = `<Project name="deep"><CodeBook><Codes>${'<Code guid="x" name="x" isCodable="true">'.repeat(100_000)}${'</Code>'.repeat(100_000)}</Codes></CodeBook></Project>`;
    expect((await appErrorOf(() => read(strToU8(deep), 'deep.qde'))).message).toBe("'deep.qde' nests its elements more than 1,000 levels deep, more than Quarry reads.");
  });

  it('not a REFI-QDA file at all', async () => {
    expect((await appErrorOf(() => read(zipSync({ 'word/document.xml': strToU8('<w/>') }), 'x.qdpx'))).message).toMatch(/holds no project\.qde/);
    expect((await appErrorOf(() => read(strToU8('<html><body>hi</body></html>'), 'x.qde'))).message).toMatch(/neither a REFI-QDA project/);
    expect((await appErrorOf(() => read(strToU8('<Project name="x"><Users></Project>'), 'x.qde'))).message).toMatch(/not well-formed XML \(line 1/);
    expect((await appErrorOf(() => read(strToU8('PK\u0003\u0004 broken'), 'x.qdpx'))).message).toMatch(/not a readable zip archive/);
    expect((await appErrorOf(() => read(strToU8('<Project/>'), 'x.qdpx'))).message).toMatch(/not a REFI-QDA project archive \(a zip holding project.qde\)/);
  });
});
