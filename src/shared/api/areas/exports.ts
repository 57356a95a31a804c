import { z } from 'zod';
import { read } from '../method';
import { displayReads, matrixSpecSchema } from './display';
import { citationStyleIds } from '../../domain/citation-styles';
import { referenceFileFormats } from '../../domain/library-import';

const id = z.string().min(1).max(100);
const ids = z.array(id).max(100_000);

/** A file to save: the UI offers it as a download or in a save dialog, the CLI writes it where asked. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/** Which references: the whole library, chosen ones, or those cited by chosen sources (audited manuscripts' reference lists). */
const referenceChoice = { referenceIds: ids.optional(), citedBy: ids.optional() };

export const exportsContract = {
  /** The library (or part of it) as BibTeX, RIS or CSL-JSON. */
  'exports.references': read<ExportFile>(['library', 'audit'])(z.object({ format: z.enum(referenceFileFormats), ...referenceChoice }).strict()),
  /** A bibliography formatted by citeproc in a citation style, as Markdown or HTML. */
  'exports.bibliography': read<ExportFile>(['library', 'audit'])(
    z.object({ format: z.enum(['md', 'html']), style: z.enum(citationStyleIds).default('apa'), ...referenceChoice }).strict(),
  ),
  /** The annotated summary of chosen sources (all when none are given), narrowed to chosen codes and their sub-codes. */
  'exports.summary': read<ExportFile>(['sources', 'source-text', 'attributes', 'codes', 'codings', 'memos', 'cases', 'displays', 'conclusions', 'audit', 'library'])(
    z
      .object({
        format: z.enum(['md', 'html', 'docx', 'pdf']),
        style: z.enum(citationStyleIds).default('apa'),
        sourceIds: ids.optional(),
        codeIds: ids.optional(),
      })
      .strict(),
  ),
  /** One row per coded segment: source, code path, text, offsets, coder, memo, summary, case, attributes. */
  'exports.segments': read<ExportFile>(['sources', 'source-text', 'attributes', 'codes', 'codings', 'memos', 'cases'])(
    z.object({ format: z.enum(['csv', 'xlsx']), sourceIds: ids.optional(), codeIds: ids.optional() }).strict(),
  ),
  'exports.codebook': read<ExportFile>(['codes', 'codings'])(z.object({ format: z.enum(['csv', 'md']) }).strict()),
  /** Any matrix of the Display stage (code × source unless `matrix` says otherwise), every row open. */
  'exports.matrix': read<ExportFile>(displayReads)(z.object({ format: z.enum(['csv', 'xlsx']), matrix: matrixSpecSchema.optional() }).strict()),
  /** The citation audit of a manuscript: findings, claims and verdicts. */
  'exports.auditReport': read<ExportFile>(['audit', 'sources'])(z.object({ sourceId: id, format: z.enum(['md', 'html', 'docx']) }).strict()),
};
