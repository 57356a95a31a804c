import { describe, expect, it } from 'vitest';
import { Analyzer } from './analyzer';
import { buildSegment, mergeSegments, type IndexInput, type Segment } from './segment';
import { decodePositions, decodeSegment, encodeSegment } from './segment-codec';
import { fillerParagraphs } from './test-corpus';

const analyzer = new Analyzer();
const inputs: IndexInput[] = fillerParagraphs(60, 5).map((text, i) => ({ id: `d${i}`, hash: [i, i * 7], fields: [i % 3 === 0 ? 'Title words' : '', text] }));

const plain = (segment: Segment): unknown => ({
  ...segment,
  hashes: [...segment.hashes],
  fieldLengths: segment.fieldLengths.map((a) => [...a]),
  fields: segment.fields.map((f) => ({ termStart: [...f.termStart], docs: [...f.docs], tfs: [...f.tfs], posStart: [...f.posStart!], positions: [...f.positions!] })),
});

describe('segments', () => {
  it('merge into what one build of the same docs gives, leaving out dead docs', () => {
    const whole = buildSegment(inputs, analyzer);
    const merged = mergeSegments([buildSegment(inputs.slice(0, 25), analyzer), buildSegment(inputs.slice(25), analyzer)], [null, null]);
    expect(plain(merged)).toEqual(plain(whole));
    const dead = new Uint8Array(60);
    dead[3] = 1;
    const withoutThree = mergeSegments([whole], [dead]);
    expect(plain(withoutThree)).toEqual(plain(buildSegment(inputs.filter((_, i) => i !== 3), analyzer)));
  });

  it('round-trip through their blobs, ids and terms of any characters included', () => {
    const odd: IndexInput[] = [...inputs, { id: 'id with \u0000 and \ud800 inside', hash: [1, 2], fields: ['', 'Zürich – naïve façade \ud83d\ude00'] }];
    const segment = buildSegment(odd, analyzer);
    const { data, positions } = encodeSegment(segment);
    const decoded = decodeSegment(data);
    expect(decoded.fields[1]!.positions).toBeNull();
    decodePositions(decoded, positions);
    expect(plain(decoded)).toEqual(plain(segment));
  });

  it('refuse a blob that does not add up', () => {
    const { data, positions } = encodeSegment(buildSegment(inputs, analyzer));
    expect(() => decodeSegment(data.subarray(0, data.length - 4))).toThrow();
    const decoded = decodeSegment(data);
    expect(() => decodePositions(decoded, positions.subarray(4))).toThrow();
  });
});
