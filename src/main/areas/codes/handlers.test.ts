import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import { contrastRatio, pageColour } from '../../../shared/domain/rules/palette';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';

// Fixture text written for these tests: one interview turn about selling abroad.
const interview = 'Rina sells batik bags online. Shipping abroad costs too much, so she waits for the boat. Her buyers ask for photos first.';
const span = (words: string) => ({ start: interview.indexOf(words), end: interview.indexOf(words) + words.length });

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);
const failure = <M extends MethodName>(method: M, input: MethodInput<M>) => callFail(ctx, method, input);

async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Codebook' });
  const source = await call('sources.import', { fileName: 'rina.txt', dataBase64: Buffer.from(interview).toString('base64') });
  const barriers = await call('codes.create', { name: 'Barriers' });
  const cost = await call('codes.create', { name: 'Cost', parentId: barriers.id });
  const price = await call('codes.create', { name: 'Price' });
  const fees = await call('codes.create', { name: 'Fees', parentId: price.id });
  return { source: source.id, barriers, cost, price, fees };
}

const codeNamed = async (name: string) => (await call('codes.list', {})).find((c) => c.name === name);

describe('the codebook', () => {
  it('keeps criteria and an example with a code', async () => {
    const { cost } = await project();
    const updated = await call('codes.update', { id: cost.id, inclusion: 'Any money spent to reach a buyer.', exclusion: 'Prices of the goods.', example: '“Shipping abroad costs too much”' });
    expect(updated).toMatchObject({ inclusion: 'Any money spent to reach a buyer.', exclusion: 'Prices of the goods.', example: '“Shipping abroad costs too much”' });
    const made = await call('codes.create', { name: 'Delay', definition: 'Waiting.', inclusion: 'Days lost.', exclusion: '', example: 'waits for the boat' });
    expect(made).toMatchObject({ definition: 'Waiting.', inclusion: 'Days lost.', example: 'waits for the boat', shortcut: null });
  });

  it('darkens a colour too light to see on the page, and keeps one that is legible', async () => {
    const { cost } = await project();
    const yellow = await call('codes.update', { id: cost.id, color: '#ffee88' });
    expect(yellow.color).not.toBe('#ffee88');
    expect(contrastRatio(yellow.color, pageColour)).toBeGreaterThanOrEqual(3);
    expect((await call('codes.update', { id: cost.id, color: '#1B466D' })).color).toBe('#1b466d');
    for (const code of await call('codes.list', {})) expect(contrastRatio(code.color, pageColour)).toBeGreaterThanOrEqual(3);
  });

  it('gives a key to one code at a time, taking it from the code that had it', async () => {
    const { cost, price } = await project();
    await call('codes.update', { id: cost.id, shortcut: 4 });
    await call('codes.update', { id: price.id, shortcut: 4 });
    expect((await codeNamed('Cost'))?.shortcut).toBeNull();
    expect((await codeNamed('Price'))?.shortcut).toBe(4);
    expect((await call('history.list', {})).undo[0]?.label).toBe('Give code ‘Price’ the key 4');
    await call('codes.update', { id: price.id, shortcut: null });
    expect((await codeNamed('Price'))?.shortcut).toBeNull();
  });

  it('moves a code to a place among its new siblings, and never under itself', async () => {
    const { barriers, cost, price, fees } = await project();
    await call('codes.move', { id: fees.id, parentId: barriers.id, index: 0 });
    const under = (await call('codes.list', {})).filter((c) => c.parentId === barriers.id).sort((a, b) => a.position - b.position);
    expect(under.map((c) => c.name)).toEqual(['Fees', 'Cost']);
    await call('codes.move', { id: fees.id, parentId: barriers.id, index: 5 });
    const again = (await call('codes.list', {})).filter((c) => c.parentId === barriers.id).sort((a, b) => a.position - b.position);
    expect(again.map((c) => c.name)).toEqual(['Cost', 'Fees']);
    await call('codes.move', { id: price.id, parentId: null, index: 0 });
    expect((await call('codes.list', {})).filter((c) => !c.parentId).sort((a, b) => a.position - b.position).map((c) => c.name)).toEqual(['Price', 'Barriers']);
    expect((await failure('codes.move', { id: barriers.id, parentId: cost.id, index: 0 })).message).toMatch(/cannot be moved under itself/);
  });
});

describe('merging codes', () => {
  it('moves codings, sub-codes, memos and themes to the code merged into, and makes duplicate codings one', async () => {
    const { source, barriers, cost, price, fees } = await project();
    const shipping = span('Shipping abroad costs too much');
    const onCost = await call('codings.apply', { sourceId: source, codeId: cost.id, ...shipping });
    await call('codings.update', { id: onCost.id, summary: 'Shipping is dear.' });
    const onPrice = await call('codings.apply', { sourceId: source, codeId: price.id, ...shipping });
    await call('codings.update', { id: onPrice.id, summary: 'Money.' });
    const onlyPrice = await call('codings.apply', { sourceId: source, codeId: price.id, ...span('ask for photos first') });
    const memo = await call('memos.create', { title: 'Price memo', body: '', target: { kind: 'code', id: price.id } });
    const codingMemo = await call('memos.create', { title: 'On the price coding', body: '', target: { kind: 'coding', id: onPrice.id } });
    const theme = await call('themes.create', { name: 'Money', codeIds: [price.id] });
    const conclusion = await call('conclusions.create', { statement: 'Costs hold sellers back.' });
    await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'coding', id: onPrice.id, stance: 'supports' } });

    const result = await call('codes.merge', { ids: [price.id], intoId: cost.id });
    expect(result).toMatchObject({ mergedNames: ['Price'], codingsMoved: 1, duplicatesCollapsed: 1 });
    expect((await call('history.list', {})).undo[0]?.label).toBe('Merge code ‘Price’ into ‘Cost’');

    const codings = await call('codings.list', { sourceId: source });
    expect(codings.map((c) => [c.codeId, interview.slice(c.start, c.end)])).toEqual([
      [cost.id, 'Shipping abroad costs too much'],
      [cost.id, 'ask for photos first'],
    ]);
    const kept = codings.find((c) => c.id === onCost.id)!;
    expect(kept.summary).toBe('Shipping is dear.\n\nMoney.');
    expect(codings.some((c) => c.id === onlyPrice.id)).toBe(true);
    expect(await codeNamed('Price')).toBeUndefined();
    expect((await codeNamed('Fees'))?.parentId).toBe(cost.id);
    const memos = await call('memos.list', {});
    expect(memos.find((m) => m.id === memo.id)).toMatchObject({ targetKind: 'code', targetId: cost.id, about: 'Cost' });
    expect(memos.find((m) => m.id === codingMemo.id)).toMatchObject({ targetKind: 'coding', targetId: onCost.id, about: 'Cost — rina' });
    expect((await call('themes.list', {})).find((t) => t.id === theme.id)?.codeIds).toEqual([cost.id]);
    expect((await call('conclusions.list', {}))[0]!.evidence.map((e) => e.id)).toEqual([onCost.id]);

    await call('history.undo', {});
    expect((await codeNamed('Price'))?.id).toBe(price.id);
    expect((await codeNamed('Fees'))?.parentId).toBe(price.id);
    expect(fees.parentId).toBe(price.id);
    expect(barriers.parentId).toBeNull();
  });

  it('merges several codes at once, and refuses to merge a code into its own sub-code', async () => {
    const { barriers, cost, price, fees } = await project();
    expect((await failure('codes.merge', { ids: [barriers.id], intoId: cost.id })).message).toMatch(/cannot be merged into its own sub-code/);
    expect((await failure('codes.merge', { ids: [cost.id], intoId: cost.id })).code).toBe('VALIDATION');
    await call('codes.merge', { ids: [price.id, fees.id], intoId: barriers.id });
    expect((await call('codes.list', {})).map((c) => c.name).sort()).toEqual(['Barriers', 'Cost']);
    expect((await call('history.list', {})).undo[0]?.label).toBe('Merge 2 codes into ‘Barriers’');
  });
});

describe('splitting a code', () => {
  it('moves the chosen codings to a new code beside it', async () => {
    const { source, barriers, cost } = await project();
    const a = await call('codings.apply', { sourceId: source, codeId: cost.id, ...span('Shipping abroad costs too much') });
    const b = await call('codings.apply', { sourceId: source, codeId: cost.id, ...span('waits for the boat') });
    const result = await call('codes.split', { id: cost.id, codingIds: [b.id], name: 'Delay' });
    expect(result).toMatchObject({ from: 'Cost', moved: 1, code: { name: 'Delay', parentId: barriers.id, codingCount: 1 } });
    expect((await call('history.list', {})).undo[0]?.label).toBe('Split code ‘Cost’: move 1 coding to ‘Delay’');
    const codings = await call('codings.list', { sourceId: source });
    expect(codings.find((c) => c.id === a.id)?.codeId).toBe(cost.id);
    expect(codings.find((c) => c.id === b.id)?.codeId).toBe(result.code.id);
    expect((await failure('codes.split', { id: cost.id, codingIds: [b.id], name: 'Other' })).message).toMatch(/Only codings of "Cost"/);
  });
});
