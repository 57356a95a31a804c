import { describe, expect, it } from 'vitest';
import { decode, train, type Observations, type TrainingExample } from './perceptron';

// A toy task with the shape of the real one: names, then a year, then words of a title, told
// apart by the kind of token, whether a year came before it, and the step from the previous token.
const LABELS = ['name', 'year', 'title'];
const isYear = (token: string): boolean => /^\d{4}$/.test(token);
function observations(tokens: string[]): Observations[] {
  return tokens.map((token, index) => ({
    node: [`w=${token.toLowerCase()}`, isYear(token) ? 'kind=year' : /^[A-Z]/.test(token) ? 'kind=capital' : 'kind=lower', `yearSeen=${tokens.slice(0, index).some(isYear)}`],
    edge: index > 0 ? [`after=${isYear(tokens[index - 1] ?? '') ? 'year' : 'word'}`] : [],
  }));
}
function example(tokens: string[], labels: string[]): TrainingExample {
  return { observations: observations(tokens), labels: labels.map((label) => LABELS.indexOf(label)) };
}
const EXAMPLES = [
  example(['Smith', 'Jones', '2001', 'Trade', 'and', 'growth'], ['name', 'name', 'year', 'title', 'title', 'title']),
  example(['Lee', '1999', 'Ports', 'of', 'Asia'], ['name', 'year', 'title', 'title', 'title']),
  example(['Tan', 'Wong', 'Lim', '2015', 'Digital', 'markets'], ['name', 'name', 'name', 'year', 'title', 'title']),
  example(['Rao', '2020', 'Payments'], ['name', 'year', 'title']),
];

describe('the averaged perceptron tagger', () => {
  const model = train(LABELS, EXAMPLES, { epochs: 10, seed: 1 });

  it('learns to label its training examples', () => {
    for (const { observations: tokens, labels } of EXAMPLES) expect(decode(model, tokens)).toEqual(labels);
  });

  it('labels an unseen entry by what it learned: capitalised words after a year are a title', () => {
    expect(decode(model, observations(['Nguyen', 'Pham', '2018', 'Logistics', 'Hubs'])).map((index) => LABELS[index])).toEqual(['name', 'name', 'year', 'title', 'title']);
  });

  it('trains the same model from the same data and seed', () => {
    const again = train(LABELS, EXAMPLES, { epochs: 10, seed: 1 });
    expect([...again.transitions]).toEqual([...model.transitions]);
    expect([...again.node.get('kind=capital') ?? []]).toEqual([...model.node.get('kind=capital') ?? []]);
  });

  it('returns no labels for no tokens', () => {
    expect(decode(model, [])).toEqual([]);
  });
});
