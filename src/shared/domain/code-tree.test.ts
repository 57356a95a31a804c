import { describe, expect, it } from 'vitest';
import type { Code } from './model';
import { aggregatedCounts, allNodes, buildCodeTree, codePath, codePaths, filterCodes, filterTree, subtreeIds, visibleNodes } from './code-tree';

const code = (id: string, name: string, parentId: string | null = null, position = 0): Code => ({
  id,
  name,
  parentId,
  position,
  color: '#4e79a7',
  definition: '',
  inclusion: '',
  exclusion: '',
  example: '',
  shortcut: null,
  codingCount: 0,
});

const codes = [
  code('trade', 'Trade', null, 1),
  code('policy', 'Policy', null, 0),
  code('tariffs', 'Tariffs', 'trade', 0),
  code('platforms', 'Platforms', 'trade', 1),
  code('fees', 'Platform fees', 'platforms', 0),
  code('orphan', 'Orphan', 'gone', 5),
];

describe('buildCodeTree', () => {
  it('nests codes under their parents, ordered by position', () => {
    const tree = buildCodeTree(codes);
    expect(tree.map((n) => n.code.id)).toEqual(['policy', 'trade', 'orphan']);
    expect(allNodes(tree).map((n) => `${n.depth}:${n.code.id}`)).toEqual([
      '0:policy',
      '0:trade',
      '1:tariffs',
      '1:platforms',
      '2:fees',
      '0:orphan',
    ]);
  });

  it('hides the children of collapsed codes', () => {
    const visible = visibleNodes(buildCodeTree(codes), new Set(['platforms']));
    expect(visible.map((n) => n.code.id)).not.toContain('fees');
    expect(visible.map((n) => n.code.id)).toContain('platforms');
  });
});

describe('subtreeIds and codePath', () => {
  it('collects a code and all its descendants', () => {
    expect([...subtreeIds(codes, 'trade')].sort()).toEqual(['fees', 'platforms', 'tariffs', 'trade']);
    expect([...subtreeIds(codes, 'policy')]).toEqual(['policy']);
  });

  it('names a code by its path', () => {
    expect(codePath(codes, 'fees')).toBe('Trade › Platforms › Platform fees');
    expect(codePath(codes, 'missing')).toBe('');
  });
});

describe('filterCodes', () => {
  it('puts names that start with the query first', () => {
    expect(filterCodes(codes, 'plat').map((c) => c.id)).toEqual(['platforms', 'fees']);
    expect(filterCodes(codes, 'fees').map((c) => c.id)).toEqual(['fees']);
    expect(filterCodes(codes, 'ic').map((c) => c.id)).toEqual(['policy']);
  });

  it('matches on the parent path too', () => {
    expect(filterCodes(codes, 'trade').map((c) => c.id)).toEqual(['trade', 'tariffs', 'platforms', 'fees']);
  });

  it('returns every code in tree order for an empty query', () => {
    expect(filterCodes(codes, '  ')).toHaveLength(codes.length);
  });
});

describe('all code paths at once', () => {
  it('agrees with codePath for every code, and survives a cycle', () => {
    const codes = [code('a', 'Barriers'), code('b', 'Costs', 'a'), code('c', 'Postage', 'b'), code('d', 'Trust')];
    const paths = codePaths(codes);
    for (const c of codes) expect(paths.get(c.id)).toBe(codePath(codes, c.id));
    const loop = codePaths([code('x', 'X', 'y'), code('y', 'Y', 'x')]);
    expect(loop.size).toBe(2);
  });
});

describe('aggregated counts and filtering the tree', () => {
  const withCount = (c: ReturnType<typeof code>, codingCount: number) => ({ ...c, codingCount });
  const codes = [withCount(code('a', 'Barriers'), 1), withCount(code('b', 'Costs', 'a'), 2), withCount(code('c', 'Postage', 'b'), 4), withCount(code('d', 'Trust'), 8)];

  it("counts a parent's own codings and its sub-codes'", () => {
    expect(Object.fromEntries(aggregatedCounts(buildCodeTree(codes)))).toEqual({ a: 7, b: 6, c: 4, d: 8 });
  });

  it('shows matching codes with the codes above them, ignoring collapsed parents', () => {
    const tree = buildCodeTree(codes);
    const { nodes, matches } = filterTree(tree, new Set(['a']), 'POST');
    expect(nodes.map((n) => n.code.name)).toEqual(['Barriers', 'Costs', 'Postage']);
    expect([...matches]).toEqual(['c']);
    expect(filterTree(tree, new Set(['a']), ' ').nodes.map((n) => n.code.name)).toEqual(['Barriers', 'Trust']);
    expect(filterTree(tree, new Set(), 'zzz').nodes).toEqual([]);
  });
});
