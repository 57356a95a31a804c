// One reference-list entry into fields, by the tagger trained on real labelled references
// (scripts/train-reference-model.ts writes the model; bench/audit.ts measures it).
import { tagReference } from './tagger';
import { readModelFile, type ModelFile, type ReferenceTagger } from './tagger/model-file';
import modelFile from './tagger/reference-model.json';
import type { ParsedReference } from './types';

let tagger: ReferenceTagger | null = null;

export function parseReference(raw: string): ParsedReference {
  tagger ??= readModelFile(modelFile as ModelFile);
  return tagReference(tagger, raw);
}
