import { AppError } from '../../../shared/api/errors';
import { readRefi, type PreparedImport } from '../../services/refi/read-refi';
import { writeQdc, writeQdpx } from '../../services/refi/write-refi';
import { decodeBase64 } from '../../services/import/base64';
import { inTwoPhases, type AreaContext, type AreaHandlers } from '../kit';
import { importIntoProject, previewImport } from './import-into-project';
import { projectSnapshot } from './snapshot';

/** A file name from the project's name, safe on every system. */
function exportName(projectName: string, extension: string): string {
  const safe = projectName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${safe || 'project'}.${extension}`;
}

/** Reads an uploaded REFI-QDA file, reporting how far it has come. */
async function readUpload(input: { fileName: string; dataBase64: string }, ctx: AreaContext): Promise<PreparedImport> {
  const task = `refi-import:${input.fileName}`;
  ctx.emit('progress', { task, label: `Reading ${input.fileName}`, done: 0, total: 1 });
  try {
    const prepared = await readRefi(decodeBase64(input.dataBase64, input.fileName), input.fileName, {
      now: ctx.clock(),
      progress: (done, total, label) => ctx.emit('progress', { task, label, done, total: total + 1 }),
    });
    ctx.emit('progress', { task, label: `Read ${input.fileName}`, done: 1, total: 1 });
    return prepared;
  } catch (error) {
    // End the progress the UI is showing; the error travels back as the call's answer.
    ctx.emit('progress', { task, label: `Could not read ${input.fileName}`, done: 1, total: 1 });
    throw error;
  }
}

export const refiHandlers: AreaHandlers<'refi.'> = {
  'refi.exportProject': (_input, ctx) => {
    const snapshot = projectSnapshot(ctx.project, ctx.clock());
    return {
      fileName: exportName(snapshot.name, 'qdpx'),
      mimeType: 'application/zip',
      dataBase64: Buffer.from(writeQdpx(snapshot)).toString('base64'),
      counts: {
        codes: snapshot.codes.length,
        sources: snapshot.sources.length,
        codings: snapshot.codings.length,
        memos: snapshot.memos.length,
        cases: snapshot.cases.length,
        sets: snapshot.themes.length,
      },
    };
  },
  'refi.exportCodebook': (_input, ctx) => {
    const snapshot = projectSnapshot(ctx.project, ctx.clock());
    if (snapshot.codes.length === 0) {
      throw new AppError('CONFLICT', 'The codebook is empty, so there is nothing to export: create codes first.');
    }
    return { fileName: exportName(snapshot.name, 'qdc'), mimeType: 'application/xml', dataBase64: Buffer.from(writeQdc(snapshot), 'utf8').toString('base64') };
  },
  'refi.previewImport': async (input, ctx) => previewImport(ctx.project.db, await readUpload(input, ctx)),
  'refi.import': inTwoPhases({
    // Reading, unpacking and placing run first, outside the transaction; only the writing is inside it.
    prepare: ({ fileName, dataBase64 }, ctx): Promise<PreparedImport> => readUpload({ fileName, dataBase64 }, ctx),
    apply: ({ adoptProjectDetails }, prepared, ctx) => importIntoProject(ctx, prepared, adoptProjectDetails),
  }),
};
