import { z } from 'zod';
import { change, quoted, read } from '../method';
import { sourceKindLabels, sourceKinds, stages, type AttributeValue, type Source, type SourceSummary, type SourceText } from '../../domain/model';

const id = z.string().min(1).max(100);
const attributeName = z.string().trim().min(1).max(100);
/** 200 MB of base64: larger files are refused before any work starts. */
export const maxBase64Length = 280_000_000;

export const sourcesContract = {
  'sources.list': read<SourceSummary[]>(['sources', 'codings'])(z.object({}).strict()),
  'sources.get': read<Source>(['sources', 'source-text', 'attributes', 'codings'])(z.object({ id }).strict()),
  /** Only what never changes after import, so the reader does not fetch a long text again after each edit. */
  'sources.text': read<SourceText>(['source-text'])(z.object({ id }).strict()),
  'sources.import': change<SourceSummary>()(
    z
      .object({
        fileName: z.string().trim().min(1).max(500),
        dataBase64: z.string().max(maxBase64Length),
        title: z.string().trim().min(1).max(500).optional(),
        kind: z.enum(sourceKinds).optional(),
      })
      .strict(),
    { touches: ['sources', 'source-text'], label: (input) => `Import ${quoted(input.fileName)}` },
  ),
  'sources.update': change<SourceSummary>()(
    z
      .object({ id, title: z.string().trim().min(1).max(500).optional(), kind: z.enum(sourceKinds).optional(), stage: z.enum(stages).optional() })
      .strict(),
    {
      touches: ['sources'],
      label: (input, s) =>
        input.title !== undefined ? `Rename source to ${quoted(s.title)}` : input.kind !== undefined && input.stage === undefined ? `Mark ${quoted(s.title)} as ${sourceKindLabels[s.kind].toLowerCase()}` : `Move ${quoted(s.title)} to the ${s.stage} stage`,
    },
  ),
  /** Sets (or replaces) one attribute of a source, e.g. a case's country; returns all its attributes. */
  'sources.setAttribute': change<Source['attributes']>()(z.object({ id, name: attributeName, value: z.string().trim().min(1).max(500) }).strict(), {
    touches: ['attributes'],
    label: (input, _out, names) => `Set ${input.name} = ${input.value} on ${quoted(names.source(input.id))}`,
  }),
  'sources.removeAttribute': change<Source['attributes']>()(z.object({ id, name: attributeName }).strict(), {
    touches: ['attributes'],
    label: (input, _out, names) => `Remove ${input.name} from ${quoted(names.source(input.id))}`,
  }),
  /** Every attribute name = value pair in the project, for filters. */
  'sources.listAttributes': read<AttributeValue[]>(['attributes'])(z.object({}).strict()),
  /** Deletes a source with everything derived from it: passages, codings, memos on it, its audit. */
  'sources.remove': change<{ removed: true; title: string }>()(z.object({ id }).strict(), {
    touches: ['sources', 'source-text', 'attributes', 'codings', 'memos', 'audit', 'conclusions'],
    label: (_input, out) => `Delete source ${quoted(out.title)}`,
  }),
};
