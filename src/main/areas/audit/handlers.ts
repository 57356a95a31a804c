import { AppError } from '../../../shared/api/errors';
import type { AuditReport } from '../../../shared/domain/audit';
import { auditInWorker } from '../../services/audit';
import { extractInWorker } from '../../services/import';
import { spanProblem } from '../../../shared/domain/rules/spans';
import { decodeBase64 } from '../../services/import/base64';
import { inTwoPhases, type AreaHandlers } from '../kit';
import { findSourceSummary, sourceText } from '../sources/repository';
import { libraryFullTextsOf } from '../library/full-texts';
import { citedEntries, deleteVerdict, findLink, fullTextsOfCitation, loadAudit, saveAudit, upsertVerdict } from './repository';

const sourceGone = () => new AppError('NOT_FOUND', 'That source no longer exists in this project.');
const linkGone = () =>
  new AppError('NOT_FOUND', 'The latest audit of this source has no such claim–citation link. Run the audit again and choose the link from its results.');

export const auditHandlers: AreaHandlers<'audit.'> = {
  'audit.run': inTwoPhases({
    // Reading the manuscript is the slow part; it writes nothing, so it runs before the transaction.
    prepare: async ({ sourceId }, ctx): Promise<AuditReport> => {
      const text = sourceText(ctx.project.db, sourceId);
      if (text === undefined) throw sourceGone();
      const task = `audit:${sourceId}`;
      let total = 1;
      ctx.emit('progress', { task, label: 'Checking citations against the reference list', done: 0, total });
      const report = await auditInWorker(text, {
        onProgress: (progress) => {
          total = progress.total;
          ctx.emit('progress', { task, label: progress.label ?? 'Checking citations', done: progress.done, total });
        },
      });
      ctx.emit('progress', { task, label: `Audit done: ${report.findings.length} findings`, done: total, total });
      return report;
    },
    apply: ({ sourceId }, report, ctx) => {
      const { db } = ctx.project;
      if (!findSourceSummary(db, sourceId)) throw sourceGone();
      saveAudit(db, sourceId, report, { newId: ctx.newId, now: ctx.clock() });
      return loadAudit(db, sourceId)!;
    },
  }),
  'audit.get': ({ sourceId }, ctx) => {
    const { db } = ctx.project;
    if (!findSourceSummary(db, sourceId)) throw sourceGone();
    return loadAudit(db, sourceId);
  },
  'audit.setVerdict': ({ sourceId, claimKey, citationKey, verdict, note, evidence }, ctx) => {
    const { db } = ctx.project;
    const link = findLink(db, sourceId, claimKey, citationKey);
    if (!link) throw linkGone();
    if (evidence) {
      if (evidence.sourceId === sourceId) throw new AppError('VALIDATION', 'Evidence comes from another source than the manuscript under review.');
      const evidenceText = sourceText(db, evidence.sourceId);
      if (evidenceText === undefined) throw new AppError('NOT_FOUND', 'The evidence source no longer exists in this project.');
      const problem = spanProblem(evidenceText, evidence.start, evidence.end);
      if (problem) throw new AppError('VALIDATION', `The evidence passage ${problem}.`);
      const fullTexts = [...fullTextsOfCitation(db, link.citationId), ...libraryFullTextsOf(db, citedEntries(db, { citationId: link.citationId })).map((s) => s.id)];
      if (!fullTexts.includes(evidence.sourceId)) {
        throw new AppError('CONFLICT', 'That source is not linked as the full text of the cited work. Link it to the reference first, then pick the passage.');
      }
    }
    upsertVerdict(db, { id: ctx.newId(), sourceId, claimKey, citationKey, verdict, note, evidence: evidence ?? null, now: ctx.clock() });
    return findLink(db, sourceId, claimKey, citationKey)!;
  },
  'audit.clearVerdict': ({ sourceId, claimKey, citationKey }, ctx) => {
    const { db } = ctx.project;
    const link = findLink(db, sourceId, claimKey, citationKey);
    if (!link) throw linkGone();
    deleteVerdict(db, sourceId, claimKey, citationKey);
    return { ...link, verdict: null };
  },
  'audit.analyzeDocument': async ({ fileName, dataBase64 }) => {
    const doc = await extractInWorker(decodeBase64(dataBase64, fileName), fileName);
    return { title: doc.title, format: doc.format, ...(await auditInWorker(doc.text)) };
  },
};
