import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { tempProjectPath, testContext } from '../test-support/context';
import type { AppContext } from './context';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import { unrecordedTables } from '../services/store/tables';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function ok<T = unknown>(ctx: AppContext, method: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

let ctx: AppContext;
afterEach(() => ctx?.close());

async function projectWithSource(text = 'First paragraph about shipping costs.\n\nSecond paragraph about payments.') {
  ctx = testContext();
  const path = tempProjectPath();
  await ok(ctx, 'project.create', { path, name: 'Test' });
  const source = await ok<{ id: string }>(ctx, 'sources.import', { fileName: 'notes.txt', dataBase64: b64(text) });
  return { path, source };
}

describe('the handler table', () => {
  it('has exactly one handler for every contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });
});

describe('dispatch', () => {
  it('answers a malformed request with a VALIDATION error instead of throwing', async () => {
    ctx = testContext();
    for (const [method, input] of [
      ['codings.apply', { sourceId: 'a', codeId: 'b', start: 5, end: 2 }],
      ['codings.apply', { sourceId: 'a', codeId: 'b', start: -1, end: 2 }],
      ['codes.create', { name: '' }],
      ['codes.create', { name: 'x', color: 'red' }],
      ['codes.create', { name: 'x', unexpected: true }],
      ['sources.get', null],
      ['sources.get', 'not an object'],
      ['no.suchMethod', {}],
    ] as const) {
      const result = await dispatch(ctx, method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('stores a lone surrogate as U+FFFD, so the project file holds valid UTF-8 only', async () => {
    await projectWithSource();
    const cut = 'Ships 🚢'.slice(0, -1);
    const code = await ok<{ id: string; name: string }>(ctx, 'codes.create', { name: cut, definition: '\uDC00 alone' });
    expect(code.name).toBe('Ships \uFFFD');
    const stored = ctx.project.db.prepare('SELECT CAST(name AS BLOB) AS name, CAST(definition AS BLOB) AS definition FROM codes').get() as Record<string, Buffer>;
    const strict = new TextDecoder('utf-8', { fatal: true });
    expect(strict.decode(stored.name)).toBe('Ships \uFFFD');
    expect(strict.decode(stored.definition)).toBe('\uFFFD alone');
  });

  it('refuses input nested absurdly deep with a VALIDATION error', async () => {
    ctx = testContext();
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { ids: [deep] };
    expect(await dispatch(ctx, 'codings.remove', deep)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('nested more than 64 levels') } });
  });

  it('says that no project is open rather than failing obscurely', async () => {
    ctx = testContext();
    const result = await dispatch(ctx, 'sources.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_PROJECT' } });
  });

  it('turns an unexpected failure into INTERNAL without leaking the stack', async () => {
    ctx = testContext();
    await ok(ctx, 'project.create', { path: tempProjectPath(), name: 'T' });
    ctx.project.db.exec('DROP TABLE memos');
    const result = await dispatch(ctx, 'memos.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});

describe('coding a source', () => {
  it('keeps codings across closing and reopening the project', async () => {
    const { path, source } = await projectWithSource();
    const code = await ok<{ id: string }>(ctx, 'codes.create', { name: 'Shipping' });
    const start = 'First paragraph about '.length;
    const coding = await ok<{ id: string }>(ctx, 'codings.apply', { sourceId: source.id, codeId: code.id, start, end: start + 14 });
    await ctx.close();
    ctx = testContext();
    await ok(ctx, 'project.open', { path });
    const codings = await ok<Array<{ id: string; start: number; end: number }>>(ctx, 'codings.list', { sourceId: source.id });
    expect(codings).toEqual([expect.objectContaining({ id: coding.id, start, end: start + 14 })]);
    const full = await ok<{ text: string; stage: string }>(ctx, 'sources.get', { id: source.id });
    expect(full.text.slice(start, start + 14)).toBe('shipping costs');
    expect(full.stage).toBe('reduced');
  });

  it('refuses a span past the end of the source and a code that does not exist', async () => {
    const { source } = await projectWithSource('short');
    const code = await ok<{ id: string }>(ctx, 'codes.create', { name: 'A' });
    expect(await dispatch(ctx, 'codings.apply', { sourceId: source.id, codeId: code.id, start: 0, end: 99 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatch(ctx, 'codings.apply', { sourceId: source.id, codeId: 'nope', start: 0, end: 2 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('applying the same code to the same span twice stores one coding', async () => {
    const { source } = await projectWithSource();
    const code = await ok<{ id: string }>(ctx, 'codes.create', { name: 'A' });
    const first = await ok<{ id: string }>(ctx, 'codings.apply', { sourceId: source.id, codeId: code.id, start: 0, end: 5 });
    const second = await ok<{ id: string }>(ctx, 'codings.apply', { sourceId: source.id, codeId: code.id, start: 0, end: 5 });
    expect(second.id).toBe(first.id);
  });
});

describe('the codebook', () => {
  it('nests, renames and recolours codes, refusing duplicates and cycles', async () => {
    await projectWithSource();
    const parent = await ok<{ id: string }>(ctx, 'codes.create', { name: 'Barriers' });
    const child = await ok<{ id: string; parentId: string }>(ctx, 'codes.create', { name: 'Shipping', parentId: parent.id });
    expect(child.parentId).toBe(parent.id);
    expect(await dispatch(ctx, 'codes.create', { name: 'shipping', parentId: parent.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch(ctx, 'codes.update', { id: parent.id, parentId: child.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const renamed = await ok<{ name: string; color: string }>(ctx, 'codes.update', { id: child.id, name: 'Postage', color: '#112233' });
    expect(renamed).toMatchObject({ name: 'Postage', color: '#112233' });
    const moved = await ok<{ parentId: string | null }>(ctx, 'codes.update', { id: child.id, parentId: null });
    expect(moved.parentId).toBeNull();
  });

  it('removing a code removes its sub-codes, their codings and memos, in one step', async () => {
    const { source } = await projectWithSource();
    const parent = await ok<{ id: string }>(ctx, 'codes.create', { name: 'P' });
    const child = await ok<{ id: string }>(ctx, 'codes.create', { name: 'C', parentId: parent.id });
    await ok(ctx, 'codings.apply', { sourceId: source.id, codeId: child.id, start: 0, end: 5 });
    await ok(ctx, 'memos.create', { title: 'm', body: 'b', target: { kind: 'code', id: child.id } });
    expect(await ok(ctx, 'codes.remove', { id: parent.id })).toEqual({ removed: true, name: 'P', codingsRemoved: 1 });
    expect(await ok(ctx, 'codes.list', {})).toEqual([]);
    expect(await ok(ctx, 'memos.list', {})).toEqual([]);
  });
});

describe('export', () => {
  it('exports every table of the project as JSON', async () => {
    await projectWithSource();
    const exported = await ok<{ schemaVersion: number; tables: Record<string, unknown[]> }>(ctx, 'project.exportJson', {});
    expect(exported.tables.sources).toHaveLength(1);
    expect(exported.tables.passages).toHaveLength(2);
    // Every table but the rebuildable search cache and the undo history, so a new migration's table cannot be forgotten.
    const tables = ctx.project.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    expect(Object.keys(exported.tables).sort()).toEqual(tables.filter((t) => !unrecordedTables.includes(t)).sort());
  });
});
