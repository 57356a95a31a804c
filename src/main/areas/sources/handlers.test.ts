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
