import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';

// Fixture texts written for these tests: two short interviews, the second with a 🚢 (two UTF-16 units).
const rina = 'Rina sells batik bags online.\n\nShipping abroad costs too much, so she waits for the boat.\n\nHer buyers ask for photos first.';
const ayu = 'Ayu 🚢 ships spices.\n\nThe courier is slow and the fees keep rising.';
const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Segments' });
  const importText = async (fileName: string, text: string) => (await call('sources.import', { fileName, dataBase64: Buffer.from(text).toString('base64') })).id;
  const a = await importText('rina.txt', rina);
  const b = await importText('ayu.txt', ayu);
  const cost = await call('codes.create', { name: 'Cost' });
  const fees = await call('codes.create', { name: 'Fees', parentId: cost.id });
  const delay = await call('codes.create', { name: 'Delay' });
  const c1 = await call('codings.apply', { sourceId: a, codeId: cost.id, ...at(rina, 'Shipping abroad costs too much') });
  const d1 = await call('codings.apply', { sourceId: a, codeId: delay.id, ...at(rina, 'waits for the boat') });
  const f2 = await call('codings.apply', { sourceId: b, codeId: fees.id, ...at(ayu, 'the fees keep rising') });
  const d2 = await call('codings.apply', { sourceId: b, codeId: delay.id, ...at(ayu, 'The courier is slow') });
  return { a, b, cost, fees, delay, c1, d1, f2, d2 };
}

describe('retrieved segments', () => {
  it('lists a code’s segments with their source, words, context and coder, sub-codes when asked', async () => {
    const f = await project();
    const page = await call('segments.query', { query: { op: 'code', codeId: f.cost.id, subcodes: true } });
    expect(page.total).toBe(2);
    expect(page.stats).toEqual({ segments: 2, sources: 2, characters: 30 + 20 });
    expect(page.rows.map((r) => [r.sourceTitle, r.text, r.codings[0]!.coder])).toEqual([
      ['rina', 'Shipping abroad costs too much', 'tester'],
      ['ayu', 'the fees keep rising', 'tester'],
    ]);
    expect(page.rows[0]!.context.text).toBe('Shipping abroad costs too much, so she waits for the boat.');
    expect(page.rows[0]!.context).toMatchObject({ moreBefore: true, moreAfter: true });
    // Offsets count UTF-16 units: the 🚢 before does not shift the words.
    expect(page.rows[1]!.context.text).toBe('The courier is slow and the fees keep rising.');
    expect(ayu.slice(page.rows[1]!.start, page.rows[1]!.end)).toBe('the fees keep rising');
    const own = await call('segments.query', { query: { op: 'code', codeId: f.cost.id } });
    expect(own.rows.map((r) => r.text)).toEqual(['Shipping abroad costs too much']);
  });

  it('combines codes and pages through the result', async () => {
    const f = await project();
    const near = await call('segments.query', { query: { op: 'near', of: { op: 'code', codeId: f.delay.id }, to: { op: 'code', codeId: f.cost.id, subcodes: true }, within: 10 } });
    expect(near.rows.map((r) => r.text)).toEqual(['waits for the boat', 'The courier is slow']);
    const either = await call('segments.query', { query: { op: 'or', of: [{ op: 'code', codeId: f.delay.id }, { op: 'code', codeId: f.fees.id }] }, offset: 1, limit: 2 });
    expect(either).toMatchObject({ total: 3, offset: 1 });
    expect(either.rows.map((r) => r.text)).toEqual(['The courier is slow', 'the fees keep rising']);
    const onlyAyu = await call('segments.query', { query: { op: 'code', codeId: f.delay.id }, filter: { sourceIds: [f.b] } });
    expect(onlyAyu.rows.map((r) => r.text)).toEqual(['The courier is slow']);
    const attribute = await call('sources.setAttribute', { id: f.a, name: 'country', value: 'Indonesia' });
    expect(attribute).toEqual({ country: 'Indonesia' });
    const byAttribute = await call('segments.query', { query: { op: 'code', codeId: f.delay.id }, filter: { attributes: [{ name: 'country', value: 'Indonesia' }] } });
    expect(byAttribute.rows.map((r) => r.text)).toEqual(['waits for the boat']);
  });

  it('widens a segment’s context passage by passage', async () => {
    const f = await project();
    const span = at(rina, 'waits for the boat');
    const one = await call('segments.context', { sourceId: f.a, ...span, passages: 0 });
    expect(one).toMatchObject({ text: 'Shipping abroad costs too much, so she waits for the boat.', moreBefore: true, moreAfter: true });
    const all = await call('segments.context', { sourceId: f.a, ...span, passages: 1 });
    expect(all).toMatchObject({ start: 0, end: rina.length, moreBefore: false, moreAfter: false });
    expect((await callFail(ctx, 'segments.context', { sourceId: f.a, start: 0, end: 10_000 })).code).toBe('VALIDATION');
  });

  it('gathers the summaries written on segments into a table of codes by source', async () => {
    const f = await project();
    await call('codings.update', { id: f.c1.id, summary: 'Postage abroad is too dear.' });
    expect((await call('history.list', {})).undo[0]?.label).toBe('Summarise a segment of ‘Cost’');
    await call('codings.update', { id: f.d2.id, summary: 'Couriers are slow.' });
    const table = await call('segments.summaryTable', { codeIds: [f.cost.id, f.delay.id], subcodes: true });
    expect(table.sources.map((s) => s.title)).toEqual(['rina', 'ayu']);
    expect(table.cells).toEqual([
      { codeId: f.cost.id, sourceId: f.a, segments: 1, summaries: [{ codingId: f.c1.id, summary: 'Postage abroad is too dear.' }] },
      { codeId: f.cost.id, sourceId: f.b, segments: 1, summaries: [] },
      { codeId: f.delay.id, sourceId: f.a, segments: 1, summaries: [] },
      { codeId: f.delay.id, sourceId: f.b, segments: 1, summaries: [{ codingId: f.d2.id, summary: 'Couriers are slow.' }] },
    ]);
  });

  it('refuses a query nested beyond reason with a sentence', async () => {
    const f = await project();
    let query: MethodInput<'segments.query'>['query'] = { op: 'code', codeId: f.cost.id };
    for (let i = 0; i < 40; i++) query = { op: 'not', of: query, without: { op: 'code', codeId: f.delay.id } };
    const error = await callFail(ctx, 'segments.query', { query });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/nest 12 levels deep/);
  });
});

describe('coding', () => {
  it('applies several codes to a span in one step', async () => {
    const f = await project();
    const applied = await call('codings.applyCodes', { sourceId: f.a, codeIds: [f.cost.id, f.delay.id, f.cost.id], ...at(rina, 'Her buyers') });
    expect(applied.map((c) => c.codeId)).toEqual([f.cost.id, f.delay.id]);
    expect((await call('history.list', {})).undo[0]?.label).toBe('Apply 2 codes to 1 passage');
  });

  it('codes in vivo: the words become a code, under the selected one, reused when it exists', async () => {
    const f = await project();
    const first = await call('codings.codeInVivo', { sourceId: f.a, ...at(rina, '“waits for the boat'.slice(1)), parentId: f.delay.id });
    expect(first).toMatchObject({ created: true, code: { name: 'waits for the boat', parentId: f.delay.id, codingCount: 1 } });
    expect((await call('history.list', {})).undo[0]?.label).toBe('Code ‘waits for the boat’ in vivo');
    const again = await call('codings.codeInVivo', { sourceId: f.a, start: at(rina, 'waits for the boat').start, end: at(rina, 'waits for the boat.').end, parentId: f.delay.id });
    expect(again).toMatchObject({ created: false, code: { id: first.code.id } });
    expect((await callFail(ctx, 'codings.codeInVivo', { sourceId: f.a, start: 29, end: 31 })).message).toMatch(/select some words/);
  });

  it('recodes and resizes a coding, and makes it one with a twin it comes to equal', async () => {
    const f = await project();
    const moved = await call('codings.update', { id: f.d1.id, start: f.d1.start - 7 });
    expect(rina.slice(moved.start, moved.end)).toBe('so she waits for the boat');
    expect((await call('history.list', {})).undo[0]?.label).toBe('Resize a coding of ‘Delay’');
    const twin = await call('codings.apply', { sourceId: f.a, codeId: f.cost.id, start: moved.start, end: moved.end });
    await call('codings.update', { id: twin.id, summary: 'Waiting.' });
    await call('memos.create', { title: 'Boat', body: '', target: { kind: 'coding', id: f.d1.id } });
    const merged = await call('codings.update', { id: f.d1.id, codeId: f.cost.id });
    expect(merged.id).toBe(twin.id);
    expect((await call('history.list', {})).undo[0]?.label).toBe('Recode a passage as ‘Cost’');
    expect((await call('codings.list', { sourceId: f.a })).map((c) => c.id)).not.toContain(f.d1.id);
    expect((await call('memos.list', {})).find((m) => m.title === 'Boat')?.targetId).toBe(twin.id);
    expect((await callFail(ctx, 'codings.update', { id: twin.id, end: twin.start })).code).toBe('VALIDATION');
    expect((await callFail(ctx, 'codings.update', { id: twin.id, end: 100_000 })).message).toMatch(/runs past the end/);
  });
});

describe('themes', () => {
  it('group codes beside the hierarchy without touching their codings, and carry a memo', async () => {
    const f = await project();
    const theme = await call('themes.create', { name: 'Friction', description: 'What slows trade.', codeIds: [f.fees.id, f.delay.id] });
    expect(theme).toMatchObject({ kind: 'theme', codeIds: [f.fees.id, f.delay.id] });
    const category = await call('themes.create', { name: 'Money', kind: 'category', codeIds: [f.fees.id] });
    expect((await call('history.list', {})).undo[0]?.label).toBe('Create category ‘Money’');
    await call('themes.removeCodes', { id: theme.id, codeIds: [f.delay.id] });
    await call('themes.addCodes', { id: theme.id, codeIds: [f.cost.id] });
    expect((await call('themes.list', {})).map((t) => [t.name, t.codeIds])).toEqual([
      ['Friction', [f.cost.id, f.fees.id]],
      ['Money', [f.fees.id]],
    ]);
    expect((await call('codes.list', {})).find((c) => c.id === f.delay.id)?.codingCount).toBe(2);
    expect((await callFail(ctx, 'themes.update', { id: category.id, name: 'friction' })).code).toBe('CONFLICT');
    await call('memos.create', { title: 'Why friction', body: 'Costs *and* delays.', target: { kind: 'theme', id: theme.id } });
    expect((await call('memos.list', {}))[0]).toMatchObject({ targetKind: 'theme', about: 'Friction' });
    await call('themes.remove', { id: theme.id });
    expect(await call('memos.list', {})).toEqual([]);
  });
});
