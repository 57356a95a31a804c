import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames, type ControlMethod, type MethodInput, type MethodName } from '../../shared/api/contract';
import type { EventMap } from '../../shared/api/events';
import type { AuditView } from '../../shared/domain/audit-view';
import { nvivoWindowsLike, qdpx } from '../services/refi/test-support';
import { callOk } from '../test-support/api';
import { tempProjectPath, testContext } from '../test-support/context';
import type { AppContext } from './context';

// Generated from the contract: every change method is called on a fixture project, must
// declare its effects and leave one undo step, and undoing it must restore the project
// exactly (redo restores the change exactly); every read must change nothing. The examples
// are typed by the contract's method names, so a new method does not compile until it has one.

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');
const bibtex = `@article{rahman2019, author = {Rahman, Ade}, title = {Sea freight and small sellers}, journal = {Maritime Trade}, year = {2019}, file = {files/1/rahman.txt}}
@article{lim2020, author = {Lim, Kevin}, title = {Parcels abroad}, year = {2020}, doi = {10.1000/parcels}}`;
const manuscript = readFileSync(join(import.meta.dirname, '../test-support/fixtures/review-manuscript.md'));

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);

/** A small project with something of everything, built through the API. */
async function fixture() {
  // As in the desktop app, which has file dialogs; this one is always cancelled.
  ctx = testContext({ pickPath: () => Promise.resolve(null) });
  await call('project.create', { path: tempProjectPath(), name: 'Walk' });
  const interview = await call('sources.import', { fileName: 'interview.txt', dataBase64: b64('Rina sells bags online.\n\nShipping abroad costs too much.') });
  const paper = await call('sources.import', { fileName: 'review.md', dataBase64: b64(manuscript), kind: 'manuscript' });
  const parent = await call('codes.create', { name: 'Barriers' });
  const code = await call('codes.create', { name: 'Shipping costs', parentId: parent.id });
  const coding = await call('codings.apply', { sourceId: interview.id, codeId: code.id, start: 25, end: 56 });
  await call('codings.update', { id: coding.id, summary: 'Shipping abroad is dear.' });
  // The same words coded with the parent too: merging the code into it makes the two codings one.
  const twinCoding = await call('codings.apply', { sourceId: interview.id, codeId: parent.id, start: 25, end: 56 });
  await call('codings.update', { id: twinCoding.id, summary: 'A barrier.' });
  const memo = await call('memos.create', { title: 'On shipping', body: 'Costs come up twice.', target: { kind: 'coding', id: coding.id } });
  await call('memos.create', { title: 'On costs', body: 'The code grew.', target: { kind: 'code', id: code.id } });
  const theme = await call('themes.create', { name: 'Friction', description: 'What slows cross-border selling.', codeIds: [code.id] });
  await call('memos.create', { title: 'Friction so far', body: 'Mostly *costs*.', target: { kind: 'theme', id: theme.id } });
  await call('sources.setAttribute', { id: interview.id, name: 'country', value: 'Indonesia' });
  const person = await call('cases.create', { name: 'Rina', description: 'A bag seller in Lombok.' });
  await call('cases.setAttribute', { id: person.id, name: 'age', value: '34', type: 'number' });
  await call('cases.addMembers', { id: person.id, members: [{ sourceId: interview.id }] });
  const conclusion = await call('conclusions.create', { statement: 'Shipping costs hold sellers back.' });
  await call('conclusions.create', { statement: 'Sellers learn abroad from peers.' });
  await call('conclusions.linkEvidence', { id: conclusion.id, evidence: { kind: 'coding', id: coding.id, stance: 'supports', note: 'Said outright.' } });
  const display = await call('display.save', { name: 'Codes by source', config: { kind: 'matrix', matrix: { columns: 'sources', measure: 'segments' }, collapsed: [] } });
  const audit: AuditView = await call('audit.run', { sourceId: paper.id });
  const claim = audit.claims.find((c) => c.links.length > 0)!;
  const link = { sourceId: paper.id, claimKey: claim.key, citationKey: claim.links[0]!.citationKey };
  await call('audit.setVerdict', { ...link, verdict: 'supported', note: 'Checked.' });
  const reference = await call('library.add', { fields: { type: 'article-journal', title: 'Parcels abroad', authors: ['Lim, Kevin'], year: '2020', container: 'Trade Review' } });
  const twin = await call('library.add', { fields: { type: 'article-journal', title: 'Parcels Abroad.', authors: ['Lim, K.'], year: '2020', doi: '10.1000/parcels' } });
  return { interview, paper, parent, code, coding, twinCoding, theme, memo, conclusion, display, audit, claim, link, reference, twin, person: (await call('cases.list', {}))[0]! };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

const examples: { [M in Exclude<MethodName, ControlMethod>]: (f: Fixture) => MethodInput<M> } = {
  'project.getInfo': () => ({}),
  'project.getAccess': () => ({}),
  'project.listRecent': () => ({}),
  'project.listFolder': () => ({ folder: dirname(ctx.openPath!) }),
  'project.choosePath': () => ({ purpose: 'create', suggestedName: 'Review' }),
  'project.rename': () => ({ name: 'Harbour study' }),
  'project.setLanguage': () => ({ language: 'de' }),
  'project.exportJson': () => ({}),
  'sources.list': () => ({}),
  'sources.get': (f) => ({ id: f.interview.id }),
  'sources.text': (f) => ({ id: f.interview.id }),
  'sources.import': () => ({ fileName: 'field notes.md', dataBase64: b64('# Day 1\n\nA market in Lombok; parcels 🚢 leave on Fridays.') }),
  'sources.paste': () => ({ title: 'Phone call with Ade', text: 'I: Do you ship abroad?\nR: Only to Singapore.' }),
  'sources.update': (f) => ({ id: f.interview.id, title: 'Interview with Rina', kind: 'note', authors: ['Lim, K.'], year: '2024' }),
  'sources.listSpeakers': () => ({}),
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
  'cases.list': () => ({}),
  'cases.listAttributes': () => ({}),
  'cases.create': () => ({ name: 'Harbour office', description: 'Where parcels clear customs.' }),
  'cases.update': (f) => ({ id: f.person.id, name: 'Rina W.' }),
  'cases.remove': (f) => ({ id: f.person.id }),
  'cases.defineAttribute': () => ({ name: 'interviewed', type: 'date' }),
  'cases.setAttribute': (f) => ({ id: f.person.id, name: 'age', value: '35' }),
  'cases.removeAttribute': (f) => ({ id: f.person.id, name: 'age' }),
  'cases.addMembers': (f) => ({ id: f.person.id, members: [{ sourceId: f.paper.id, start: 0, end: 10 }] }),
  'cases.removeMembers': (f) => ({ id: f.person.id, memberIds: [f.person.members[0]!.id] }),
  'memos.list': () => ({}),
  'memos.create': (f) => ({ title: 'Project memo', body: 'Where this is going.', target: { kind: 'source', id: f.interview.id } }),
  'memos.update': (f) => ({ id: f.memo.id, body: 'Costs come up three times.' }),
  'memos.remove': (f) => ({ id: f.memo.id }),
  'display.matrix': () => ({ columns: 'codes', cooccurrence: 'passage', measure: 'coverage' }),
  'display.cellSegments': (f) => ({ matrix: { columns: 'sources' }, row: f.parent.id, column: f.interview.id }),
  'display.network': () => ({}),
  'display.attributes': () => ({}),
  'display.list': () => ({}),
  'display.save': () => ({
    name: 'Codes and conclusions',
    config: { kind: 'network', network: { kinds: ['code', 'conclusion'], minWeight: 1, hideIsolated: false, cooccurrence: 'overlap' } },
    layout: { 'code:x': { x: 1, y: 2 } },
  }),
  'display.remove': (f) => ({ id: f.display.id }),
  'display.export': () => ({ name: 'Codes by country', config: { kind: 'chart', chart: 'attribute', matrix: { columns: 'attribute', attribute: 'country' } }, format: 'png' }),
  'dashboard.get': () => ({}),
  'conclusions.list': () => ({}),
  'conclusions.create': () => ({ statement: 'Sellers trust marketplaces more than couriers.', status: 'tentative' }),
  'conclusions.update': (f) => ({ id: f.conclusion.id, status: 'verified' }),
  'conclusions.remove': (f) => ({ id: f.conclusion.id }),
  'conclusions.move': (f) => ({ id: f.conclusion.id, position: 1 }),
  'conclusions.linkEvidence': (f) => ({
    id: f.conclusion.id,
    evidence: { kind: 'claim', id: f.claim.id, stance: 'contradicts', note: 'The review says otherwise.', tactic: 'negative-evidence' },
  }),
  'conclusions.updateEvidence': (f) => ({ id: f.conclusion.id, evidence: { kind: 'coding', id: f.coding.id }, stance: 'contradicts', note: 'Only once.' }),
  'conclusions.unlinkEvidence': (f) => ({ id: f.conclusion.id, evidence: { kind: 'coding', id: f.coding.id } }),
  'conclusions.setTactic': (f) => ({ id: f.conclusion.id, tactic: 'triangulating', done: true, note: 'The interview and the review agree.' }),
  'conclusions.affectedBy': (f) => ({ codingIds: [f.coding.id] }),
  'conclusions.evidenceCandidates': () => ({ kind: 'coding', query: 'shipping' }),
  'conclusions.trail': (f) => ({ id: f.conclusion.id }),
  'conclusions.trailMarkdown': (f) => ({ id: f.conclusion.id }),
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
  'audit.run': (f) => ({ sourceId: f.paper.id }),
  'audit.get': (f) => ({ sourceId: f.paper.id }),
  'audit.setVerdict': (f) => ({ ...f.link, verdict: 'not-supported', note: 'The source says otherwise.' }),
  'audit.clearVerdict': (f) => f.link,
  'audit.analyzeDocument': () => ({ fileName: 'short.md', dataBase64: b64(manuscript) }),
  'refi.exportProject': () => ({}),
  'refi.exportCodebook': () => ({}),
  'refi.previewImport': () => ({ fileName: 'study.qdpx', dataBase64: b64(qdpx(nvivoWindowsLike())) }),
  // Merges into the fixture's ‘Barriers / Shipping costs’ and fills its empty criteria, besides adding everything else.
  'refi.import': () => ({ fileName: 'study.qdpx', dataBase64: b64(qdpx(nvivoWindowsLike())) }),
  'references.parse': () => ({ lines: ['Lim, K. (2020). Parcels abroad. Trade Review, 3(1), 4–9.'] }),
  'references.linkFullText': (f) => ({ referenceId: f.audit.references[0]!.id, sourceId: f.interview.id }),
  'library.list': () => ({}),
  'library.add': () => ({ fields: { type: 'book', title: 'Markets and marketplaces', authors: ['Wijaya, Putri'], year: '2018', publisher: 'Gramedia' } }),
  'library.update': (f) => ({ id: f.reference.id, fields: { type: 'article-journal', title: 'Parcels abroad, revisited', authors: ['Lim, Kevin', 'Tan, Sari'], year: '2021' } }),
  'library.remove': (f) => ({ ids: [f.reference.id] }),
  'library.previewImport': () => ({ fileName: 'refs.bib', text: bibtex }),
  'library.import': () => ({ fileName: 'refs.bib', text: bibtex, attachments: [{ path: 'files/1/rahman.txt', dataBase64: b64('Sellers in Lombok ship by sea.') }] }),
  'library.takeFromAudit': (f) => ({ sourceId: f.paper.id }),
  'library.linkFullText': (f) => ({ referenceId: f.reference.id, sourceId: f.interview.id }),
  'library.duplicates': () => ({}),
  'library.merge': (f) => ({ keepId: f.reference.id, mergeIds: [f.twin.id] }),
  'library.format': () => ({ style: 'apa' }),
  'exports.references': () => ({ format: 'bibtex' }),
  'exports.bibliography': () => ({ format: 'html', style: 'ieee' }),
  'exports.summary': () => ({ format: 'md', style: 'apa' }),
  'exports.segments': () => ({ format: 'csv' }),
  'exports.codebook': () => ({ format: 'md' }),
  'exports.matrix': () => ({ format: 'csv' }),
  'exports.auditReport': (f) => ({ sourceId: f.paper.id, format: 'md' }),
  'search.query': () => ({ q: 'shipping' }),
  'backups.list': () => ({}),
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
