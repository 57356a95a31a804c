import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { AppContext } from '../../app/context';
import { atlasLike, docxOf, nvivoMacLike, nvivoWindowsLike, qcLike, qdpx, schemaErrors, type Fixture } from '../../services/refi/test-support';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const contexts: AppContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.close()));

async function project(name = 'Project'): Promise<AppContext> {
  const ctx = testContext();
  contexts.push(ctx);
  await callOk(ctx, 'project.create', { path: tempProjectPath(), name });
  return ctx;
}

const call = <M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>) => callOk(ctx, method, input);

const g = (n: number) => `${String(n).padStart(8, '0')}-1111-4000-8000-${String(n).padStart(12, '0')}`;

/** A project with something of every kind REFI-QDA carries, as another tool might write it. */
function richFixture(): Fixture {
  return {
    name: 'Everything',
    origin: 'Test tool',
    convention: 'code-points',
    lineEnds: 'crlf',
    users: [
      { guid: g(1), name: 'Ana' },
      { guid: g(2), name: 'Budi' },
    ],
    codes: [
      {
        guid: g(10),
        name: 'Barriers',
        color: '#aa3300',
        description: 'What gets in the way.\n\nInclusion criteria: Said by a seller.\n\nExclusion criteria: Said by a buyer.\n\nExample: “Postage is too dear.”',
        children: [
          { guid: g(11), name: 'Shipping costs', color: '#123456' },
          { guid: g(12), name: 'Trust', children: [{ guid: g(13), name: 'Scams' }] },
        ],
      },
      { guid: g(14), name: 'Platforms', color: '#00ff00' },
    ],
    variables: [
      { guid: g(20), name: 'country', type: 'Text' },
      { guid: g(21), name: 'age', type: 'Integer' },
      { guid: g(22), name: 'interviewed', type: 'Date' },
      { guid: g(23), name: 'online seller', type: 'Boolean' },
    ],
    cases: [
      { guid: g(30), name: 'Rina', description: 'A batik seller.', sources: [g(100)], selections: [g(210)], values: { country: 'Indonesia', age: '34', 'online seller': 'true' } },
      { guid: g(31), name: 'Budi', values: { interviewed: '2024-02-01' } },
    ],
    sources: [
      {
        guid: g(100),
        name: 'Interview Rina',
        text: 'Rina sells batik 🧵 online.\nShipping abroad costs too much, 太贵了 𠀀.\nShe trusts Shopee more than couriers.\nScams happen 😞 sometimes.',
        values: { country: 'Indonesia', interviewed: '2024-01-15' },
        notes: [g(302)],
        selections: [
          { guid: g(200), text: 'Shipping abroad costs too much', codes: ['Shipping costs', 'Barriers'], coder: g(1), created: '2024-01-15T09:00:00Z', description: 'Postage is the main cost.', codingNotes: [g(303)] },
          { guid: g(201), text: 'She trusts Shopee more than couriers', codes: ['Trust'], coder: g(2), created: '2024-01-16T09:00:00Z' },
          { guid: g(202), text: 'Scams happen 😞 sometimes', codes: ['Scams'], coder: g(2) },
          { guid: g(203), text: '太贵了 𠀀', codes: ['Shipping costs'], coder: g(1) },
          { guid: g(210), text: 'Rina sells batik 🧵 online', codes: ['Platforms'], coder: g(1) },
        ],
      },
      {
        guid: g(101),
        name: 'Field notes',
        text: 'Market day in Lombok.\nParcels leave on Fridays.',
        values: { country: 'Indonesia' },
        selections: [{ guid: g(220), text: 'Parcels leave on Fridays', codes: ['Platforms'], coder: g(1) }],
      },
    ],
    notes: [
      { guid: g(301), name: 'Project plan', text: 'Interview ten sellers.\nThen code.' },
      { guid: g(302), name: 'About the interview', text: 'Recorded in Lombok.' },
      { guid: g(303), name: 'On postage', text: 'Everyone mentions it.' },
      { guid: g(304), name: 'About Rina', text: 'Sells mostly abroad.' },
      { guid: g(305), name: 'About the barriers theme', text: 'Might merge with trust.' },
      { guid: g(306), name: 'On this code', text: 'Check against the literature.' },
    ],
    links: [
      { guid: g(400), origin: g(304), target: g(30) },
      { guid: g(401), origin: g(305), target: g(500) },
      { guid: g(402), origin: g(306), target: g(14) },
    ],
    sets: [
      { guid: g(500), name: 'Obstacles', description: 'What holds sellers back.', codes: ['Shipping costs', 'Scams'] },
      { guid: g(501), name: 'Empty group' },
    ],
    projectNotes: [g(301)],
  };
}

/** A project's content with every id replaced by what a person would call the thing, so two projects can be compared. */
async function content(ctx: AppContext) {
  const { tables } = (await call(ctx, 'project.exportJson', {})) as { tables: Record<string, Array<Record<string, string | number | null>>> };
  const byId = <T extends Record<string, unknown>>(rows: T[]) => new Map(rows.map((r) => [r.id as string, r]));
  const codes = byId(tables.codes!);
  const sources = byId(tables.sources!);
  const codings = byId(tables.codings!);
  const cases = byId(tables.cases!);
  const themes = byId(tables.themes!);
  const path = (id: string | null): string => (id === null ? '' : `${path(codes.get(id)!.parent_id as string | null)}/${codes.get(id)!.name}`);
  const title = (id: string) => sources.get(id)!.title as string;
  const excerpt = (sourceId: string, start: number, end: number) => (sources.get(sourceId)!.text as string).slice(start, end);
  const codingName = (id: string) => {
    const c = codings.get(id)!;
    return `${title(c.source_id as string)} ${path(c.code_id as string)} ${excerpt(c.source_id as string, c.start as number, c.end as number)}`;
  };
  const targetName: Record<string, (id: string) => string> = {
    source: title,
    code: path,
    coding: codingName,
    case: (id) => cases.get(id)!.name as string,
    theme: (id) => themes.get(id)!.name as string,
  };
  const sorted = <T>(items: T[]) => items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    codebook: sorted(tables.codes!.map((c) => ({ path: path(c.id as string), color: c.color, definition: c.definition, inclusion: c.inclusion, exclusion: c.exclusion, example: c.example }))),
    sources: sorted(tables.sources!.map((s) => ({ title: s.title, text: s.text }))),
    codings: sorted(
      tables.codings!.map((c) => ({
        source: title(c.source_id as string),
        code: path(c.code_id as string),
        text: excerpt(c.source_id as string, c.start as number, c.end as number),
        start: c.start,
        end: c.end,
        coder: c.coder,
        createdAt: c.created_at,
        summary: c.summary,
      })),
    ),
    memos: sorted(tables.memos!.map((m) => ({ title: m.title, body: m.body, on: m.target_kind, target: m.target_id === null ? null : targetName[m.target_kind as string]!(m.target_id as string) }))),
    attributeDefinitions: sorted(tables.attribute_definitions!.map((d) => ({ ...d }))),
    sourceAttributes: sorted(tables.source_attributes!.map((a) => ({ source: title(a.source_id as string), name: a.name, value: a.value }))),
    cases: sorted(
      tables.cases!.map((c) => ({
        name: c.name,
        description: c.description,
        attributes: sorted(tables.case_attributes!.filter((a) => a.case_id === c.id).map((a) => `${a.name}=${a.value}`)),
        members: sorted(tables.case_members!.filter((m) => m.case_id === c.id).map((m) => `${title(m.source_id as string)} ${m.start === null ? 'whole' : excerpt(m.source_id as string, m.start as number, m.end as number)}`)),
      })),
    ),
    themes: sorted(tables.themes!.map((t) => ({ name: t.name, description: t.description, codes: sorted(tables.theme_codes!.filter((tc) => tc.theme_id === t.id).map((tc) => path(tc.code_id as string))) }))),
  };
}

/** A project built from a REFI-QDA file, then worked on in Quarry: a source of its own, codes, codings and memos written here. */
async function workedProject(): Promise<AppContext> {
  const ctx = await project('Worked');
  await call(ctx, 'refi.import', { fileName: 'everything.qdpx', dataBase64: b64(qdpx(richFixture())), adoptProjectDetails: true });
  const note = await call(ctx, 'sources.import', { fileName: 'notes.md', dataBase64: b64('# Day 2\n\nA seller in Bali 🌴 ships via Jakarta.\n\nCustoms forms take an hour.') });
  const code = await call(ctx, 'codes.create', { name: 'Paperwork', definition: 'Forms, permits, customs.' });
  const { text } = await call(ctx, 'sources.text', { id: note.id });
  const at = text.indexOf('Customs forms take an hour');
  const coding = await call(ctx, 'codings.apply', { sourceId: note.id, codeId: code.id, start: at, end: at + 'Customs forms take an hour'.length });
  await call(ctx, 'memos.create', { title: 'Forms', body: 'Ask about permits.', target: { kind: 'coding', id: coding.id } });
  await call(ctx, 'memos.create', { title: 'Overall', body: 'Two themes so far.', target: { kind: 'project' } });
  await call(ctx, 'sources.setAttribute', { id: note.id, name: 'country', value: 'Indonesia' });
  return ctx;
}

function qdeOf(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['project.qde']!);
}

describe('REFI-QDA export', () => {
  it('writes a .qdpx that validates against Project.xsd, with each source’s text under sources/', async () => {
    const ctx = await workedProject();
    const out = await call(ctx, 'refi.exportProject', {});
    expect(out).toMatchObject({ fileName: 'Everything.qdpx', mimeType: 'application/zip', counts: { codes: 6, sources: 3, codings: 8, memos: 8, cases: 2, sets: 2 } });
    const files = unzipSync(Buffer.from(out.dataBase64, 'base64'));
    const qde = strFromU8(files['project.qde']!);
    expect(schemaErrors(qde, 'Project')).toEqual([]);
    const guids = [...qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(guids).size, 'every GUID names one thing').toBe(guids.length);
    const texts = Object.keys(files).filter((name) => name.startsWith('sources/') && !name.endsWith('/'));
    expect(texts).toHaveLength(3);
    for (const name of texts) expect(qde).toContain(`plainTextPath="internal://${name.slice('sources/'.length)}"`);
    // Positions are code points: after the emoji (two UTF-16 units, one code point) they are one less than Quarry's.
    const rina = strFromU8(files[texts.find((n) => strFromU8(files[n]!).startsWith('Rina'))!]!);
    const shipping = /name="Shipping abroad costs too much" startPosition="(\d+)" endPosition="(\d+)"/.exec(qde)!;
    expect([...rina].slice(Number(shipping[1]), Number(shipping[2])).join('')).toBe('Shipping abroad costs too much');
    expect(Number(shipping[1])).toBe(rina.indexOf('Shipping') - 1);
    expect(qde).toContain('Inclusion criteria: Said by a seller.');
  });

  it('writes the codebook as a .qdc that validates against Codebook.xsd', async () => {
    const ctx = await workedProject();
    const out = await call(ctx, 'refi.exportCodebook', {});
    const xml = Buffer.from(out.dataBase64, 'base64').toString('utf8');
    expect(out.fileName).toBe('Everything.qdc');
    expect(schemaErrors(xml, 'Codebook')).toEqual([]);
    expect(xml.match(/<Code /g)).toHaveLength(6);
    expect(xml).toMatch(/<Set guid="[^"]+" name="Obstacles">\s*<Description>What holds sellers back.<\/Description>\s*<MemberCode guid=/);
  });

  it('refuses to export an empty codebook, saying why', async () => {
    const ctx = await project();
    expect((await callFail(ctx, 'refi.exportCodebook', {})).message).toBe('The codebook is empty, so there is nothing to export: create codes first.');
    // An empty project is still a valid project file.
    expect(schemaErrors(qdeOf(Buffer.from((await call(ctx, 'refi.exportProject', {})).dataBase64, 'base64')), 'Project')).toEqual([]);
  });

  it.each([
    ['ATLAS.ti', () => Promise.resolve(atlasLike())],
    ['NVivo for Windows', () => Promise.resolve(nvivoWindowsLike())],
    ['NVivo for Mac', async () => nvivoMacLike(await docxOf(['']))],
    ['qc', () => Promise.resolve(qcLike())],
  ])('re-exports a project imported from %s as a valid .qdpx', async (_tool, fixture) => {
    const ctx = await project();
    await call(ctx, 'refi.import', { fileName: 'in.qdpx', dataBase64: b64(qdpx(await fixture())) });
    expect(schemaErrors(qdeOf(Buffer.from((await call(ctx, 'refi.exportProject', {})).dataBase64, 'base64')), 'Project')).toEqual([]);
  });
});

describe('REFI-QDA round trip', () => {
  it('export, then import into a fresh project: the same codebook, codings, memos, cases, attributes and sets', async () => {
    const a = await workedProject();
    const exported = await call(a, 'refi.exportProject', {});
    const b = await project('Fresh');
    const summary = await call(b, 'refi.import', { fileName: exported.fileName, dataBase64: exported.dataBase64, adoptProjectDetails: true });
    expect(summary.convention).toMatchObject({ name: 'code-points', decided: true });
    expect(summary.notes).toEqual([]);
    const [before, after] = [await content(a), await content(b)];
    expect(after.codebook).toEqual(before.codebook);
    expect(after.codings).toEqual(before.codings);
    expect(after.memos).toEqual(before.memos);
    expect(after.cases).toEqual(before.cases);
    expect(after.attributeDefinitions).toEqual(before.attributeDefinitions);
    expect(after.sourceAttributes).toEqual(before.sourceAttributes);
    expect(after.themes).toEqual(before.themes);
    expect(after.sources).toEqual(before.sources);
    expect((await call(b, 'project.getInfo', {})).name).toBe('Everything');
    // What the round trip compares is not trivially empty.
    expect(before.codings).toHaveLength(8);
    expect(before.memos.map((m) => m.on).sort()).toEqual(['case', 'code', 'coding', 'coding', 'project', 'project', 'source', 'theme']);
    expect(before.cases.find((c) => c.name === 'Rina')!.members).toEqual(['Interview Rina Rina sells batik 🧵 online', 'Interview Rina whole']);
  });

  it('the .qdc alone brings back the codebook and its themes', async () => {
    const a = await workedProject();
    const book = await call(a, 'refi.exportCodebook', {});
    const c = await project('Codebook only');
    await call(c, 'refi.import', { fileName: book.fileName, dataBase64: book.dataBase64 });
    const [before, after] = [await content(a), await content(c)];
    expect(after.codebook).toEqual(before.codebook);
    expect(after.themes).toEqual(before.themes);
    expect(after.codings).toEqual([]);
  });
});

describe('REFI-QDA import into the open project', () => {
  it('previews codes merged by name, imports as previewed, and undoes as one step', async () => {
    const ctx = await project();
    const barriers = await call(ctx, 'codes.create', { name: 'barriers' });
    await call(ctx, 'codes.create', { name: 'Trust', parentId: barriers.id });
    const file = { fileName: 'study.qdpx', dataBase64: b64(qdpx(nvivoWindowsLike())) };
    const preview = await call(ctx, 'refi.previewImport', file);
    expect(preview.codes).toEqual({ created: 2, merged: 2, mergedPaths: ['Barriers', 'Barriers / Trust'], createdPaths: ['Barriers / Shipping costs', 'Platforms'] });
    expect(preview).toMatchObject({ sources: 1, codings: 6, memos: 3, cases: { created: 1, merged: 0 }, attributes: 3 });
    const before = await content(ctx);
    const result = await call(ctx, 'refi.import', file);
    expect(result).toEqual(preview);
    const codes = await call(ctx, 'codes.list', {});
    expect(codes.map((c) => c.name).sort()).toEqual(['Platforms', 'Shipping costs', 'Trust', 'barriers']);
    expect(codes.find((c) => c.name === 'Trust')!.codingCount).toBe(2);
    expect((await call(ctx, 'history.list', {})).undo[0]!.label).toBe('Import ‘study.qdpx’');
    await call(ctx, 'history.undo', {});
    expect(await content(ctx)).toEqual(before);
  });

  it('refuses a file that is not REFI-QDA, and the project is unchanged', async () => {
    const ctx = await project();
    const before = await content(ctx);
    const error = await callFail(ctx, 'refi.import', { fileName: 'notes.qdpx', dataBase64: b64('just some text') });
    expect(error).toMatchObject({ code: 'UNREADABLE', message: "'notes.qdpx' is not a REFI-QDA project archive (a zip holding project.qde); export the project again from the tool that made it." });
    expect((await callFail(ctx, 'refi.previewImport', { fileName: 'notes.txt', dataBase64: b64('x') })).message).toMatch(/Give a REFI-QDA file/);
    expect(await content(ctx)).toEqual(before);
  });
});
