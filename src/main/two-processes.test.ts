import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileState, sideFiles } from './test-support/damage';
import { cli, startQuarry, type QuarryServer } from './test-support/processes';

// Two real processes on one project file: browser mode (as the app) and the CLI, or two
// servers. One writes; the other is refused with a sentence and writes nothing, and gets the
// project as soon as the first lets go — by closing, or by crashing.

const servers: QuarryServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function project(): Promise<{ dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'quarry-two-'));
  const path = join(dir, 'shared.quarry');
  const created = await cli(['create', path, '--name', 'Shared']);
  expect(created.code).toBe(0);
  return { dir, path };
}

const inUse = /^quarry: shared\.quarry is open in another Quarry window or process \(the app, browser mode or the command line\)\. Close it there and try again/;

describe('two processes on one project', () => {
  it('while the app writes, the CLI is refused with a sentence, writes nothing, and gets the project once the app closes', { timeout: 120_000 }, async () => {
    const { dir, path } = await project();
    const server = await startQuarry({ project: path, dataDir: dir });
    servers.push(server);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'Parcels leave on Fridays.');

    // The app keeps writing while the CLI tries, as a person coding while a script runs.
    let writing = true;
    const appWrites: string[] = [];
    const app = (async () => {
      for (let i = 0; writing; i++) {
        const result = await server.call('codes.create', { name: `app ${i}` });
        appWrites.push(result.ok ? 'ok' : result.error.code);
      }
    })();
    const attempts = await Promise.all([
      cli(['new-code', 'from the CLI', '--project', path]),
      cli(['import', notes, '--project', path]),
      cli(['sources', '--project', path]),
    ]);
    writing = false;
    await app;
    for (const attempt of attempts) {
      expect(attempt.code).toBe(1);
      expect(attempt.stdout).toBe('');
      expect(attempt.stderr).toMatch(inUse);
    }
    expect(appWrites.length).toBeGreaterThan(0);
    expect(new Set(appWrites)).toEqual(new Set(['ok']));

    // A second app on the same project does not start, and says why.
    await expect(startQuarry({ project: path, dataDir: dir })).rejects.toThrow(/Quarry could not start: shared\.quarry is open in another Quarry window or process/);

    // Its own search finds what it wrote: there is no other writer whose changes it could miss.
    const searched = await server.call('search.query', { q: 'app' });
    expect(searched).toMatchObject({ ok: true, value: { total: appWrites.length } });
    await server.stop();
    const after = await cli(['codes', '--project', path, '--format', 'json']);
    expect(after.code).toBe(0);
    const names = (JSON.parse(after.stdout) as Array<{ name: string }>).map((c) => c.name);
    expect(names).toHaveLength(appWrites.length);
    expect(names).not.toContain('from the CLI');
  });

  it('a crashed app leaves no lock behind: the CLI opens the project at once, with every answered write in it', { timeout: 120_000 }, async () => {
    const { dir, path } = await project();
    const server = await startQuarry({ project: path, dataDir: dir });
    servers.push(server);
    for (let i = 0; i < 5; i++) expect((await server.call('codes.create', { name: `before the crash ${i}` })).ok).toBe(true);
    const before = fileState(path);
    expect((await cli(['codes', '--project', path])).code).toBe(1);
    expect(fileState(path)).toBe(before);
    await server.kill();
    const after = await cli(['codes', '--project', path, '--format', 'json']);
    expect(after.stderr).toBe('');
    expect((JSON.parse(after.stdout) as unknown[]).length).toBe(5);
  });

  it('an app that stops leaves its project as one file: no write-ahead log beside it, and the file alone holds every write', { timeout: 120_000 }, async () => {
    const { dir, path } = await project();
    const server = await startQuarry({ project: path, dataDir: dir });
    servers.push(server);
    // A book-length import is written by the writer thread, on a connection of its own; a code by the main thread.
    const book = Array.from({ length: 600 }, (_, n) => `Turn ${n}: the ferry to the spice island left late again.`).join('\n\n');
    expect((await server.call('sources.import', { fileName: 'ferries.txt', dataBase64: Buffer.from(book).toString('base64') })).ok).toBe(true);
    expect((await server.call('codes.create', { name: 'Delays' })).ok).toBe(true);
    await server.stop();
    expect(sideFiles(path)).toEqual([]);
    // Copied on its own, as a person copies a project to another machine, it holds both.
    const copy = join(dir, 'copied.quarry');
    copyFileSync(path, copy);
    const stats = await cli(['stats', '--project', copy, '--format', 'json']);
    expect(stats.stderr).toBe('');
    expect(JSON.parse(stats.stdout)).toMatchObject({ sources: 1, codes: 1 });
  });
});
