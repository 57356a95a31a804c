import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../shared/api/contract';
import { callOk } from '../test-support/api';
import { sideFiles } from '../test-support/damage';
import { tempProjectPath, testContext } from '../test-support/context';
import type { AppContext } from './context';
import { dispatch } from './dispatch';

// A book-length transcript, written for this test: enough passages for the writer thread.
const paragraphs = Array.from({ length: 600 }, (_, n) => `Turn ${n}: the ferry to the spice island left late again, said trader ${n % 7}.`);
const book = paragraphs.join('\n\n');
const base64 = (text: string) => Buffer.from(text).toString('base64');

let ctx: AppContext;
afterEach(() => ctx?.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

/** A context that makes its own (random) ids, as the app's does, so large changes go to the writer thread. */
async function appLike() {
  ctx = testContext({ newId: undefined });
  await call('project.create', { path: tempProjectPath(), name: 'Ferries' });
  return ctx.session.writer!;
}

describe('the writer thread', () => {
  it('writes a large import on its own connection: one undo step, searchable, undone and redone on the main thread', async () => {
    const writer = await appLike();
    await call('search.query', { q: 'warm' });
    const source = await call('sources.import', { fileName: 'ferries.txt', dataBase64: base64(book) });
    expect(writer.stats.changes).toBe(1);
    expect((await call('sources.text', { id: source.id })).passages).toHaveLength(600);
    expect((await call('history.list', {})).undo.map((s) => s.label)).toEqual(['Import ‘ferries.txt’']);
    expect((await call('search.query', { q: '"trader 3"' })).total).toBe(86);

    await call('history.undo', {});
    expect(await call('sources.list', {})).toEqual([]);
    expect((await call('search.query', { q: 'ferry' })).total).toBe(0);
    await call('history.redo', {});
    expect((await call('sources.text', { id: source.id })).passages).toHaveLength(600);
    expect((await call('search.query', { q: 'ferry' })).total).toBe(600);
    // A rename indexes its passages again (they carry the title), so the stored index opens as it is.
    await call('sources.update', { id: source.id, title: 'Ferry notes' });
    await call('search.query', { q: 'ferry' });
    const path = ctx.openPath!;
    await call('project.create', { path: tempProjectPath(), name: 'Other' });
    await call('project.open', { path });
    expect((await call('search.query', { q: 'ferry' })).total).toBe(600);
    expect((await ctx.session.search.ready()).stats).toMatchObject({ rebuilds: 0, loads: 1, repairedDocs: 0 });
  });

  it('writes the search index’s merged segments, which load back as they were', async () => {
    await appLike();
    await call('search.query', { q: 'warm' });
    // Each import is a delta segment of its own; past six, the newest are merged.
    for (let n = 0; n < 9; n++) {
      await call('sources.import', { fileName: `note-${n}.txt`, dataBase64: base64(`${paragraphs[n]}\n\nNote ${n} on the harbour.`) });
      await call('search.query', { q: 'harbour' });
    }
    const service = await ctx.session.search.ready();
    await service.idle();
    expect(service.stats.merges).toBeGreaterThan(0);
    expect(ctx.session.writer!.stats.segments).toBe(service.stats.merges);
    const before = await call('search.query', { q: 'harbour ferry' });
    expect(before.total).toBe(18);
    const path = ctx.openPath!;
    await call('project.create', { path: tempProjectPath(), name: 'Other' });
    await call('project.open', { path });
    expect(await call('search.query', { q: 'harbour ferry' })).toEqual({ ...before, tookMs: expect.any(Number) });
    const reopened = await ctx.session.search.ready();
    expect(reopened.stats).toMatchObject({ rebuilds: 0, loads: 1, repairedDocs: 0 });
  });

  it('keeps small imports on the main thread', async () => {
    const writer = await appLike();
    await call('sources.import', { fileName: 'note.txt', dataBase64: base64(paragraphs.slice(0, 5).join('\n\n')) });
    expect(writer.stats.changes).toBe(0);
  });

  it('lets changes made on the main thread meanwhile wait their turn, and records each as a step of its own', async () => {
    const writer = await appLike();
    const imports = [0, 1, 2].map((n) => dispatch(ctx, 'sources.import', { fileName: `book-${n}.txt`, dataBase64: base64(`${book}\n\nBook ${n}.`) }));
    const codes = ['Delays', 'Prices', 'Weather'].map((name) => dispatch(ctx, 'codes.create', { name }));
    const answers = await Promise.all([...imports, ...codes]);
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(writer.stats.changes).toBe(3);
    const labels = (await call('history.list', {})).undo.map((s) => s.label);
    expect([...labels].sort()).toEqual(["Create code ‘Delays’", "Create code ‘Prices’", "Create code ‘Weather’", 'Import ‘book-0.txt’', 'Import ‘book-1.txt’', 'Import ‘book-2.txt’'].sort());
    for (let i = 0; i < 6; i++) await call('history.undo', {});
    expect(await call('sources.list', {})).toEqual([]);
    expect(await call('codes.list', {})).toEqual([]);
  });

  it('has the history’s own writes (depth, clear) wait for a write elsewhere too', async () => {
    await appLike();
    const order: string[] = [];
    let finish = () => {};
    const elsewhere = ctx.session.writes.elsewhere(() => new Promise<void>((resolve) => (finish = resolve))).then(() => order.push('elsewhere'));
    const depth = call('history.setDepth', { depth: 20 }).then(() => order.push('depth'));
    const clear = call('history.clear', {}).then(() => order.push('clear'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    finish();
    await Promise.all([elsewhere, depth, clear]);
    expect(order).toEqual(['elsewhere', 'depth', 'clear']);
  });

  it('closes the project as one file: its writer thread and its opening backup let go first, then the main connection folds the log in', async () => {
    await appLike();
    const path = ctx.openPath!;
    await call('sources.import', { fileName: 'ferries.txt', dataBase64: base64(book) });
    // Another project opened in its place: opening this one again waits for it to be let go of.
    await call('project.create', { path: tempProjectPath(), name: 'Other' });
    await call('project.open', { path });
    await call('codes.create', { name: 'Delays' });
    await ctx.close();
    expect(sideFiles(path)).toEqual([]);
    const alone = tempProjectPath();
    copyFileSync(path, alone);
    const copy = new Database(alone, { readonly: true });
    expect(copy.prepare('SELECT (SELECT count(*) FROM passages), (SELECT count(*) FROM codes)').raw().get()).toEqual([600, 1]);
    copy.close();
  });

  it('leaves nothing half-written when the project is closed while it writes', async () => {
    await appLike();
    const path = ctx.openPath!;
    const writing = dispatch(ctx, 'sources.import', { fileName: 'ferries.txt', dataBase64: base64(book) });
    // Switch projects while the import is being read or written: it is either refused or whole in its project.
    await call('project.create', { path: tempProjectPath(), name: 'Other' });
    const answer = await writing;
    await call('project.open', { path });
    const sources = await call('sources.list', {});
    if (answer.ok) expect((await call('sources.text', { id: sources[0]!.id })).passages).toHaveLength(600);
    else expect(sources).toEqual([]);
  });
});
