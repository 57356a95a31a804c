import { describe, expect, it } from 'vitest';
import type { Code } from '../model';
import { arrangeNetwork, buildNetwork, readableLinks, showNetwork, strongest, type Network, type NetworkFacts } from './network';

const code = (id: string, parentId: string | null = null): Code => ({ id, name: id, parentId, position: 0, color: '#336699', definition: '', inclusion: '', exclusion: '', example: '', shortcut: null, codingCount: 0 });

const facts: NetworkFacts = {
  codes: [code('barriers'), code('shipping', 'barriers'), code('trust')],
  codings: [
    { id: 'a', codeId: 'shipping', sourceId: 's1', start: 0, end: 10 },
    { id: 'b', codeId: 'trust', sourceId: 's1', start: 5, end: 15 },
    { id: 'c', codeId: 'trust', sourceId: 's1', start: 8, end: 9 },
    { id: 'd', codeId: 'barriers', sourceId: 's1', start: 40, end: 50 },
    { id: 'e', codeId: 'trust', sourceId: 's2', start: 0, end: 5 },
  ],
  passages: [
    { sourceId: 's1', start: 0, end: 30 },
    { sourceId: 's1', start: 30, end: 60 },
  ],
  themes: [{ id: 't1', name: 'Costs', codeIds: ['shipping', 'gone'] }],
  cases: [{ id: 'k1', name: 'Rina', regions: [{ sourceId: 's2', start: 0, end: 100 }] }],
  claims: [{ id: 'cl1', text: 'Shipping   costs rose.' }],
  conclusions: [
    {
      id: 'x',
      statement: 'Costs deter sellers.',
      status: 'tentative',
      evidence: [
        { stance: 'supports', codeId: 'shipping' },
        { stance: 'supports', codeId: 'shipping' },
        { stance: 'contradicts', claimId: 'cl1' },
      ],
    },
  ],
};

const edge = (network: ReturnType<typeof buildNetwork>, kind: string, a: string, b: string) =>
  network.edges.find((e) => e.kind === kind && ((e.source === a && e.target === b) || (e.source === b && e.target === a)));

describe('the network', () => {
  const network = buildNetwork(facts);

  it('has a node for every theme, code, case, claim and conclusion', () => {
    expect(network.nodes.map((n) => n.id)).toEqual(['theme:t1', 'code:barriers', 'code:shipping', 'code:trust', 'case:k1', 'claim:cl1', 'conclusion:x']);
    expect(network.nodes.find((n) => n.id === 'code:trust')!.weight).toBe(3);
    expect(network.nodes.find((n) => n.id === 'claim:cl1')!.label).toBe('Shipping costs rose.');
  });

  it('links themes to their codes, parents to sub-codes, cases to the codes in them, conclusions to their evidence by stance', () => {
    expect(edge(network, 'groups', 'theme:t1', 'code:shipping')).toBeDefined();
    expect(network.edges.filter((e) => e.kind === 'groups')).toHaveLength(1);
    expect(edge(network, 'contains', 'code:barriers', 'code:shipping')).toBeDefined();
    expect(edge(network, 'holds', 'case:k1', 'code:trust')?.weight).toBe(1);
    expect(edge(network, 'supports', 'conclusion:x', 'code:shipping')?.weight).toBe(2);
    expect(edge(network, 'contradicts', 'conclusion:x', 'claim:cl1')).toBeDefined();
  });

  it('weighs co-occurrence by how often two codes’ codings overlap, one edge per pair', () => {
    expect(edge(network, 'cooccurs', 'code:shipping', 'code:trust')?.weight).toBe(2);
    expect(network.edges.filter((e) => e.kind === 'cooccurs')).toHaveLength(1);
  });

  it('counts codings in the same passage as meeting when asked', () => {
    const byPassage = buildNetwork(facts, 'passage');
    expect(edge(byPassage, 'cooccurs', 'code:barriers', 'code:trust')).toBeUndefined();
    expect(edge(byPassage, 'cooccurs', 'code:shipping', 'code:trust')?.weight).toBe(2);
    const wider = buildNetwork({ ...facts, passages: [{ sourceId: 's1', start: 0, end: 60 }] }, 'passage');
    expect(edge(wider, 'cooccurs', 'code:barriers', 'code:trust')?.weight).toBe(2);
  });

  it('filters by kind and by co-occurrence strength, and can hide nodes left alone', () => {
    const codesOnly = showNetwork(network, { kinds: ['code'], minWeight: 3, hideIsolated: false });
    expect(codesOnly.nodes.map((n) => n.id)).toEqual(['code:barriers', 'code:shipping', 'code:trust']);
    expect(codesOnly.edges.map((e) => e.kind)).toEqual(['contains']);
    expect(codesOnly.counted).toEqual({ shown: 0, of: 1 });
    const linked = showNetwork(network, { kinds: ['code'], minWeight: 3, hideIsolated: true });
    expect(linked.nodes.map((n) => n.id)).toEqual(['code:barriers', 'code:shipping']);
  });

  it('hides a case’s link to a code weaker than the strength chosen, as it hides co-occurrence', () => {
    expect(showNetwork(network, { kinds: ['case', 'code'], minWeight: 1, hideIsolated: false }).edges.map((e) => e.kind).sort()).toEqual(['contains', 'cooccurs', 'holds']);
    expect(showNetwork(network, { kinds: ['case', 'code'], minWeight: 2, hideIsolated: false }).edges.map((e) => e.kind).sort()).toEqual(['contains', 'cooccurs']);
  });

  it('left to itself, shows every link of a small network', () => {
    const all = showNetwork(network, { kinds: ['theme', 'code', 'case', 'claim', 'conclusion'], minWeight: null, hideIsolated: false });
    expect(all.minWeight).toBe(1);
    expect(all.edges).toEqual(network.edges);
  });

  it('left to itself, shows the strongest links of a large one, as many as can be read, and every link of other kinds', () => {
    const codes = Array.from({ length: 80 }, (_, i) => ({ id: `code:${i}`, kind: 'code' as const, label: `Code ${i}`, color: null, weight: 1 }));
    const pairs = codes.flatMap((a, i) => codes.slice(i + 1).map((b, j) => ({ id: `${a.id}|${b.id}`, source: a.id, target: b.id, kind: 'cooccurs' as const, weight: 1 + ((i * 7 + j) % 13) })));
    const large: Network = { nodes: codes, edges: [...pairs, { id: 'contains|0|1', source: 'code:0', target: 'code:1', kind: 'contains', weight: 1 }] };
    const shown = showNetwork(large, { kinds: ['code'], minWeight: null, hideIsolated: false });
    expect(shown.counted.of).toBe(pairs.length);
    expect(shown.counted.shown).toBeLessThanOrEqual(readableLinks);
    expect(shown.edges.filter((e) => e.kind === 'cooccurs').every((e) => e.weight >= shown.minWeight)).toBe(true);
    // One strength lower would show more than can be read.
    expect(pairs.filter((e) => e.weight >= shown.minWeight - 1).length).toBeGreaterThan(readableLinks);
    expect(shown.edges.some((e) => e.kind === 'contains')).toBe(true);
  });

  it('chooses the lowest strength that leaves at most so many links, rising above ties at the cut', () => {
    expect(strongest([5, 4, 3], 3)).toBe(1);
    expect(strongest([5, 4, 3, 2], 3)).toBe(3);
    expect(strongest([5, 3, 3, 3], 3)).toBe(4);
    expect(strongest([2, 2, 2, 2], 3)).toBe(3);
  });

  it('places every node, keeping the positions the researcher saved', () => {
    const positions = arrangeNetwork(network, { 'code:trust': { x: 5, y: 6 } });
    expect(Object.keys(positions).sort()).toEqual(network.nodes.map((n) => n.id).sort());
    expect(positions['code:trust']).toEqual({ x: 5, y: 6 });
    const distinct = new Set(Object.values(positions).map((p) => `${p.x},${p.y}`));
    expect(distinct.size).toBe(network.nodes.length);
  });
});
