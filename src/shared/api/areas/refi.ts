import { z } from 'zod';
import { change, quoted, read } from '../method';
import type { RefiImportSummary } from '../../domain/refi/import-plan';
import type { ExportFile } from './exports';
import { maxBase64Length } from './sources';


/** What a project export holds, for the message that tells the user it is done. */
export interface ProjectExport extends ExportFile {
  counts: { codes: number; sources: number; codings: number; memos: number; cases: number; sets: number };
}

const refiFile = {
  fileName: z.string().trim().min(1).max(500).regex(/\.(qdpx|qde|qdc|xml)$/i, 'Give a REFI-QDA file: a project (.qdpx, .qde) or a codebook (.qdc).'),
  dataBase64: z.string().max(maxBase64Length),
};

/** Everything an import writes. */
const importTouches = ['project', 'sources', 'source-text', 'attributes', 'codes', 'codings', 'memos', 'cases', 'themes'] as const;

// REFI-QDA, the standard QDA tools exchange projects in (NVivo, ATLAS.ti, MAXQDA, QualCoder).
export const refiContract = {
  /** The project as a .qdpx: codebook, sources and their texts, codings, memos, cases, attributes and themes as sets. */
  'refi.exportProject': read<ProjectExport>(importTouches)(z.object({}).strict()),
  /** The codebook alone as a .qdc, with the themes as sets. */
  'refi.exportCodebook': read<ExportFile>(['project', 'codes', 'themes'])(z.object({}).strict()),
  /** What importing a file would do to the open project (codes merged by name, what is left out and why), for the user to confirm. */
  'refi.previewImport': read<RefiImportSummary>(['codes', 'cases', 'themes'])(z.object(refiFile).strict()),
  /**
   * Imports a .qdpx, .qde or .qdc into the open project as one undoable step. `adoptProjectDetails`
   * (for a project just created for the file) also takes the file's project name and description.
   */
  'refi.import': change<RefiImportSummary>()(z.object({ ...refiFile, adoptProjectDetails: z.boolean().default(false) }).strict(), {
    touches: importTouches,
    label: (input) => `Import ${quoted(input.fileName)}`,
  }),
};
