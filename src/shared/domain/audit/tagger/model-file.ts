// The trained tagger as a JSON document: labels, transition weights, observation weights (only
// the non-zero ones, rounded) and the lexicons the observations were made with.
import type { Lexicon } from './features';
import { emptyModel, type TaggerModel } from './perceptron';

export interface ModelFile {
  format: 'quarry-reference-tagger';
  version: 1;
  /** What the model was trained on, in words. */
  trainedOn: string;
  labels: string[];
  transitions: number[];
  /** observation -> [label index, weight, label index, weight, ...] */
  node: Record<string, number[]>;
  /** observation -> [label pair index, weight, ...] */
  edge: Record<string, number[]>;
  /** Space-separated words of each lexicon. */
  lexicon: Record<keyof Lexicon, string>;
}

export interface ReferenceTagger {
  model: TaggerModel;
  lexicon: Lexicon;
}

/** Weights below this contribute nothing measurable to a decision (the largest are in the tens). */
const SMALLEST_WEIGHT = 0.01;
const round = (value: number): number => Math.round(value * 100) / 100;

function sparse(weights: Map<string, Float64Array>): Record<string, number[]> {
  const result: Record<string, number[]> = {};
  for (const observation of [...weights.keys()].sort()) {
    const pairs: number[] = [];
    (weights.get(observation) as Float64Array).forEach((weight, index) => {
      if (Math.abs(weight) >= SMALLEST_WEIGHT) pairs.push(index, round(weight));
    });
    if (pairs.length > 0) result[observation] = pairs;
  }
  return result;
}

export function writeModelFile(tagger: ReferenceTagger, trainedOn: string): ModelFile {
  const { model, lexicon } = tagger;
  return {
    format: 'quarry-reference-tagger',
    version: 1,
    trainedOn,
    labels: model.labels,
    transitions: [...model.transitions].map(round),
    node: sparse(model.node),
    edge: sparse(model.edge),
    lexicon: { given: [...lexicon.given].sort().join(' '), family: [...lexicon.family].sort().join(' '), place: [...lexicon.place].sort().join(' ') },
  };
}

function dense(entries: Record<string, number[]>, width: number): Map<string, Float64Array> {
  const weights = new Map<string, Float64Array>();
  for (const [observation, pairs] of Object.entries(entries)) {
    const values = new Float64Array(width);
    for (let index = 0; index + 1 < pairs.length; index += 2) values[pairs[index] as number] = pairs[index + 1] as number;
    weights.set(observation, values);
  }
  return weights;
}

export function readModelFile(file: ModelFile): ReferenceTagger {
  if (file.format !== 'quarry-reference-tagger' || file.version !== 1) throw new Error('The reference model file is not a version 1 Quarry reference tagger.');
  const size = file.labels.length;
  const model = emptyModel(file.labels);
  model.transitions = Float64Array.from(file.transitions);
  model.node = dense(file.node, size);
  model.edge = dense(file.edge, size * size);
  const words = (list: string): Set<string> => new Set(list.split(' ').filter(Boolean));
  return { model, lexicon: { given: words(file.lexicon.given), family: words(file.lexicon.family), place: words(file.lexicon.place) } };
}
