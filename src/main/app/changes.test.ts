import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames, type ControlMethod, type MethodInput, type MethodName } from '../../shared/api/contract';
import type { EventMap } from '../../shared/api/events';
import type { AuditView } from '../../shared/domain/audit-view';
import { callOk } from '../test-support/api';
import { tempProjectPath, testContext } from '../test-support/context';
import type { AppContext } from './context';

// Generated from the contract: every change method is called on a fixture project, must
// declare its effects and leave one undo step, and undoing it must restore the project
// exactly (redo restores the change exactly); every read must change nothing. The examples
// are typed by the contract's method names, so a new method does not compile until it has one.

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const manuscript = readFileSync(join(import.meta.dirname, '../test-support/fixtures/review-manuscript.md'));

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

/** A small project with something of everything, built through the API. */
async function fixture() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Walk' });
  const interview = await call('sources.import', { fileName: 'interview.txt', dataBase64: b64('Rina sells bags online.\n\nShipping abroad costs too much.') });
  const paper = await call('sources.import', { fileName: 'review.md', dataBase64: b64(manuscript), kind: 'manuscript' });
  const parent = await call('codes.create', { name: 'Barriers' });
  const code = await call('codes.create', { name: 'Shipping costs', parentId: parent.id });
  const coding = await call('codings.apply', { sourceId: interview.id, codeId: code.id, start: 25, end: 56 });
  await call('codings.update', { id: coding.id, summary: 'Shipping abroad is dear.' });
  // The same words coded with the parent too: merging the code into it makes the two codings one.
  const twin = await call('codings.apply', { sourceId: interview.id, codeId: parent.id, start: 25, end: 56 });
  await call('codings.update', { id: twin.id, summary: 'A barrier.' });
  const memo = await call('memos.create', { title: 'On shipping', body: 'Costs come up twice.', target: { kind: 'coding', id: coding.id } });
  await call('memos.create', { title: 'On costs', body: 'The code grew.', target: { kind: 'code', id: code.id } });
  const theme = await call('themes.create', { name: 'Friction', description: 'What slows cross-border selling.', codeIds: [code.id] });
  await call('memos.create', { title: 'Friction so far', body: 'Mostly *costs*.', target: { kind: 'theme', id: theme.id } });
  await call('sources.setAttribute', { id: interview.id, name: 'country', value: 'Indonesia' });
  const conclusion = await call('conclusions.create', { statement: 'Shipping costs hold sellers back.' });
  await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'coding', id: coding.id, stance: 'supports' } });
  const audit: AuditView = await call('audit.run', { sourceId: paper.id });
  const claim = audit.claims.find((c) => c.links.length > 0)!;
  const link = { sourceId: paper.id, claimKey: claim.key, citationKey: claim.links[0]!.citationKey };
  await call('audit.setVerdict', { ...link, verdict: 'supported', note: 'Checked.' });
  return { interview, paper, parent, code, coding, twin, memo, theme, conclusion, audit, claim, link };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

const examples: { [M in Exclude<MethodName, ControlMethod>]: (f: Fixture) => MethodInput<M> } = {
  'project.getInfo': () => ({}),
  'project.getAccess': () => ({}),
  'project.setLanguage': () => ({ language: 'de' }),
  'project.exportJson': () => ({}),
  'sources.list': () => ({}),
  'sources.get': (f) => ({ id: f.interview.id }),
  'sources.text': (f) => ({ id: f.interview.id }),
  'sources.import': () => ({ fileName: 'field notes.md', dataBase64: b64('# Day 1\n\nA market in Lombok; parcels 🚢 leave on Fridays.') }),
  'sources.update': (f) => ({ id: f.interview.id, title: 'Interview with Rina', kind: 'note' }),
  'sources.setAttribute': (f) => ({ id: f.interview.id, name: 'sector', value: 'crafts' }),
  'sources.removeAttribute': (f) => ({ id: f.interview.id, name: 'country' }),
  'sources.listAttributes': () => ({}),
  'sources.remove': (f) => ({ id: f.interview.id }),
  'codes.list': () => ({}),
  'codes.create': (f) => ({ name: 'Trust', parentId: f.parent.id, definition: 'Buyers or sellers doubting each other.' }),
  'codes.update': (f) => ({ id: f.code.id, name: 'Postage', color: '#112233', parentId: null, inclusion: 'Any cost of sending goods.', shortcut: 3 }),
  'codes.move': (f) => ({ id: f.code.id, parentId: null, index: 0 }),
  'codes.merge': (f) => ({ ids: [f.code.id], intoId: f.parent.id }),
  'codes.split': (f) => ({ id: f.code.id, codingIds: [f.coding.id], name: 'Freight costs' }),
  'codes.remove': (f) => ({ id: f.parent.id }),
  'codings.list': (f) => ({ sourceId: f.interview.id }),
  'codings.apply': (f) => ({ sourceId: f.interview.id, codeId: f.parent.id, start: 0, end: 4 }),
  'codings.applyCodes': (f) => ({ sourceId: f.interview.id, codeIds: [f.parent.id, f.code.id], start: 0, end: 4 }),
  'codings.codeInVivo': (f) => ({ sourceId: f.interview.id, start: 0, end: 22, parentId: f.parent.id }),
  'codings.update': (f) => ({ id: f.coding.id, codeId: f.parent.id }),
  'codings.remove': (f) => ({ ids: [f.coding.id] }),
  'memos.list': () => ({}),
  'memos.create': (f) => ({ title: 'Project memo', body: 'Where this is going.', target: { kind: 'source', id: f.interview.id } }),
  'memos.update': (f) => ({ id: f.memo.id, body: 'Costs come up three times.' }),
  'memos.remove': (f) => ({ id: f.memo.id }),
  'themes.list': () => ({}),
  'themes.create': (f) => ({ name: 'Distance', kind: 'category', codeIds: [f.parent.id] }),
  'themes.update': (f) => ({ id: f.theme.id, name: 'Frictions' }),
  'themes.remove': (f) => ({ id: f.theme.id }),
  'themes.addCodes': (f) => ({ id: f.theme.id, codeIds: [f.parent.id] }),
  'themes.removeCodes': (f) => ({ id: f.theme.id, codeIds: [f.code.id] }),
  'segments.query': (f) => ({ query: { op: 'or', of: [{ op: 'code', codeId: f.parent.id, subcodes: true }] }, filter: { sourceIds: [f.interview.id] } }),
  'segments.context': (f) => ({ sourceId: f.interview.id, start: 25, end: 56, passages: 1 }),
  'segments.facets': () => ({}),
  'segments.summaryTable': (f) => ({ codeIds: [f.parent.id, f.code.id] }),
  'display.getMatrix': () => ({}),
  'conclusions.list': () => ({}),
  'conclusions.create': () => ({ statement: 'Sellers trust marketplaces more than couriers.', status: 'tentative' }),
  'conclusions.update': (f) => ({ id: f.conclusion.id, status: 'verified' }),
  'conclusions.linkEvidence': (f) => ({ id: f.conclusion.id, evidence: { kind: 'coding', id: f.coding.id, stance: 'contradicts' } }),
  'audit.run': (f) => ({ sourceId: f.paper.id }),
  'audit.get': (f) => ({ sourceId: f.paper.id }),
  'audit.setVerdict': (f) => ({ ...f.link, verdict: 'not-supported', note: 'The source says otherwise.' }),
  'audit.clearVerdict': (f) => f.link,
  'audit.analyzeDocument': () => ({ fileName: 'short.md', dataBase64: b64(manuscript) }),
  'references.parse': () => ({ lines: ['Lim, K. (2020). Parcels abroad. Trade Review, 3(1), 4–9.'] }),
  'references.linkFullText': (f) => ({ referenceId: f.audit.references[0]!.id, sourceId: f.interview.id }),
  'search.query': () => ({ q: 'shipping' }),
  'search.previewCodeHits': (f) => ({ q: 'shipping', codeId: f.parent.id, scope: 'passage' }),
  'search.codeHits': (f) => ({ q: 'shipping', codeId: f.parent.id, scope: 'match' }),
  'search.findSupport': (f) => ({ claimId: f.claim.id }),
  'search.status': () => ({}),
  'history.list': () => ({}),
};

const state = async () => (await call('project.exportJson', {})).tables;
const changeMethods = methodNames.filter((m) => contract[m].kind === 'change') as Array<keyof typeof examples>;
const readMethods = methodNames.filter((m) => contract[m].kind === 'read') as Array<keyof typeof examples>;

describe('every change method', () => {
  it('is in the walk', () => {
    expect(changeMethods.length).toBeGreaterThan(15);
  });

  it.each(changeMethods)('%s declares its effects, leaves one named undo step, and undo and redo restore the project exactly', async (method) => {
    const spec = contract[method];
    if (spec.kind !== 'change') throw new Error('not a change');
    expect(spec.touches.length).toBeGreaterThan(0);
    const f = await fixture();
    const events: Array<EventMap['project.changed']> = [];
    ctx.onEvent((name, payload) => name === 'project.changed' && events.push(payload as EventMap['project.changed']));
    const before = await state();
    const stepsBefore = (await call('history.list', {})).undo.length;

    await callOk(ctx, method, examples[method](f) as never);
    const after = await state();
    expect(after, 'the example changes something').not.toEqual(before);
    const history = await call('history.list', {});
    expect(history.undo).toHaveLength(stepsBefore + 1);
    const step = history.undo[0]!;
    expect(step.method).toBe(method);
    expect(step.label).toMatch(/^[A-Z]/);
    expect(step.label, 'every name in the label was found').not.toContain('‘…’');
    expect(events.at(-1)).toEqual({ topics: expect.arrayContaining([...spec.touches, 'history']), label: step.label });

    expect((await call('history.undo', {}))?.id).toBe(step.id);
    expect(await state()).toEqual(before);
    expect(events.at(-1)?.label).toBe(`Undo: ${step.label}`);
    expect((await call('history.redo', {}))?.id).toBe(step.id);
    expect(await state()).toEqual(after);
  });
});

describe('every read method', () => {
  it.each(readMethods)('%s changes nothing', async (method) => {
    const f = await fixture();
    const before = await state();
    const steps = await call('history.list', {});
    await callOk(ctx, method, examples[method](f) as never);
    expect(await state()).toEqual(before);
    expect(await call('history.list', {})).toEqual(steps);
  });
});
