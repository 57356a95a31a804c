import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { AppContext } from '../../app/context';
import { callFail, callOk } from '../../test-support/api';
import { tempProjectPath, testContext } from '../../test-support/context';

let ctx: AppContext;
afterEach(() => ctx?.close());
const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callOk(ctx, method, input);
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const manuscript = readFileSync(join(import.meta.dirname, '../../test-support/fixtures/review-manuscript.md'));
const interview = 'Rina sells bags online.\n\nShipping abroad costs too much for her.\n\nShe trusts the marketplace.';

async function project() {
  ctx = testContext();
  await call('project.create', { path: tempProjectPath(), name: 'Conclude' });
  const source = await call('sources.import', { fileName: 'rina.txt', dataBase64: b64(interview) });
  const paper = await call('sources.import', { fileName: 'review.md', dataBase64: b64(manuscript), kind: 'manuscript' });
  const barriers = await call('codes.create', { name: 'Barriers' });
  const code = await call('codes.create', { name: 'Shipping', parentId: barriers.id });
  const at = interview.indexOf('Shipping abroad');
  const coding = await call('codings.apply', { sourceId: source.id, codeId: code.id, start: at, end: at + 'Shipping abroad costs too much'.length });
  const memo = await call('memos.create', { title: 'Costs', body: 'Costs come up in every interview.', target: { kind: 'coding', id: coding.id } });
  const audit = await call('audit.run', { sourceId: paper.id });
  const claim = audit.claims.find((c) => c.text.includes('transaction fees'))!;
  const display = await call('display.save', { name: 'Codes by source', config: { kind: 'matrix', matrix: { columns: 'sources' }, collapsed: [] } });
  const first = await call('conclusions.create', { statement: 'Shipping costs hold sellers back.' });
  const second = await call('conclusions.create', { statement: 'Fees deter farmers.', status: 'supported' });
  const third = await call('conclusions.create', { statement: 'Trust comes first.' });
  return { source, paper, code, coding, memo, claim, display, first, second, third };
}

describe('conclusions', () => {
  it('keep the researcher’s order: created at the end, moved, and closing the gap when one is deleted', async () => {
    const f = await project();
    const order = async () => (await call('conclusions.list', {})).map((c) => [c.statement, c.position]);
    expect((await order()).map(([s]) => s)).toEqual(['Shipping costs hold sellers back.', 'Fees deter farmers.', 'Trust comes first.']);
    await call('conclusions.move', { id: f.third.id, position: 0 });
    expect(await order()).toEqual([
      ['Trust comes first.', 0],
      ['Shipping costs hold sellers back.', 1],
      ['Fees deter farmers.', 2],
    ]);
    await call('conclusions.remove', { id: f.first.id });
    expect(await order()).toEqual([
      ['Trust comes first.', 0],
      ['Fees deter farmers.', 1],
    ]);
    expect((await callFail(ctx, 'conclusions.update', { id: f.first.id, status: 'verified' })).code).toBe('NOT_FOUND');
  });

  it('link evidence of every kind with a note, for the conclusion or under a tactic, then edit and unlink it', async () => {
    const f = await project();
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'coding', id: f.coding.id, stance: 'supports', note: 'She says so.' } });
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'claim', id: f.claim.id, stance: 'supports', note: 'Fees, in another trade.' } });
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'memo', id: f.memo.id, stance: 'supports' } });
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'display', id: f.display.id, stance: 'contradicts', note: 'Few codings.' } });
    await call('conclusions.linkEvidence', {
      id: f.first.id,
      evidence: { kind: 'coding', id: f.coding.id, stance: 'supports', note: 'A second source agrees.', tactic: 'triangulating' },
    });
    let c = (await call('conclusions.list', {}))[0]!;
    expect(c.evidence.map((e) => [e.kind, e.stance, e.tactic, e.note])).toEqual([
      ['coding', 'supports', null, 'She says so.'],
      ['claim', 'supports', null, 'Fees, in another trade.'],
      ['memo', 'supports', null, ''],
      ['display', 'contradicts', null, 'Few codings.'],
      ['coding', 'supports', 'triangulating', 'A second source agrees.'],
    ]);
    expect(c.evidence[0]).toMatchObject({ excerpt: 'Shipping abroad costs too much', sourceId: f.source.id, codeId: f.code.id });
    expect(c.evidence[2]!.excerpt).toBe('Costs: Costs come up in every interview.');
    c = await call('conclusions.updateEvidence', { id: f.first.id, evidence: { kind: 'display', id: f.display.id }, stance: 'supports', note: 'On reflection.' });
    expect(c.evidence[3]).toMatchObject({ stance: 'supports', note: 'On reflection.' });
    c = await call('conclusions.unlinkEvidence', { id: f.first.id, evidence: { kind: 'coding', id: f.coding.id, tactic: 'triangulating' } });
    expect(c.evidence).toHaveLength(4);
    expect((await callFail(ctx, 'conclusions.unlinkEvidence', { id: f.first.id, evidence: { kind: 'coding', id: f.coding.id, tactic: 'triangulating' } })).code).toBe('NOT_FOUND');
  });

  it('moves the sources of evidence on to concluded', async () => {
    const f = await project();
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'claim', id: f.claim.id, stance: 'supports' } });
    const stages = Object.fromEntries((await call('sources.list', {})).map((s) => [s.id, s.stage]));
    expect(stages).toEqual({ [f.source.id]: 'displayed', [f.paper.id]: 'concluded' });
  });

  it('refuse a summary that has not been written, and items that are gone', async () => {
    const f = await project();
    const failure = await callFail(ctx, 'conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'summary', id: f.coding.id, stance: 'supports' } });
    expect(failure.message).toMatch(/no summary yet/);
    expect((await callFail(ctx, 'conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'memo', id: 'nope', stance: 'supports' } })).message).toBe('That memo no longer exists.');
  });

  it('keep a checklist of verification tactics with notes', async () => {
    const f = await project();
    await call('conclusions.setTactic', { id: f.second.id, tactic: 'negative-evidence', done: true, note: 'Searched all interviews for fee complaints.' });
    const c = await call('conclusions.setTactic', { id: f.second.id, tactic: 'negative-evidence', note: 'Searched all interviews; none deny it.' });
    expect(c.tactics).toHaveLength(13);
    expect(c.tactics.find((t) => t.tactic === 'negative-evidence')).toEqual({ tactic: 'negative-evidence', done: true, note: 'Searched all interviews; none deny it.' });
    expect(c.tactics.filter((t) => t.done)).toHaveLength(1);
  });
});

describe('removing what is evidence', () => {
  it('says which conclusions lose evidence, and removing the coding unlinks it; undo brings it back', async () => {
    const f = await project();
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'coding', id: f.coding.id, stance: 'supports' } });
    await call('conclusions.linkEvidence', { id: f.second.id, evidence: { kind: 'coding', id: f.coding.id, stance: 'contradicts', tactic: 'outliers' } });
    expect(await call('conclusions.affectedBy', { codingIds: [f.coding.id] })).toEqual([
      { id: f.first.id, statement: 'Shipping costs hold sellers back.', links: 1 },
      { id: f.second.id, statement: 'Fees deter farmers.', links: 1 },
    ]);
    expect(await call('conclusions.affectedBy', { codeIds: [f.code.id] })).toHaveLength(2);
    expect(await call('conclusions.affectedBy', { sourceIds: [f.paper.id] })).toEqual([]);
    await call('codings.remove', { ids: [f.coding.id] });
    expect(ctx.project.db.prepare('SELECT count(*) FROM conclusion_evidence').pluck().get()).toBe(0);
    await call('history.undo', {});
    expect((await call('conclusions.list', {})).map((c) => c.evidence.length)).toEqual([1, 1, 0]);
  });

  it('deleting a source unlinks its claims', async () => {
    const f = await project();
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'claim', id: f.claim.id, stance: 'supports' } });
    expect(await call('conclusions.affectedBy', { sourceIds: [f.paper.id] })).toHaveLength(1);
    await call('sources.remove', { id: f.paper.id });
    expect(ctx.project.db.prepare('SELECT count(*) FROM conclusion_evidence').pluck().get()).toBe(0);
  });
});

describe('the evidence trail', () => {
  it('follows each piece of evidence to its codes, segments, sources and references, and reads as Markdown', async () => {
    const f = await project();
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'coding', id: f.coding.id, stance: 'supports', note: 'She says so.' } });
    await call('conclusions.linkEvidence', { id: f.first.id, evidence: { kind: 'claim', id: f.claim.id, stance: 'contradicts', tactic: 'rival-explanations' } });
    await call('conclusions.setTactic', { id: f.first.id, tactic: 'rival-explanations', done: true, note: 'Fees, not shipping, in the review.' });
    const trail = await call('conclusions.trail', { id: f.first.id });
    const [coding, claim] = trail.items;
    expect(coding).toMatchObject({ title: 'Barriers › Shipping', codes: [{ id: f.code.id, path: 'Barriers › Shipping' }] });
    expect(coding!.segments[0]).toMatchObject({ text: 'Shipping abroad costs too much', passage: 'Shipping abroad costs too much for her.' });
    expect(coding!.sources.map((s) => s.title)).toEqual(['rina']);
    expect(claim!.cited.map((r) => r.text)).toEqual([expect.stringMatching(/^Nguyen, A\. \(2019\)/)]);
    const { fileName, markdown } = await call('conclusions.trailMarkdown', { id: f.first.id });
    expect(fileName).toBe('Evidence trail - Shipping costs hold sellers back.md');
    expect(markdown).toContain('# Evidence trail: Shipping costs hold sellers back.');
    expect(markdown).toContain('### 1. Supports: Coded segment — Barriers › Shipping');
    expect(markdown).toContain('*Why:* She says so.');
    expect(markdown).toContain('> Shipping abroad costs too much');
    expect(markdown).toContain('### [x] Checking out rival explanations');
    expect(markdown).toMatch(/- Nguyen, A\. \(2019\)\. Settlement speed/);
  });
});

describe('evidence candidates', () => {
  it('lists items of a kind that match every word', async () => {
    await project();
    expect((await call('conclusions.evidenceCandidates', { kind: 'coding', query: 'shipping rina' })).map((c) => c.title)).toEqual(['Barriers › Shipping — rina']);
    expect(await call('conclusions.evidenceCandidates', { kind: 'summary' })).toEqual([]);
    expect((await call('conclusions.evidenceCandidates', { kind: 'claim', query: 'fees' })).length).toBeGreaterThan(0);
    expect((await call('conclusions.evidenceCandidates', { kind: 'memo' })).map((c) => c.title)).toEqual(['Memo ‘Costs’']);
    expect((await call('conclusions.evidenceCandidates', { kind: 'display', query: 'source' })).map((c) => c.title)).toEqual(['Display ‘Codes by source’']);
  });
});
