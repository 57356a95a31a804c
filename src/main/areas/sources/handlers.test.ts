import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';
import { dispatch } from '../../app/dispatch';

// Fixture texts, written for these tests: two cases of small sellers in different countries.
const javaSeller = 'A weaver in Central Java sells scarves through a marketplace app and ships parcels twice a week.';
const penangSeller = 'A spice trader in Penang ships parcels to buyers across the region every morning.';

let ctx: AppContext;
afterEach(() => ctx?.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

const failure = <M extends MethodName>(method: M, input: MethodInput<M>) => callFail(ctx, method, input);

async function importText(fileName: string, text: string): Promise<string> {
  return (await call('sources.import', { fileName, dataBase64: Buffer.from(text).toString('base64') })).id;
}

async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Cases' });
  return { java: await importText('java.txt', javaSeller), penang: await importText('penang.txt', penangSeller) };
}

describe('source attributes', () => {
  it('sets, replaces and removes attributes, trimming names and values', async () => {
    const { java } = await project();
    expect(await call('sources.setAttribute', { id: java, name: '  country ', value: ' Indonesia ' })).toEqual({ country: 'Indonesia' });
    await call('sources.setAttribute', { id: java, name: 'sector', value: 'textiles' });
    expect(await call('sources.setAttribute', { id: java, name: 'country', value: 'Malaysia' })).toEqual({ country: 'Malaysia', sector: 'textiles' });
    expect((await call('sources.get', { id: java })).attributes).toEqual({ country: 'Malaysia', sector: 'textiles' });

    expect(await call('sources.removeAttribute', { id: java, name: 'country' })).toEqual({ sector: 'textiles' });
    expect((await call('sources.get', { id: java })).attributes).toEqual({ sector: 'textiles' });
  });

  it('lists each name = value pair once, with how many sources carry it', async () => {
    const { java, penang } = await project();
    await call('sources.setAttribute', { id: java, name: 'sector', value: 'textiles' });
    await call('sources.setAttribute', { id: penang, name: 'sector', value: 'textiles' });
    await call('sources.setAttribute', { id: penang, name: 'country', value: 'Malaysia' });
    expect(await call('sources.listAttributes', {})).toEqual([
      { name: 'country', value: 'Malaysia', sourceCount: 1 },
      { name: 'sector', value: 'textiles', sourceCount: 2 },
    ]);
  });

  it('refuses blank or overlong names and values, and unknown sources or attributes', async () => {
    const { java } = await project();
    expect((await failure('sources.setAttribute', { id: java, name: '   ', value: 'x' })).code).toBe('VALIDATION');
    expect((await failure('sources.setAttribute', { id: java, name: 'n'.repeat(101), value: 'x' })).code).toBe('VALIDATION');
    expect((await failure('sources.setAttribute', { id: java, name: 'country', value: '' })).code).toBe('VALIDATION');
    expect((await failure('sources.setAttribute', { id: java, name: 'note', value: 'v'.repeat(501) })).code).toBe('VALIDATION');
    await call('sources.setAttribute', { id: java, name: 'n'.repeat(100), value: 'v'.repeat(500) });

    expect((await failure('sources.setAttribute', { id: 'missing', name: 'country', value: 'Indonesia' })).code).toBe('NOT_FOUND');
    expect((await failure('sources.removeAttribute', { id: java, name: 'country' })).code).toBe('NOT_FOUND');
  });

  it('goes with its source when the source is removed', async () => {
    const { java } = await project();
    await call('sources.setAttribute', { id: java, name: 'country', value: 'Indonesia' });
    await call('sources.remove', { id: java });
    expect(await call('sources.listAttributes', {})).toEqual([]);
  });

  it('filters a search to the passages of sources carrying the attribute', async () => {
    const { java, penang } = await project();
    await call('sources.setAttribute', { id: java, name: 'country', value: 'Indonesia' });
    await call('sources.setAttribute', { id: penang, name: 'country', value: 'Malaysia' });

    const everywhere = await call('search.query', { q: 'parcels' });
    expect(everywhere.groups.map((g) => g.sourceId).sort()).toEqual([java, penang].sort());

    const filtered = await call('search.query', { q: 'parcels', filters: { attributes: [{ name: 'country', value: 'Malaysia' }] } });
    expect(filtered.groups.map((g) => g.sourceId)).toEqual([penang]);
    expect(filtered.total).toBe(1);
  });
});

describe('importing many files as a batch', () => {
  it('stops the batch’s imports still being read when it is cancelled, keeping those saved and others’ imports', async () => {
    await project();
    // More files than workers, so some wait in the queue and some are being read when the batch is cancelled.
    const text = (n: number) => Buffer.from(`Field note ${n}: ${'the harbour traders counted crates. '.repeat(20_000)}`).toString('base64');
    const batched = Array.from({ length: 6 }, (_, n) => dispatch(ctx, 'sources.import', { fileName: `note-${n}.txt`, dataBase64: text(n), batch: 'batch-1' }));
    const other = dispatch(ctx, 'sources.import', { fileName: 'other.txt', dataBase64: text(99) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { cancelled } = await call('sources.cancelImport', { batch: 'batch-1' });
    const answers = await Promise.all(batched);
    const stopped = answers.filter((a) => !a.ok);
    expect(stopped.length).toBe(cancelled);
    expect(cancelled).toBeGreaterThan(0);
    for (const answer of stopped) expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/^'note-\d\.txt' was not imported: its import was cancelled\.$/) } });
    expect((await other).ok).toBe(true);
    const titles = (await call('sources.list', {})).map((s) => s.fileName).sort();
    expect(titles).toEqual(['java.txt', 'other.txt', 'penang.txt', ...answers.flatMap((a, n) => (a.ok ? [`note-${n}.txt`] : []))].sort());
    expect(await call('sources.cancelImport', { batch: 'batch-1' })).toEqual({ cancelled: 0 });
  });
});

describe('structure and metadata of sources', () => {
  const transcript = ['I: Where do you sell your scarves?', 'R: Mostly through the app.', 'My sister packs the parcels.', '[00:04:10] I: And abroad?', 'R: Shipping costs too much.'].join('\n');

  it('keeps a transcript’s turns with their speakers, guesses its kind from them and lists its speakers', async () => {
    await project();
    const id = await importText('call with Ade.txt', transcript);
    const summary = (await call('sources.list', {})).find((s) => s.id === id)!;
    expect(summary.kind).toBe('transcript');
    const { text, passages } = await call('sources.text', { id });
    expect(passages.map((p) => [p.kind, p.speaker, p.timestamp, text.slice(p.start, p.end)])).toEqual([
      ['turn', 'I', null, 'I: Where do you sell your scarves?'],
      ['turn', 'R', null, 'R: Mostly through the app.\nMy sister packs the parcels.'],
      ['turn', 'I', '00:04:10', '[00:04:10] I: And abroad?'],
      ['turn', 'R', null, 'R: Shipping costs too much.'],
    ]);
    expect(await call('sources.listSpeakers', {})).toEqual([
      { speaker: 'I', turnCount: 2, sourceCount: 1 },
      { speaker: 'R', turnCount: 2, sourceCount: 1 },
    ]);
  });

  it('keeps lists and emphasis of Markdown as passages and marks', async () => {
    await project();
    const id = await importText('stalls.md', '# Stalls\n\n- *fresh* fruit\n- cloth, see [map](https://example.org/map)\n');
    const { text, passages, marks } = await call('sources.text', { id });
    expect(passages.map((p) => [p.kind, p.level, p.marker, text.slice(p.start, p.end)])).toEqual([
      ['heading', 1, null, 'Stalls'],
      ['list-item', 1, '•', 'fresh fruit'],
      ['list-item', 1, '•', 'cloth, see map'],
    ]);
    expect(marks.map((m) => [m.kind, text.slice(m.start, m.end), m.href])).toEqual([
      ['emphasis', 'fresh', null],
      ['link', 'map', 'https://example.org/map'],
    ]);
  });

  it('pastes text as a new source, read as a plain-text file, and refuses a paste with no words', async () => {
    await project();
    const pasted = await call('sources.paste', { title: 'Call with Ade', text: transcript });
    expect(pasted).toMatchObject({ title: 'Call with Ade', kind: 'transcript', format: 'txt', fileName: null });
    expect((await call('sources.text', { id: pasted.id })).passages).toHaveLength(4);
    expect(await failure('sources.paste', { title: 'Blank', text: ' \n\t ' })).toMatchObject({ code: 'UNREADABLE', message: "'Blank' contains no text to import." });
  });

  it('edits authors and year, clears the year with null, and refuses an update that changes nothing', async () => {
    const { java } = await project();
    const edited = await call('sources.update', { id: java, authors: [' Lim, K. ', 'World Bank'], year: ' 2021a ' });
    expect(edited).toMatchObject({ authors: ['Lim, K.', 'World Bank'], year: '2021a' });
    expect((await call('history.list', {})).undo[0]!.label).toBe('Edit the details of ‘java’');
    expect(await call('sources.update', { id: java, year: null })).toMatchObject({ authors: ['Lim, K.', 'World Bank'], year: null });
    expect((await failure('sources.update', { id: java })).code).toBe('VALIDATION');
  });
});
