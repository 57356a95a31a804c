import { AppError } from '../../../shared/api/errors';
import { kindForFile } from '../../../shared/domain/rules/source-kind';
import { extractBuffer } from '../../services/import';
import { decodeBase64 } from '../../services/import/base64';
import type { ExtractedDocument } from '../../services/import/types';
import { codingIdsOfSource } from '../codings/repository';
import { claimIdsOfSource, deleteCodingEvidence, deleteEvidenceOf } from '../conclusions/repository';
import { inTwoPhases, type AreaHandlers } from '../kit';
import { deleteMemosOf } from '../memos/repository';
import {
  deleteSource,
  deleteSourceAttribute,
  findSource,
  findSourceSummary,
  findSourceText,
  insertSource,
  listAttributeValues,
  listSources,
  setSourceAttribute,
  sourceAttributes,
  updateSource,
} from './repository';

const sourceGone = () => new AppError('NOT_FOUND', 'That source no longer exists in this project.');

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
    prepare: async ({ fileName, dataBase64 }, ctx): Promise<ExtractedDocument> => {
      const task = `import:${fileName}`;
      ctx.emit('progress', { task, label: `Reading ${fileName}`, done: 0, total: 2 });
      try {
        const doc = await extractBuffer(decodeBase64(dataBase64, fileName), fileName);
        ctx.emit('progress', { task, label: `Imported ${fileName}`, done: 2, total: 2 });
        return doc;
      } catch (error) {
        // End the progress the UI is showing; the error itself travels back as the call's answer.
        ctx.emit('progress', { task, label: `Could not import ${fileName}`, done: 2, total: 2 });
        throw error;
      }
    },
    apply: ({ fileName, title, kind }, doc, ctx) => {
      const { db } = ctx.project;
      const id = ctx.newId();
      insertSource(db, {
        id,
        title: title ?? doc.title,
        kind: kind ?? kindForFile(fileName),
        format: doc.format,
        fileName,
        text: doc.text,
        passages: doc.passages.map((p) => ({ ...p, id: ctx.newId() })),
        now: ctx.clock(),
      });
      return findSourceSummary(db, id)!;
    },
  }),
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
