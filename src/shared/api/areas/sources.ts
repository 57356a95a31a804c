import { z } from 'zod';
import { change, control, quoted, read } from '../method';
import { sourceKindLabels, sourceKinds, stages, type AttributeValue, type Source, type SourceSummary, type SourceText, type SpeakerSummary } from '../../domain/model';

const id = z.string().min(1).max(100);
const attributeName = z.string().trim().min(1).max(100);
/** Chosen by the caller, unique to one import of many files (a UUID, say). */
const batchId = z.string().min(1).max(100);
/** 200 MB of base64: larger files are refused before any work starts. */
export const maxBase64Length = 280_000_000;
/** Pasted text: ten million characters, about 4,000 pages. */
export const maxPastedLength = 10_000_000;
const title = z.string().trim().min(1).max(500);
/** Authors as written, one name each ("Lim, K.", "World Bank"). */
const authors = z.array(z.string().trim().min(1).max(300)).max(200);
/** A year as written: 2021, 2021a, n.d., in press. */
const year = z.string().trim().min(1).max(20);

export const sourcesContract = {
  'sources.list': read<SourceSummary[]>(['sources', 'codings'])(z.object({}).strict()),
  'sources.get': read<Source>(['sources', 'source-text', 'attributes', 'codings'])(z.object({ id }).strict()),
  /** Only what never changes after import, so the reader does not fetch a long text again after each edit. */
  'sources.text': read<SourceText>(['source-text'])(z.object({ id }).strict()),
  /**
   * Imports one file, saved (and undone) on its own. Files imported together may name a batch,
   * so that sources.cancelImport can stop those not yet saved; such an import answers CANCELLED.
   */
  'sources.import': change<SourceSummary>()(
    z
      .object({
        fileName: z.string().trim().min(1).max(500),
        dataBase64: z.string().max(maxBase64Length),
        title: title.optional(),
        /** Guessed from the content when not given. */
        kind: z.enum(sourceKinds).optional(),
        batch: batchId.optional(),
      })
      .strict(),
    { touches: ['sources', 'source-text'], label: (input) => `Import ${quoted(input.fileName)}` },
  ),
  /** Stops the imports of a batch that are still being read; those already saved stay. */
  'sources.cancelImport': control<{ cancelled: number }>()(z.object({ batch: batchId }).strict()),
  /** Text pasted in as a new source, read as a plain-text file is (a transcript keeps its turns). */
  'sources.paste': change<SourceSummary>()(
    z
      .object({
        title,
        text: z.string().max(maxPastedLength, `Paste at most ${maxPastedLength.toLocaleString('en')} characters at once; import a longer text as a file.`),
        kind: z.enum(sourceKinds).optional(),
      })
      .strict(),
    { touches: ['sources', 'source-text'], label: (input) => `Paste ${quoted(input.title)} as a new source` },
  ),
  /** Title, kind, stage, authors and year; a null year clears it. */
  'sources.update': change<SourceSummary>()(
    z
      .object({ id, title: title.optional(), kind: z.enum(sourceKinds).optional(), stage: z.enum(stages).optional(), authors: authors.optional(), year: year.nullable().optional() })
      .strict()
      .refine((v) => Object.keys(v).length > 1, { message: 'Say what to change: a title, kind, stage, authors or year.' }),
    {
      touches: ['sources'],
      label: (input, s) => {
        const changed = (['title', 'kind', 'stage', 'authors', 'year'] as const).filter((field) => input[field] !== undefined);
        if (changed.length > 1 || changed[0] === 'authors' || changed[0] === 'year') return `Edit the details of ${quoted(s.title)}`;
        if (changed[0] === 'title') return `Rename source to ${quoted(s.title)}`;
        if (changed[0] === 'kind') return `Mark ${quoted(s.title)} as ${sourceKindLabels[s.kind].toLowerCase()}`;
        return `Move ${quoted(s.title)} to the ${s.stage} stage`;
      },
    },
  ),
  /** Every speaker of the project's transcripts, for filters. */
  'sources.listSpeakers': read<SpeakerSummary[]>(['source-text'])(z.object({}).strict()),
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
  /** Deletes a source with everything derived from it: passages, codings, memos on it, its audit, its place in cases. */
  'sources.remove': change<{ removed: true; title: string }>()(z.object({ id }).strict(), {
    touches: ['sources', 'source-text', 'attributes', 'codings', 'memos', 'cases', 'audit', 'conclusions'],
    label: (_input, out) => `Delete source ${quoted(out.title)}`,
  }),
};
