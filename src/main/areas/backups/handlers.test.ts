import { basename, dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/api/events';
import type { ProjectFileIssue } from '../../../shared/domain/backups';
import type { AppContext, ContextOptions } from '../../app/context';
import { dispatch } from '../../app/dispatch';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import { damageTable } from '../../test-support/damage';

const b64 = (text: string) => Buffer.from(text).toString('base64');

const contexts: AppContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.close()));

function context(options: ContextOptions = {}): AppContext {
  const ctx = testContext(options);
  contexts.push(ctx);
  return ctx;
}

/** A clock that moves on an hour at each reading, so no backup is ever too recent to repeat. */
function hourly(): () => string {
  let hour = 0;
  return () => new Date(Date.UTC(2026, 0, 1, hour++)).toISOString();
}

async function projectWithNotes(ctx: AppContext): Promise<string> {
  const path = tempProjectPath();
  await callOk(ctx, 'project.create', { path, name: 'Fieldwork' });
  await callOk(ctx, 'sources.import', { fileName: 'notes.txt', dataBase64: b64('Parcels leave on Fridays.\n\nCouriers charge by weight.') });
  return path;
}

describe('backups of the open project', () => {
  it('are taken on opening, not again while the file is as the last one found it, and by hand', async () => {
    const ctx = context({ clock: hourly() });
    const path = await projectWithNotes(ctx);
    expect(await callOk(ctx, 'backups.list', {})).toEqual([]);
    await callOk(ctx, 'project.open', { path });
    await ctx.settle();
    const [opened] = await callOk(ctx, 'backups.list', {});
    expect(opened).toMatchObject({ reason: 'open' });
    // Reading changes nothing, so reopening finds the file as its last backup holds it.
    await callOk(ctx, 'sources.list', {});
    await callOk(ctx, 'project.open', { path });
    await ctx.settle();
    expect((await callOk(ctx, 'backups.list', {})).map((b) => b.reason)).toEqual(['open']);
    const manual = await callOk(ctx, 'backups.create', {});
    expect(manual.reason).toBe('manual');
    expect((await callOk(ctx, 'backups.list', {})).map((b) => b.reason)).toEqual(['manual', 'open']);
  });

  it('are taken after some minutes of editing, and announced so a list of them refreshes', async () => {
    const ctx = context({ clock: hourly(), backups: { everyMinutes: 0.002 } });
    const events: Array<EventMap['project.changed']> = [];
    ctx.onEvent((name, payload) => name === 'project.changed' && events.push(payload as EventMap['project.changed']));
    await projectWithNotes(ctx);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await ctx.settle();
    expect((await callOk(ctx, 'backups.list', {})).map((b) => b.reason)).toEqual(['timed']);
    expect(events.at(-1)).toEqual({ topics: ['backups'], label: 'Back up the project' });
  });

  it('wait for nothing when a project is closed mid-backup: the unfinished copy is dropped', async () => {
    const ctx = context({ clock: hourly() });
    const path = await projectWithNotes(ctx);
    await callOk(ctx, 'project.open', { path });
    await ctx.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const other = context();
    expect(await callOk(other, 'backups.list', { project: path })).toEqual([]);
  });
});

describe('restoring a backup through the API', () => {
  it('reopens the project as the backup holds it, keeping the replaced file among the backups', async () => {
    const ctx = context({ clock: hourly() });
    const path = await projectWithNotes(ctx);
    const before = await callOk(ctx, 'backups.create', {});
    await callOk(ctx, 'codes.create', { name: 'Costs' });
    const opened: string[] = [];
    ctx.onEvent((name, payload) => name === 'project.opened' && opened.push((payload as EventMap['project.opened']).path));
    const { project, kept } = await callOk(ctx, 'backups.restore', { backup: before.path });
    expect(project.counts).toMatchObject({ sources: 1, codes: 0 });
    expect(opened).toEqual([path]);
    expect(kept?.reason).toBe('replaced');
    // The replaced file is a backup too: restoring it brings the code back.
    const again = await callOk(ctx, 'backups.restore', { backup: kept!.path });
    expect(again.project.counts.codes).toBe(1);
    expect((await callOk(ctx, 'codes.list', {})).map((c) => c.name)).toEqual(['Costs']);
  });

  it('is refused while another process has the project, and the project stays open here', async () => {
    const ctx = context({ clock: hourly() });
    const path = await projectWithNotes(ctx);
    const backup = await callOk(ctx, 'backups.create', {});
    const other = context();
    const error = await callFail(other, 'backups.restore', { backup: backup.path, project: path });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { problem: 'in-use' } });
    expect((await callOk(ctx, 'sources.list', {})).length).toBe(1);
  });
});

describe('a project found damaged', () => {
  async function damagedWithBackup(): Promise<{ path: string; ctx: AppContext }> {
    const ctx = context({ clock: hourly() });
    const path = await projectWithNotes(ctx);
    for (let i = 0; i < 60; i++) await callOk(ctx, 'memos.create', { title: `Memo ${i}`, body: 'Parcels again. '.repeat(60), target: { kind: 'project' } });
    await callOk(ctx, 'backups.create', {});
    return { path, ctx };
  }

  it('on opening is refused with an offer of its latest good backup, which restores it', async () => {
    const { path, ctx } = await damagedWithBackup();
    await ctx.close();
    damageTable(path, 'memos');
    const fresh = context({ clock: hourly() });
    const error = await callFail(fresh, 'project.open', { path });
    const issue = error.details as ProjectFileIssue;
    expect(error.code).toBe('UNREADABLE');
    expect(issue).toMatchObject({ problem: 'damaged', path, backup: { reason: 'manual' } });
    expect(error.message).toMatch(/^project\.quarry is damaged \(SQLite's check found: .+\)\. Quarry has not changed it; restore its latest good backup, taken 2026-01-0\d \d\d:00 UTC, to go on working \(the damaged file is kept beside it\)\.$/);
    expect(fresh.hasProject).toBe(false);
    const { project } = await callOk(fresh, 'backups.restore', { project: path, backup: issue.backup!.path });
    expect(project.counts.memos).toBe(60);
  });

  it('while working is closed at once, so nothing more is written to it, and the error offers its backup', async () => {
    const { path, ctx } = await damagedWithBackup();
    // The disk fails under the open project: its pages are read afresh from the damaged file.
    damageTable(path, 'memos', ctx.session.db);
    ctx.session.db.pragma('shrink_memory');
    const result = await dispatch(ctx, 'memos.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNREADABLE', details: { problem: 'damaged', backup: { reason: 'manual' } } } });
    expect(ctx.hasProject).toBe(false);
  });

  it('with no backups says so, and how to recover it', async () => {
    const ctx = context();
    const path = await projectWithNotes(ctx);
    for (let i = 0; i < 60; i++) await callOk(ctx, 'memos.create', { title: `Memo ${i}`, body: 'Parcels again. '.repeat(60), target: { kind: 'project' } });
    await ctx.close();
    damageTable(path, 'memos');
    const error = await callFail(context(), 'project.open', { path });
    expect(error.message).toMatch(/Quarry has not changed it; it has no backups to restore, so open a copy of it with an SQLite recovery tool \(sqlite3 \.recover\)\.$/);
    expect(error.details).toMatchObject({ problem: 'damaged', backup: null });
  });
});

describe('one writer per project', () => {
  it('a second context opening an open project is refused with a sentence; the first keeps working', async () => {
    const first = context();
    const path = await projectWithNotes(first);
    const second = context();
    const error = await callFail(second, 'project.open', { path });
    expect(error).toMatchObject({ code: 'CONFLICT', details: { problem: 'in-use', path } });
    expect(error.message).toBe(
      'project.quarry is open in another Quarry window or process (the app, browser mode or the command line). Close it there and try again: one program at a time writes a project, so no change is lost.',
    );
    await callOk(first, 'codes.create', { name: 'Still writing' });
    await first.close();
    await callOk(second, 'project.open', { path });
    expect((await callOk(second, 'codes.list', {})).map((c) => c.name)).toEqual(['Still writing']);
  });

  it('reopening the project already open here reopens it rather than refusing', async () => {
    const ctx = context();
    const path = await projectWithNotes(ctx);
    const info = await callOk(ctx, 'project.open', { path: `${dirname(path)}/./${basename(path)}` });
    expect(info.counts.sources).toBe(1);
  });
});

describe('the app started on a damaged project', () => {
  it('runs without a project, answers why to project.getInfo with the offer, and restoring the offered backup opens it', async () => {
    const first = context({ clock: hourly() });
    const path = await projectWithNotes(first);
    for (let i = 0; i < 60; i++) await callOk(first, 'memos.create', { title: `Memo ${i}`, body: 'Parcels again. '.repeat(60), target: { kind: 'project' } });
    await callOk(first, 'backups.create', {});
    await first.close();
    damageTable(path, 'memos');
    const app = context({ clock: hourly() });
    app.openAtLaunch(path);
    expect(app.hasProject).toBe(false);
    const problem = await callFail(app, 'project.getInfo', {});
    expect(problem).toMatchObject({ code: 'UNREADABLE', details: { problem: 'damaged', path, backup: { reason: 'manual' } } });
    expect(await callFail(app, 'sources.list', {})).toMatchObject({ code: 'NO_PROJECT' });
    const { project } = await callOk(app, 'backups.restore', { project: path, backup: (problem.details as ProjectFileIssue).backup!.path });
    expect(project.counts.memos).toBe(60);
    expect((await callOk(app, 'project.getInfo', {})).path).toBe(path);
  });

  it('does not start on a project another process has open, saying so', async () => {
    const holder = context();
    const path = await projectWithNotes(holder);
    expect(() => context().openAtLaunch(path)).toThrow(/is open in another Quarry window or process/);
  });
});
