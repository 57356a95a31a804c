import { z } from 'zod';
import { change, quoted, read } from '../method';
import { cooccurrenceModes, matrixColumnKinds, matrixMeasures, type CellSegment, type Matrix } from '../../domain/display/matrix';
import { networkNodeKinds, type ShownNetwork } from '../../domain/display/network';
import { chartKinds, exportFormats, type DisplayConfig, type ExportFile, type SavedDisplay } from '../../domain/display/saved';

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1).max(200);

export const matrixSpecSchema = z
  .object({
    columns: z.enum(matrixColumnKinds),
    measure: z.enum(matrixMeasures).default('segments'),
    attribute: name.optional(),
    cooccurrence: z.enum(cooccurrenceModes).optional(),
    filter: z.object({ name, value: z.string().max(1000) }).strict().nullable().optional(),
  })
  .strict()
  .refine((spec) => spec.columns !== 'attribute' || spec.attribute !== undefined, {
    message: 'Choose the attribute whose values make the columns.',
    path: ['attribute'],
  });

const collapsed = z.array(id).max(10_000).default([]);
const minWeight = z.number().int().min(1).max(1_000_000).nullable();
const networkConfig = z
  .object({
    kinds: z.array(z.enum(networkNodeKinds)).max(networkNodeKinds.length),
    /** null: the strongest links, as many as can be read (`readableLinks`). */
    minWeight,
    hideIsolated: z.boolean(),
    cooccurrence: z.enum(cooccurrenceModes),
  })
  .strict();

export const displayConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('matrix'), matrix: matrixSpecSchema, collapsed }).strict(),
  z.object({ kind: z.literal('chart'), chart: z.enum(chartKinds), matrix: matrixSpecSchema, collapsed }).strict(),
  z.object({ kind: z.literal('network'), network: networkConfig }).strict(),
]) satisfies z.ZodType<DisplayConfig>;

const position = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();
const layout = z.record(z.string().max(200), position).refine((l) => Object.keys(l).length <= 50_000, 'A layout holds at most 50,000 nodes.');

/** What every display reads: the project's codes and codings, sources and passages, cases, themes and attributes. */
/** What any display reads: a display's answer changes when one of these does. */
export const displayReads = ['sources', 'source-text', 'attributes', 'codes', 'codings', 'cases'] as const;

export const displayContract = {
  /** A matrix of codes against sources, cases, attribute values or codes. */
  'display.matrix': read<Matrix>(displayReads)(matrixSpecSchema),
  /** The coded segments one cell of a matrix counts (row and column by heading key, '*' for a total). */
  'display.cellSegments': read<CellSegment[]>(displayReads)(z.object({ matrix: matrixSpecSchema, row: z.string().min(1).max(200), column: z.string().min(1).max(200) }).strict()),
  /**
   * Themes, codes, cases, claims and conclusions with what links them, as a network display shows
   * them: the kinds asked for, counted links at least `minWeight` strong (by default the strongest
   * that can be read), and without unlinked nodes if asked.
   */
  'display.network': read<ShownNetwork>([...displayReads, 'themes', 'conclusions', 'audit'])(
    z
      .object({
        cooccurrence: z.enum(cooccurrenceModes).default('overlap'),
        kinds: z.array(z.enum(networkNodeKinds)).max(networkNodeKinds.length).default([...networkNodeKinds]),
        minWeight: minWeight.default(null),
        hideIsolated: z.boolean().default(false),
      })
      .strict(),
  ),
  /** Every attribute name with its values, of sources and of cases: what a matrix can be cut by or spread over. */
  'display.attributes': read<Array<{ name: string; values: string[] }>>(['attributes', 'cases'])(z.object({}).strict()),
  'display.list': read<SavedDisplay[]>(['displays'])(z.object({}).strict()),
  /** Saves a new display, or (given an id) changes a saved one; the sources it shows reach the displayed stage. */
  'display.save': change<SavedDisplay>()(z.object({ id: id.optional(), name, config: displayConfigSchema, layout: layout.optional() }).strict(), {
    touches: ['displays', 'sources'],
    label: (input, out) => (input.id ? `Update display ${quoted(out.name)}` : `Save display ${quoted(out.name)}`),
  }),
  /** Deletes a saved display, and its links as evidence for conclusions. */
  'display.remove': change<{ removed: true; name: string }>()(z.object({ id }).strict(), {
    touches: ['displays', 'conclusions'],
    label: (_input, out) => `Delete display ${quoted(out.name)}`,
  }),
  /** A display as a file: its table as CSV, or its picture as SVG or PNG. */
  'display.export': read<ExportFile>([...displayReads, 'themes', 'conclusions', 'audit'])(
    z.object({ name, config: displayConfigSchema, layout: layout.optional(), format: z.enum(exportFormats) }).strict(),
  ),
};
