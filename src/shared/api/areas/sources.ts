import { z } from 'zod';
import { method } from '../method';
import { sourceKinds, stages, type AttributeValue, type Source, type SourceSummary } from '../../domain/model';

const id = z.string().min(1).max(100);
const attributeName = z.string().trim().min(1).max(100);
/** 200 MB of base64: larger files are refused before any work starts. */
export const maxBase64Length = 280_000_000;

export const sourcesContract = {
  'sources.list': method<SourceSummary[]>()(z.object({}).strict()),
  'sources.get': method<Source>()(z.object({ id }).strict()),
  'sources.import': method<SourceSummary>()(
    z
      .object({
        fileName: z.string().trim().min(1).max(500),
        dataBase64: z.string().max(maxBase64Length),
        title: z.string().trim().min(1).max(500).optional(),
        kind: z.enum(sourceKinds).optional(),
      })
      .strict(),
  ),
  'sources.update': method<SourceSummary>()(
    z
      .object({ id, title: z.string().trim().min(1).max(500).optional(), kind: z.enum(sourceKinds).optional(), stage: z.enum(stages).optional() })
      .strict(),
  ),
  /** Sets (or replaces) one attribute of a source, e.g. a case's country; returns all its attributes. */
  'sources.setAttribute': method<Source['attributes']>()(
    z.object({ id, name: attributeName, value: z.string().trim().min(1).max(500) }).strict(),
  ),
  'sources.removeAttribute': method<Source['attributes']>()(z.object({ id, name: attributeName }).strict()),
  /** Every attribute name = value pair in the project, for filters. */
  'sources.listAttributes': method<AttributeValue[]>()(z.object({}).strict()),
  'sources.remove': method<{ removed: true }>()(z.object({ id }).strict()),
};
