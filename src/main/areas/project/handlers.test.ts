import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { EventMap } from '../../../shared/api/events';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';
import { dispatch } from '../../app/dispatch';
import { ProjectAccess } from '../../app/project-access';
import { RecentProjects } from '../../app/recent-projects';

// Fixture text, written for this test: a German field note that has "Marktplatz" only in the dative plural.
const germanNote = 'Die Händlerinnen verkaufen ihre Stoffe auf regionalen Marktplätzen und schicken Lieferungen ins Ausland.';

let ctx: AppContext;
afterEach(() => ctx?.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);
const failure = <M extends MethodName>(method: M, input: MethodInput<M>) => callFail(ctx, method, input);

async function germanProject(path = tempProjectPath()) {
  ctx = testContext();
  await call('project.create', { path, name: 'Languages' });
  await call('sources.import', { fileName: 'notiz.txt', dataBase64: Buffer.from(germanNote).toString('base64') });
  return path;
}

describe('project.setLanguage', () => {
  it('defaults to English and refuses languages search cannot stem', async () => {
    await germanProject();
    expect((await call('project.getInfo', {})).language).toBe('en');
    const result = await dispatch(ctx, 'project.setLanguage', { language: 'xx' as never });
    expect(result.ok ? null : result.error.code).toBe('VALIDATION');
  });

  it('rebuilds the index with the new stemmer, reporting progress, and keeps the choice when the project reopens', async () => {
    const path = await germanProject();
    // English stemming leaves the German plural (with its umlaut) alone, so the singular is not found.
    expect((await call('search.query', { q: 'Marktplatz' })).total).toBe(0);

    const progress: Array<EventMap['progress']> = [];
    ctx.onEvent((name, payload) => name === 'progress' && progress.push(payload as EventMap['progress']));
    expect((await call('project.setLanguage', { language: 'de' })).language).toBe('de');
    expect((await call('search.query', { q: 'Marktplatz' })).total).toBe(1);
    expect(progress.filter((p) => p.task === 'search-index').at(-1)).toMatchObject({ done: 1, total: 1 });

    await ctx.close();
    ctx = testContext();
    await call('project.open', { path });
    expect((await call('project.getInfo', {})).language).toBe('de');
    expect((await call('search.query', { q: 'Marktplatz' })).total).toBe(1);
  });
});

describe('projects: recent, copies and names', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'quarry-user-'));

  it('renames the project as an undoable step', async () => {
    ctx = testContext();
    await call('project.create', { path: tempProjectPath(), name: 'Draft' });
    expect((await call('project.rename', { name: ' Harbour study ' })).name).toBe('Harbour study');
    expect((await call('history.list', {})).undo[0]!.label).toBe('Rename the project to ‘Harbour study’');
    await call('history.undo', {});
    expect((await call('project.getInfo', {})).name).toBe('Draft');
  });

  it('remembers the projects opened, newest first, outside any project, with the open one’s name as it is now', async () => {
    const userDir = dataDir();
    ctx = testContext({ recentProjects: new RecentProjects(userDir) });
    const first = tempProjectPath('first.quarry');
    const second = tempProjectPath('second.quarry');
    await call('project.create', { path: first, name: 'First' });
    await call('project.create', { path: second, name: 'Second' });
    await call('project.open', { path: first });
    await call('project.rename', { name: 'First, renamed' });
    const listed = await call('project.listRecent', {});
    expect(listed.openPath).toBe(first);
    expect(listed.projects.map((p) => [p.name, p.exists, p.allowed])).toEqual([
      ['First, renamed', true, true],
      ['Second', true, true],
    ]);
    expect(listed.folders).toEqual([dirname(first), dirname(second)]);

    rmSync(second);
    expect((await call('project.listRecent', {})).projects[1]).toMatchObject({ name: 'Second', exists: false });
    expect((await call('project.forgetRecent', { path: second })).projects.map((p) => p.name)).toEqual(['First, renamed']);
    // The next launch reads the same list.
    expect(new RecentProjects(userDir).list().map((p) => p.path)).toEqual([first]);
  });

  it('sets a damaged recent list aside as an empty one, saying so', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'recent-projects.json'), '{"projects": [ oops');
    const problems: string[] = [];
    expect(new RecentProjects(dir, (message) => problems.push(message)).list()).toEqual([]);
    expect(problems[0]).toMatch(/is damaged and was set aside/);
  });

  it('saves a copy under its own name, leaving the open project open unless asked to go on in the copy', async () => {
    const original = await germanProject();
    const copy = join(dirname(original), 'copy.quarry');
    expect(await call('project.saveCopy', { path: copy, name: 'Languages, March' })).toEqual({ path: copy, name: 'Languages, March' });
    expect((await call('project.getInfo', {})).path).toBe(original);
    expect(await failure('project.saveCopy', { path: copy, name: 'Again' })).toMatchObject({ code: 'CONFLICT' });
    expect((await failure('project.saveCopy', { path: join(dirname(original), 'no', 'such', 'x.quarry'), name: 'X' })).code).toBe('NOT_FOUND');

    const next = join(dirname(original), 'next.quarry');
    const info = await call('project.saveCopy', { path: next, name: 'Next', open: true });
    expect(info.path).toBe(next);
    expect(await call('project.getInfo', {})).toMatchObject({ path: next, name: 'Next', counts: { sources: 1 } });
    expect((await call('search.query', { q: 'Lieferungen' })).total).toBe(1);
  });

  it('opens the sample project through the context that knows where it is', async () => {
    const sample = tempProjectPath('sample.quarry');
    const builder = testContext();
    await callOk(builder, 'project.create', { path: sample, name: 'Sample' });
    builder.close();
    ctx = testContext({ sampleProject: () => Promise.resolve(sample) });
    expect((await call('project.openSample', {})).name).toBe('Sample');
  });

  it('lists the project files of a folder, and in browser mode only of an allowed folder', async () => {
    const dir = dataDir();
    const outside = dataDir();
    ctx = testContext({ projectAccess: ProjectAccess.forBrowserMode({ dataDir: dir, launchProjects: [], allowedDirs: [] }) });
    await call('project.create', { path: join(dir, 'a.quarry'), name: 'A' });
    writeFileSync(join(dir, 'notes.txt'), 'not a project');
    expect((await call('project.listFolder', { folder: dir })).projects.map((p) => p.fileName)).toEqual(['a.quarry']);
    expect(await failure('project.listFolder', { folder: outside })).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('--allow-dir') });
    expect((await failure('project.listFolder', { folder: join(dir, 'missing') })).code).toBe('NOT_FOUND');
    expect((await call('project.getAccess', {})).fileDialogs).toBe(false);
    expect((await failure('project.choosePath', { purpose: 'open' })).code).toBe('UNSUPPORTED');
  });
});
