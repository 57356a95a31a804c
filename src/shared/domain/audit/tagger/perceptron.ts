// A linear-chain tagger trained as an averaged structured perceptron (Collins 2002). A token's
// label is scored by the summed weights of its observations; the step from one label to the next
// by a transition weight plus the weights of the token's edge observations (the punctuation
// between two tokens says much about whether a field ends there). Viterbi finds the best label
// sequence. Training tags each example and moves weight from the predicted labels to the true
// ones; averaging the weights over every step keeps the model from chasing the last examples.
import { seededRandom } from '../../../random';

/** What is known about one token: observations about the token, and about the step into it. */
export interface Observations {
  node: string[];
  edge: string[];
}

export interface TaggerModel {
  labels: string[];
  /** transitions[from * size + to]; row `size` is the start of the entry. */
  transitions: Float64Array;
  node: Map<string, Float64Array>;
  /** observation -> weight per (from * size + to) label pair. */
  edge: Map<string, Float64Array>;
}

export interface TrainingExample {
  observations: Observations[];
  labels: number[];
}

export interface TrainingOptions {
  epochs: number;
  /** Seeds the order the examples are visited in, so training is repeatable. */
  seed: number;
}

export function emptyModel(labels: string[]): TaggerModel {
  const size = labels.length;
  return { labels, transitions: new Float64Array((size + 1) * size), node: new Map(), edge: new Map() };
}

function nodeScores(model: TaggerModel, observations: string[]): Float64Array {
  const size = model.labels.length;
  const scores = new Float64Array(size);
  for (const observation of observations) {
    const weights = model.node.get(observation);
    if (weights) for (let label = 0; label < size; label += 1) scores[label] = (scores[label] as number) + (weights[label] as number);
  }
  return scores;
}

/** Scores of every label pair for the step into a token: transitions plus edge observations. */
function edgeScores(model: TaggerModel, observations: string[], first: boolean): Float64Array {
  const size = model.labels.length;
  if (first) return model.transitions.subarray(size * size, size * size + size);
  const scores = model.transitions.slice(0, size * size);
  for (const observation of observations) {
    const weights = model.edge.get(observation);
    if (weights) for (let pair = 0; pair < size * size; pair += 1) scores[pair] = (scores[pair] as number) + (weights[pair] as number);
  }
  return scores;
}

/** The best label index for every token. */
export function decode(model: TaggerModel, tokens: Observations[]): number[] {
  const size = model.labels.length;
  if (tokens.length === 0) return [];
  const start = edgeScores(model, [], true);
  let best = nodeScores(model, tokens[0]?.node ?? []).map((score, label) => score + (start[label] as number));
  const back: Int32Array[] = [];
  for (let index = 1; index < tokens.length; index += 1) {
    const token = tokens[index] as Observations;
    const node = nodeScores(model, token.node);
    const edge = edgeScores(model, token.edge, false);
    const current = new Float64Array(size);
    const pointers = new Int32Array(size);
    for (let label = 0; label < size; label += 1) {
      let top = Number.NEGATIVE_INFINITY;
      let from = 0;
      for (let prior = 0; prior < size; prior += 1) {
        const value = (best[prior] as number) + (edge[prior * size + label] as number);
        if (value > top) [top, from] = [value, prior];
      }
      current[label] = top + (node[label] as number);
      pointers[label] = from;
    }
    best = current;
    back.push(pointers);
  }
  let label = 0;
  for (let candidate = 1; candidate < size; candidate += 1) if ((best[candidate] as number) > (best[label] as number)) label = candidate;
  const path = [label];
  for (let index = back.length - 1; index >= 0; index -= 1) {
    label = back[index]?.[label] ?? 0;
    path.push(label);
  }
  return path.reverse();
}

function shuffled<T>(items: T[], seed: number): T[] {
  const next = seededRandom(seed);
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

/**
 * Weights with their running sums for averaging: each update of `amount` at step `step` adds
 * step x amount to the sum, and the average is weight - sum / steps (Daumé's trick), so nothing
 * is touched for the observations an example does not update.
 */
class AveragedWeights {
  readonly values = new Map<string, Float64Array>();
  private readonly sums = new Map<string, Float64Array>();

  constructor(private readonly width: number) {}

  add(observation: string, index: number, amount: number, step: number): void {
    let values = this.values.get(observation);
    let sums = this.sums.get(observation);
    if (!values || !sums) {
      values = new Float64Array(this.width);
      sums = new Float64Array(this.width);
      this.values.set(observation, values);
      this.sums.set(observation, sums);
    }
    values[index] = (values[index] as number) + amount;
    sums[index] = (sums[index] as number) + step * amount;
  }

  averaged(steps: number): Map<string, Float64Array> {
    for (const [observation, values] of this.values) {
      const sums = this.sums.get(observation) as Float64Array;
      for (let index = 0; index < values.length; index += 1) values[index] = (values[index] as number) - (sums[index] as number) / steps;
    }
    return this.values;
  }
}

export function train(labels: string[], examples: TrainingExample[], options: TrainingOptions): TaggerModel {
  const size = labels.length;
  const model = emptyModel(labels);
  const node = new AveragedWeights(size);
  const edge = new AveragedWeights(size * size);
  const transitionSums = new Float64Array(model.transitions.length);
  model.node = node.values;
  model.edge = edge.values;
  let step = 1;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const example of shuffled(examples, options.seed + epoch)) {
      const predicted = decode(model, example.observations);
      for (let index = 0; index < example.labels.length; index += 1) {
        const truth = example.labels[index] as number;
        const guess = predicted[index] as number;
        const priorTruth = index === 0 ? size : (example.labels[index - 1] as number);
        const priorGuess = index === 0 ? size : (predicted[index - 1] as number);
        const observations = example.observations[index] as Observations;
        if (truth !== guess) {
          for (const observation of observations.node) {
            node.add(observation, truth, 1, step);
            node.add(observation, guess, -1, step);
          }
        }
        if (truth === guess && priorTruth === priorGuess) continue;
        for (const [pair, amount] of [[priorTruth * size + truth, 1], [priorGuess * size + guess, -1]] as const) {
          model.transitions[pair] = (model.transitions[pair] as number) + amount;
          transitionSums[pair] = (transitionSums[pair] as number) + step * amount;
        }
        if (index === 0) continue;
        for (const observation of observations.edge) {
          edge.add(observation, priorTruth * size + truth, 1, step);
          edge.add(observation, priorGuess * size + guess, -1, step);
        }
      }
      step += 1;
    }
  }
  model.node = node.averaged(step);
  model.edge = edge.averaged(step);
  for (let pair = 0; pair < model.transitions.length; pair += 1) model.transitions[pair] = (model.transitions[pair] as number) - (transitionSums[pair] as number) / step;
  return model;
}
