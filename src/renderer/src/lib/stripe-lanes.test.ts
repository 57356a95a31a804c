import { describe, expect, it } from 'vitest';
import { stripeLanes } from './stripe-lanes';

describe('stripe lanes', () => {
  it('puts overlapping codings in different lanes and reuses a lane once it is free', () => {
    const { lanes, count } = stripeLanes([
      { id: 'a', start: 0, end: 50 },
      { id: 'b', start: 10, end: 20 },
      { id: 'c', start: 20, end: 60 },
      { id: 'd', start: 55, end: 70 },
      { id: 'e', start: 70, end: 80 },
    ]);
    expect(Object.fromEntries(lanes)).toEqual({ a: 0, b: 1, c: 1, d: 0, e: 0 });
    expect(count).toBe(2);
  });

  it('never lets two overlapping codings share a lane, and uses as many lanes as the deepest overlap', () => {
    let seed = 3;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const codings = Array.from({ length: 300 }, (_, i) => {
      const start = Math.floor(random() * 3000);
      return { id: `c${i}`, start, end: start + 1 + Math.floor(random() * 200) };
    });
    const { lanes, count } = stripeLanes(codings);
    for (const a of codings) for (const b of codings) if (a !== b && a.start < b.end && b.start < a.end) expect(lanes.get(a.id)).not.toBe(lanes.get(b.id));
    let deepest = 0;
    for (let x = 0; x < 3200; x++) deepest = Math.max(deepest, codings.filter((c) => c.start <= x && x < c.end).length);
    expect(count).toBe(deepest);
  });
});
