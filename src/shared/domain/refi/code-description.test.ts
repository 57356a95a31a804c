import { describe, expect, it } from 'vitest';
import { describeCode, readCodeDescription } from './code-description';

describe('a code description with criteria', () => {
  const full = { definition: 'Costs of sending goods abroad.', inclusion: 'Any mention of postage.', exclusion: 'Import duties.', example: '“Shipping eats my margin.”' };

  it('writes the criteria as labelled paragraphs after the definition and reads them back', () => {
    const text = describeCode(full);
    expect(text).toBe('Costs of sending goods abroad.\n\nInclusion criteria: Any mention of postage.\n\nExclusion criteria: Import duties.\n\nExample: “Shipping eats my margin.”');
    expect(readCodeDescription(text)).toEqual(full);
  });

  it('round-trips any subset of the fields', () => {
    for (const keep of [['definition'], ['example'], ['inclusion', 'example'], ['exclusion'], []]) {
      const code = { definition: '', inclusion: '', exclusion: '', example: '' };
      for (const k of keep) code[k as keyof typeof code] = full[k as keyof typeof full];
      expect(readCodeDescription(describeCode(code))).toEqual(code);
    }
  });

  it('leaves a description written by another tool as the definition', () => {
    expect(readCodeDescription('the breakfast of champions')).toEqual({ definition: 'the breakfast of champions', inclusion: '', exclusion: '', example: '' });
    const mentions = 'Use it when a seller says Example: something.\n\nOr when they complain.';
    expect(readCodeDescription(mentions).definition).toBe(mentions);
    const outOfOrder = 'Def.\n\nExample: one.\n\nInclusion criteria: two.';
    expect(readCodeDescription(outOfOrder)).toMatchObject({ definition: 'Def.\n\nExample: one.', inclusion: 'two.', example: '' });
  });
});
