import { AppError } from '../../../shared/api/errors';
import type { SourceKind, SourceSummary } from '../../../shared/domain/model';
import { cancelBatch, extractInWorker, extractPlainText, joinBatch } from '../../services/import';
import { decodeBase64 } from '../../services/import/base64';
import type { ExtractedDocument } from '../../services/import/types';
import { codingIdsOfSource } from '../codings/repository';
import { claimIdsOfSource, deleteCodingEvidence, deleteEvidenceOf } from '../conclusions/repository';
import { inTwoPhases, type AreaContext, type AreaHandlers } from '../kit';
import { addExtractedSource } from './add-source';
import { deleteMemosOf } from '../memos/repository';
import {
  deleteSource,
  deleteSourceAttribute,
  findSource,
  findSourceSummary,
  findSourceText,
  listAttributeValues,
  listSources,
  listSpeakers,
  setSourceAttribute,
  sourceAttributes,
  updateSource,
} from './repository';

/** Imports of more passages than this are written in the writer thread, away from the main thread. */
const LARGE_IMPORT_PASSAGES = 100;

const sourceGone = () => new AppError('NOT_FOUND', 'That source no longer exists in this project.');

/** Adds an extracted document as a new source, its kind guessed from its content unless given. */
function addSource(ctx: AreaContext, doc: ExtractedDocument, given: { fileName: string | null; title?: string; kind?: SourceKind }): SourceSummary {
  const id = addExtractedSource(ctx.project.db, doc, given, { newId: ctx.newId, now: ctx.clock() });
  return findSourceSummary(ctx.project.db, id)!;
}

export const sourcesHandlers: AreaHandlers<'sources.'> = {
  'sources.list': (_input, ctx) => listSources(ctx.project.db),
  'sources.get': ({ id }, ctx) => {
    const source = findSource(ctx.project.db, id);
    if (!source) throw sourceGone();
    return source;
  },
  'sources.text': ({ id }, ctx) => {
    const text = findSourceText(ctx.project.db, id);
    if (!text) throw sourceGone();
    return text;
  },
  'sources.import': inTwoPhases({
    // Extraction reads an untrusted file and may take long: it runs first, outside the transaction.
    prepare: async ({ fileName, dataBase64, batch }, ctx): Promise<ExtractedDocument> => {
      const task = `import:${fileName}`;
      const member = batch === undefined ? undefined : joinBatch(batch);
      // Reading is one step or, for a PDF, one per page, reported by the worker as it reads.
      let total = 1;
      ctx.emit('progress', { task, label: `Reading ${fileName}`, done: 0, total });
      try {
        const doc = await extractInWorker(decodeBase64(dataBase64, fileName), fileName, {
          signal: member?.signal,
          onProgress: (progress) => {
            total = progress.total;
            ctx.emit('progress', { task, label: `Reading ${fileName}${progress.label ? `: ${progress.label.toLowerCase()}` : ''}`, done: progress.done, total });
          },
        });
        ctx.emit('progress', { task, label: `Imported ${fileName}`, done: total, total });
        return doc;
      } catch (error) {
        // End the progress the UI is showing; the error itself travels back as the call's answer.
        ctx.emit('progress', { task, label: `Could not import ${fileName}`, done: total, total });
        throw error;
      } finally {
        member?.leave();
      }
    },
    apply: ({ fileName, title, kind }, doc, ctx) => addSource(ctx, doc, { fileName, title, kind }),
    // A note's few passages take a millisecond; a paper's hundreds tens of milliseconds, a book's thousands half a second.
    large: (_input, doc) => doc.passages.length > LARGE_IMPORT_PASSAGES,
  }),
  'sources.cancelImport': ({ batch }) => ({ cancelled: cancelBatch(batch) }),
  'sources.paste': ({ title, text, kind }, ctx) => addSource(ctx, extractPlainText(text, title), { fileName: null, title, kind }),
  'sources.listSpeakers': (_input, ctx) => listSpeakers(ctx.project.db),
  'sources.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    if (!updateSource(db, id, changes, ctx.clock())) throw sourceGone();
    return findSourceSummary(db, id)!;
  },
  'sources.setAttribute': ({ id, name, value }, ctx) => {
    const { db } = ctx.project;
    if (!setSourceAttribute(db, id, name, value)) throw sourceGone();
    return sourceAttributes(db, id);
  },
  'sources.removeAttribute': ({ id, name }, ctx) => {
    const { db } = ctx.project;
    if (!deleteSourceAttribute(db, id, name)) throw new AppError('NOT_FOUND', `That source has no attribute “${name}”.`);
    return sourceAttributes(db, id);
  },
  'sources.listAttributes': (_input, ctx) => listAttributeValues(ctx.project.db),
  'sources.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const source = findSourceSummary(db, id);
    if (!source) throw sourceGone();
    // Memos point at rows of several tables, so no foreign key takes them along.
    const codingIds = codingIdsOfSource(db, id);
    deleteMemosOf(db, 'coding', codingIds);
    // Nor do evidence links, which point at codings and claims alike.
    deleteCodingEvidence(db, codingIds);
    deleteEvidenceOf(db, 'claim', claimIdsOfSource(db, id));
    deleteMemosOf(db, 'source', [id]);
    deleteSource(db, id);
    return { removed: true, title: source.title };
  },
};
