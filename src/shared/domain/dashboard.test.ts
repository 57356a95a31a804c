import { describe, expect, it } from 'vitest';
import { buildDashboard, codedShare } from './dashboard';

describe('the dashboard', () => {
  it('measures how much of a source is coded, overlaps once', () => {
    expect(
      codedShare(
        [
          { start: 0, end: 10 },
          { start: 5, end: 20 },
        ],
        40,
      ),
    ).toBe(0.5);
    expect(codedShare([], 0)).toBe(0);
  });

  it('counts sources per stage and conclusions per status, and lists the least coded sources first', () => {
    const d = buildDashboard({
      sources: [
        { id: 'a', title: 'Alpha', stage: 'reduced', length: 100 },
        { id: 'b', title: 'Beta', stage: 'collected', length: 100 },
        { id: 'c', title: 'Gamma', stage: 'concluded', length: 10 },
      ],
      codings: [
        { sourceId: 'a', start: 0, end: 30 },
        { sourceId: 'c', start: 0, end: 10 },
      ],
      conclusionStatuses: ['verified', 'tentative', 'tentative'],
      tacticsDone: 4,
      counts: { codes: 3, codings: 2, memos: 0, displays: 1 },
    });
    expect(d.stages).toEqual({ collected: 1, reduced: 1, displayed: 0, concluded: 1 });
    expect(d.sources.map((s) => [s.title, s.codings, s.codedShare])).toEqual([
      ['Beta', 0, 0],
      ['Alpha', 1, 0.3],
      ['Gamma', 1, 1],
    ]);
    expect(d.conclusions).toEqual({ tentative: 2, supported: 0, verified: 1, refuted: 0, abandoned: 0 });
    expect(d.tactics).toEqual({ done: 4, total: 39 });
  });
});
