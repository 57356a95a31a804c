import { AppError } from '../../../shared/api/errors';
import { auditText, parseReference } from '../../../shared/domain/audit';
import type { AuditView } from '../../../shared/domain/audit-view';
import { extractBuffer } from '../../services/import';
import { deleteVerdict, findLink, linkFullText, loadAudit, referenceOwner, saveAudit, upsertVerdict } from '../../services/store/repositories/audit';
import { findSourceSummary, sourceText } from '../../services/store/repositories/sources';
import type { AppContext } from '../context';
import type { AreaHandlers } from '../handler-types';
import { decodeBase64 } from './sources';

const sourceGone = () => new AppError('NOT_FOUND', 'That source no longer exists in this project.');
const linkGone = () =>
  new AppError('NOT_FOUND', 'The latest audit of this source has no such claim–citation link. Run the audit again and choose the link from its results.');

/** Audits a project source and stores the result; the verdicts already recorded stay. */
export function runAudit(ctx: AppContext, sourceId: string): AuditView {
  const { db } = ctx.project;
  const text = sourceText(db, sourceId);
  if (text === undefined) throw sourceGone();
  const task = `audit:${sourceId}`;
  ctx.emit('progress', { task, label: 'Checking citations against the reference list', done: 0, total: 2 });
  const report = auditText(text);
  ctx.emit('progress', { task, label: 'Saving the audit', done: 1, total: 2 });
  ctx.project.search.change({ sourceIds: [sourceId] }, () => saveAudit(db, sourceId, report, { newId: ctx.newId, now: ctx.clock() }));
  ctx.emit('progress', { task, label: `Audit done: ${report.findings.length} findings`, done: 2, total: 2 });
  return loadAudit(db, sourceId)!;
}

export const auditHandlers: AreaHandlers<'audit.'> = {
  'audit.run': ({ sourceId }, ctx) => runAudit(ctx, sourceId),
  'audit.get': ({ sourceId }, ctx) => {
    const { db } = ctx.project;
    if (!findSourceSummary(db, sourceId)) throw sourceGone();
    return loadAudit(db, sourceId);
  },
  'audit.setVerdict': ({ sourceId, claimKey, citationKey, verdict, note, evidence }, ctx) => {
    const { db } = ctx.project;
    return db.transaction(() => {
      const link = findLink(db, sourceId, claimKey, citationKey);
      if (!link) throw linkGone();
      if (evidence) {
        if (evidence.sourceId === sourceId) throw new AppError('VALIDATION', 'Evidence comes from another source than the manuscript under review.');
        const evidenceText = sourceText(db, evidence.sourceId);
        if (evidenceText === undefined) throw new AppError('NOT_FOUND', 'The evidence source no longer exists in this project.');
        if (evidence.end > evidenceText.length) throw new AppError('VALIDATION', `The evidence passage ends past the end of its source (${evidenceText.length} characters).`);
        const fullTexts = db
          .prepare('SELECT r.full_text_source_id FROM citation_references cr JOIN reference_entries r ON r.id = cr.reference_id WHERE cr.citation_id = ?')
          .pluck()
          .all(link.citationId);
        if (!fullTexts.includes(evidence.sourceId)) {
          throw new AppError('CONFLICT', 'That source is not linked as the full text of the cited work. Link it to the reference first, then pick the passage.');
        }
      }
      upsertVerdict(db, { id: ctx.newId(), sourceId, claimKey, citationKey, verdict, note, evidence: evidence ?? null, now: ctx.clock() });
      return findLink(db, sourceId, claimKey, citationKey)!;
    })();
  },
  'audit.clearVerdict': ({ sourceId, claimKey, citationKey }, ctx) => {
    const { db } = ctx.project;
    return db.transaction(() => {
      const link = findLink(db, sourceId, claimKey, citationKey);
      if (!link) throw linkGone();
      deleteVerdict(db, sourceId, claimKey, citationKey);
      return { ...link, verdict: null };
    })();
  },
  'audit.analyzeDocument': async ({ fileName, dataBase64 }) => {
    const doc = await extractBuffer(decodeBase64(dataBase64, fileName), fileName);
    return { title: doc.title, format: doc.format, ...auditText(doc.text) };
  },
};

export const referencesHandlers: AreaHandlers<'references.'> = {
  'references.parse': ({ lines }) => lines.map((line) => parseReference(line)),
  'references.linkFullText': ({ referenceId, sourceId }, ctx) => {
    const { db } = ctx.project;
    const owner = referenceOwner(db, referenceId);
    const gone = () => new AppError('NOT_FOUND', 'That reference is no longer in the project; run the audit again.');
    if (owner === undefined) throw gone();
    if (sourceId !== null) {
      if (!findSourceSummary(db, sourceId)) throw sourceGone();
      if (sourceId === owner) throw new AppError('VALIDATION', 'A manuscript cannot be the full text of an entry in its own reference list.');
    }
    linkFullText(db, referenceId, sourceId);
    const reference = owner === null ? undefined : loadAudit(db, owner)?.references.find((r) => r.id === referenceId);
    if (!reference) throw gone();
    return reference;
  },
};
