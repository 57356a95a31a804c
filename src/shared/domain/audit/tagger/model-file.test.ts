import { describe, expect, it } from 'vitest';
import { readModelFile, writeModelFile, type ModelFile } from './model-file';
import { decode, train } from './perceptron';

const lexicon = { given: new Set(['maria']), family: new Set(['santos']), place: new Set(['jakarta']) };

describe('the model file', () => {
  it('reads back a model that tags as the trained one does', () => {
    const tokens = [{ node: ['w=santos', 'cap'], edge: [] }, { node: ['w=2020', 'year'], edge: ['after=word'] }];
    const model = train(['name', 'year'], [{ observations: tokens, labels: [0, 1] }], { epochs: 3, seed: 1 });
    const file = JSON.parse(JSON.stringify(writeModelFile({ model, lexicon }, 'a test'))) as ModelFile;
    const read = readModelFile(file);
    expect(decode(read.model, tokens)).toEqual(decode(model, tokens));
    expect(read.lexicon.place.has('jakarta')).toBe(true);
    expect(file.trainedOn).toBe('a test');
  });

  it('refuses a file that is not a version 1 reference tagger', () => {
    const file = { ...writeModelFile({ model: train(['a'], [], { epochs: 1, seed: 1 }), lexicon }, 'x'), version: 2 } as unknown as ModelFile;
    expect(() => readModelFile(file)).toThrow(/version 1/);
  });
});
