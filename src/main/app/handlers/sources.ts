import { AppError } from '../../../shared/api/errors';
import type { SourceKind } from '../../../shared/domain/model';
import { extractBuffer } from '../../services/import';
import { deleteMemosOf } from '../../services/store/repositories/memos';
import {
  deleteSource,
  deleteSourceAttribute,
  findSource,
  findSourceSummary,
  insertSource,
  listAttributeValues,
  listSources,
  setSourceAttribute,
  sourceAttributes,
  updateSource,
} from '../../services/store/repositories/sources';
import type { AppContext } from '../context';
import type { AreaHandlers } from '../handler-types';

function kindFor(fileName: string): SourceKind {
  return /transcript|interview/i.test(fileName) ? 'transcript' : /notes?\b/i.test(fileName) ? 'note' : 'paper';
}

/** Extracts and stores a file as a new source; a failure leaves the project untouched. */
export async function importSource(
  ctx: AppContext,
  input: { fileName: string; bytes: Uint8Array; title?: string; kind?: SourceKind },
): Promise<string> {
  const task = `import:${input.fileName}`;
  ctx.emit('progress', { task, label: `Reading ${input.fileName}`, done: 0, total: 2 });
  let doc;
  try {
    doc = await extractBuffer(input.bytes, input.fileName);
  } catch (error) {
    // End the progress the UI is showing; the error itself travels back as the call's answer.
    ctx.emit('progress', { task, label: `Could not import ${input.fileName}`, done: 2, total: 2 });
    throw error;
  }
  ctx.emit('progress', { task, label: `Saving ${input.fileName}`, done: 1, total: 2 });
  const { db, search } = ctx.project;
  const id = ctx.newId();
  search.change(
    { sourceIds: [id] },
    db.transaction(() =>
      insertSource(db, {
        id,
        title: input.title ?? doc.title,
        kind: input.kind ?? kindFor(input.fileName),
        format: doc.format,
        fileName: input.fileName,
        text: doc.text,
        passages: doc.passages.map((p) => ({ ...p, id: ctx.newId() })),
        now: ctx.clock(),
      }),
    ),
  );
  ctx.emit('progress', { task, label: `Imported ${input.fileName}`, done: 2, total: 2 });
  return id;
}

export function decodeBase64(data: string, fileName: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new AppError('VALIDATION', `The content sent for ${fileName} is not base64.`);
  }
  return Buffer.from(data, 'base64');
}

export const sourcesHandlers: AreaHandlers<'sources.'> = {
  'sources.list': (_input, ctx) => listSources(ctx.project.db),
  'sources.get': ({ id }, ctx) => {
    const source = findSource(ctx.project.db, id);
    if (!source) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    return source;
  },
  'sources.import': async ({ fileName, dataBase64, title, kind }, ctx) => {
    const id = await importSource(ctx, { fileName, bytes: decodeBase64(dataBase64, fileName), title, kind });
    return findSourceSummary(ctx.project.db, id)!;
  },
  'sources.update': ({ id, ...changes }, ctx) => {
    const { db } = ctx.project;
    if (!updateSource(db, id, changes, ctx.clock())) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    return findSourceSummary(db, id)!;
  },
  'sources.setAttribute': ({ id, name, value }, ctx) => {
    const { db } = ctx.project;
    if (!setSourceAttribute(db, id, name, value)) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
    return sourceAttributes(db, id);
  },
  'sources.removeAttribute': ({ id, name }, ctx) => {
    const { db } = ctx.project;
    if (!deleteSourceAttribute(db, id, name)) throw new AppError('NOT_FOUND', `That source has no attribute “${name}”.`);
    return sourceAttributes(db, id);
  },
  'sources.listAttributes': (_input, ctx) => listAttributeValues(ctx.project.db),
  'sources.remove': ({ id }, ctx) => {
    const { db, search } = ctx.project;
    search.change(
      { sourceIds: [id] },
      db.transaction(() => {
        const codingIds = db.prepare('SELECT id FROM codings WHERE source_id = ?').pluck().all(id) as string[];
        deleteMemosOf(db, 'coding', codingIds);
        deleteMemosOf(db, 'source', [id]);
        if (!deleteSource(db, id)) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
      }),
    );
    return { removed: true };
  },
};
