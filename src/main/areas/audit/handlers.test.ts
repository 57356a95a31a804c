import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParsedReference } from '../../../shared/domain/audit';
import type { AuditView, AuditViewReference, ClaimCitationLink, DocumentAudit } from '../../../shared/domain/audit-view';
import { tempProjectPath, testContext } from '../../test-support/context';
import type { AppContext } from '../../app/context';
import { dispatch } from '../../app/dispatch';

const manuscript = readFileSync(join(import.meta.dirname, '../../test-support/fixtures/review-manuscript.md'));
const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64');

let ctx: AppContext;
afterEach(() => ctx?.close());

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<string> {
  const result = await dispatch(ctx, method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error.code;
}

async function auditedProject() {
  ctx = testContext();
  const path = tempProjectPath();
  await call('project.create', { path, name: 'Audit' });
  const source = await call<{ id: string }>('sources.import', { fileName: 'review-manuscript.md', dataBase64: b64(manuscript), kind: 'manuscript' });
  const view = await call<AuditView>('audit.run', { sourceId: source.id });
  return { path, sourceId: source.id, view };
}

const linkOf = (view: AuditView, citationText: string) => {
  for (const claim of view.claims) {
    for (const link of claim.links) {
      if (view.citations[link.citationIndex]!.text.includes(citationText)) return { claim, link };
    }
  }
  throw new Error(`No claim cites ${citationText}`);
};

describe('audit.run and audit.get', () => {
  it('stores nothing until asked, then the findings, citations, references and claims of the source', async () => {
    ctx = testContext();
    await call('project.create', { path: tempProjectPath(), name: 'Audit' });
    const source = await call<{ id: string }>('sources.import', { fileName: 'review-manuscript.md', dataBase64: b64(manuscript) });
    expect(await call('audit.get', { sourceId: source.id })).toBeNull();

    const view = await call<AuditView>('audit.run', { sourceId: source.id });
    expect(view.counts).toMatchObject({ references: 7, citations: 8, findings: 5, verdicts: 0 });
    expect(view.counts.findingsByKind).toEqual({ 'missing-reference': 1, 'uncited-reference': 1, 'near-match': 1, 'year-mismatch': 1, 'uncited-claim': 1 });
    expect(view.referenceList?.heading).toBe('References');

    // Every finding jumps to the words it is about.
    const at = (kind: string) => view.findings.find((finding) => finding.kind === kind)!;
    const span = (finding: { start: number | null; end: number | null }) => view.text.slice(finding.start!, finding.end!);
    expect(span(at('missing-reference'))).toContain('Bui, 2022');
    expect(at('missing-reference').citation).toContain('Bui, 2022');
    expect(span(at('uncited-reference'))).toMatch(/^World Bank/);
    expect(span(at('uncited-claim'))).toMatch(/^By 2022 about 38 percent/);
    const nearMatch = at('near-match');
    expect(view.citations.find((citation) => citation.id === nearMatch.citationId)?.status).toBe('near-match');
    expect(view.references.find((reference) => reference.id === nearMatch.suggestedReferenceId)?.raw).toMatch(/^Suri, T\./);

    const reference = (start: string) => view.references.find((r) => r.raw.startsWith(start))!;
    expect(reference('Nguyen')).toMatchObject({ citedCount: 2, suggestedCount: 0, uncited: false, year: '2019' });
    expect(reference('Suri')).toMatchObject({ citedCount: 0, suggestedCount: 1, uncited: false });
    expect(reference('World Bank')).toMatchObject({ citedCount: 0, uncited: true });

    const { claim } = linkOf(view, 'Pham et al.');
    expect(claim.links.map((link) => view.citations[link.citationIndex]!.text)).toEqual(['Nguyen, 2019', 'Pham et al., 2021']);
    expect(await call('audit.get', { sourceId: source.id })).toEqual(view);
  });

  it('says when the source is gone', async () => {
    await auditedProject();
    expect(await failure('audit.run', { sourceId: 'nope' })).toBe('NOT_FOUND');
    expect(await failure('audit.get', { sourceId: 'nope' })).toBe('NOT_FOUND');
  });

  it('replaces the stored audit in one transaction: a failed re-run leaves the previous one whole', async () => {
    const { sourceId } = await auditedProject();
    const { db } = ctx.project;
    const count = () => db.prepare('SELECT count(*) FROM citations WHERE source_id = ?').pluck().get(sourceId);
    // The run's last write goes to audit_runs; without the table the whole replacement must roll back.
    db.exec('ALTER TABLE audit_runs RENAME TO audit_runs_away');
    expect(await failure('audit.run', { sourceId })).toBe('INTERNAL');
    expect(count()).toBe(8);
    expect(db.prepare('SELECT count(*) FROM audit_findings WHERE source_id = ?').pluck().get(sourceId)).toBe(5);
  });

  it('goes with its source when the source is removed', async () => {
    const { sourceId } = await auditedProject();
    await call('sources.remove', { id: sourceId });
    for (const table of ['reference_entries', 'citations', 'claims', 'audit_findings', 'audit_runs']) {
      expect(ctx.project.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });
});

describe('verdicts', () => {
  it('survive re-running the audit and reopening the project, and keep claim ids stable', async () => {
    const { path, sourceId, view } = await auditedProject();
    const { claim, link } = linkOf(view, 'Tran & Le');
    const saved = await call<ClaimCitationLink>('audit.setVerdict', {
      sourceId,
      claimKey: claim.key,
      citationKey: link.citationKey,
      verdict: 'partly-supported',
      note: 'The book covers Vietnam only in one chapter.',
    });
    expect(saved.verdict).toMatchObject({ verdict: 'partly-supported', note: 'The book covers Vietnam only in one chapter.', evidence: null });

    const rerun = await call<AuditView>('audit.run', { sourceId });
    expect(linkOf(rerun, 'Tran & Le').link.verdict?.verdict).toBe('partly-supported');
    expect(rerun.claims.map((c) => c.id)).toEqual(view.claims.map((c) => c.id));
    expect(rerun.counts.verdicts).toBe(1);
    expect(rerun.orphanedVerdicts).toEqual([]);

    await ctx.close();
    await call('project.open', { path });
    const reopened = await call<AuditView>('audit.get', { sourceId });
    expect(linkOf(reopened, 'Tran & Le').link.verdict?.note).toBe('The book covers Vietnam only in one chapter.');
  });

  it('are replaced by a second decision and removed by clearVerdict', async () => {
    const { sourceId, view } = await auditedProject();
    const { claim, link } = linkOf(view, 'Hoang');
    const keys = { sourceId, claimKey: claim.key, citationKey: link.citationKey };
    await call('audit.setVerdict', { ...keys, verdict: 'supported', note: '' });
    await call('audit.setVerdict', { ...keys, verdict: 'not-supported', note: 'Read again: the article is about credit unions.' });
    expect(ctx.project.db.prepare('SELECT count(*) FROM verdicts').pluck().get()).toBe(1);
    expect((await call<ClaimCitationLink>('audit.clearVerdict', keys)).verdict).toBeNull();
    expect(linkOf((await call<AuditView>('audit.get', { sourceId }))!, 'Hoang').link.verdict).toBeNull();
  });

  it('refuse a link the audit does not have, and an invalid verdict', async () => {
    const { sourceId, view } = await auditedProject();
    const { claim, link } = linkOf(view, 'Hoang');
    expect(await failure('audit.setVerdict', { sourceId, claimKey: claim.key, citationKey: 'cite:nobody|1999|0', verdict: 'supported', note: '' })).toBe('NOT_FOUND');
    expect(await failure('audit.setVerdict', { sourceId, claimKey: claim.key, citationKey: link.citationKey, verdict: 'maybe', note: '' })).toBe('VALIDATION');
  });

  it('whose keys no longer match the audit are reported as orphaned, not lost', async () => {
    const { sourceId } = await auditedProject();
    ctx.project.db
      .prepare("INSERT INTO verdicts (id, source_id, claim_key, citation_key, verdict, note, decided_at) VALUES ('v-old', ?, 'claim:gone', 'cite:gone|2000|0', 'supported', 'from an earlier draft', '2025-01-01')")
      .run(sourceId);
    const view = await call<AuditView>('audit.run', { sourceId });
    expect(view.orphanedVerdicts).toEqual([expect.objectContaining({ claimKey: 'claim:gone', note: 'from an earlier draft' })]);
    expect(view.counts.verdicts).toBe(0);
  });

  it('take evidence only from a source linked as the full text of the cited work', async () => {
    const { sourceId, view } = await auditedProject();
    const fullText = await call<{ id: string }>('sources.import', {
      fileName: 'hoang-2018.txt',
      dataBase64: b64('Trust and technology in agricultural cooperatives.\n\nMembers trusted the cooperative board more than any app.'),
    });
    const { claim, link } = linkOf(view, 'Hoang');
    const evidence = { sourceId: fullText.id, start: 52, end: 108 };
    const input = { sourceId, claimKey: claim.key, citationKey: link.citationKey, verdict: 'supported', note: 'Said in the conclusion.', evidence };
    expect(await failure('audit.setVerdict', input)).toBe('CONFLICT');

    const hoang = view.references.find((reference) => reference.raw.startsWith('Hoang'))!;
    expect(await failure('references.linkFullText', { referenceId: hoang.id, sourceId })).toBe('VALIDATION');
    const linked = await call<AuditViewReference>('references.linkFullText', { referenceId: hoang.id, sourceId: fullText.id });
    expect(linked.fullTextSourceId).toBe(fullText.id);
    expect((await call<ClaimCitationLink>('audit.setVerdict', input)).verdict?.evidence).toEqual(evidence);
    expect(await failure('audit.setVerdict', { ...input, evidence: { ...evidence, end: 5000 } })).toBe('VALIDATION');

    // Both the link and the evidence outlive a re-run.
    const rerun = await call<AuditView>('audit.run', { sourceId });
    expect(rerun.references.find((reference) => reference.id === hoang.id)?.fullTextSourceId).toBe(fullText.id);
    expect(linkOf(rerun, 'Hoang').link.verdict?.evidence).toEqual(evidence);
    const unlinked = await call<AuditViewReference>('references.linkFullText', { referenceId: hoang.id, sourceId: null });
    expect(unlinked.fullTextSourceId).toBeNull();
  });
});

describe('working without a project', () => {
  it('audits a file sent as bytes', async () => {
    ctx = testContext();
    const report = await call<DocumentAudit>('audit.analyzeDocument', { fileName: 'review-manuscript.md', dataBase64: b64(manuscript) });
    expect(report.title).toBe('Mobile Money and Smallholder Coffee in the Central Highlands');
    expect(report.findings.map((finding) => finding.kind).sort()).toEqual(['missing-reference', 'near-match', 'uncited-claim', 'uncited-reference', 'year-mismatch']);
    expect(await failure('audit.analyzeDocument', { fileName: 'table.xlsx', dataBase64: b64('x') })).toBe('UNSUPPORTED');
  });

  it('parses one reference per line, a blank line giving an empty parse', async () => {
    ctx = testContext();
    const parsed = await call<ParsedReference[]>('references.parse', {
      lines: ['Vuong, H. (2018). Network coverage and rural markets. Telecommunications Policy, 42(5), 380–392.', ''],
    });
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ authors: ['Vuong'], year: '2018', title: 'Network coverage and rural markets', volume: '42', issue: '5' });
    expect(parsed[1]).toMatchObject({ authors: [], year: null, title: null });
  });
});
