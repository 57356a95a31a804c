import type { Code } from './model';

export interface CodeNode {
  code: Code;
  depth: number;
  children: CodeNode[];
}

const byPosition = (a: Code, b: Code): number => a.position - b.position || a.name.localeCompare(b.name);

/** The codebook as a forest; a code whose parent is missing is shown at the top level rather than lost. */
export function buildCodeTree(codes: readonly Code[]): CodeNode[] {
  const ids = new Set(codes.map((c) => c.id));
  const childrenOf = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), code]);
  }
  const grow = (parent: string | null, depth: number): CodeNode[] =>
    (childrenOf.get(parent) ?? []).sort(byPosition).map((code) => ({ code, depth, children: grow(code.id, depth + 1) }));
  return grow(null, 0);
}

/** The nodes a reader of the tree sees, in order: children of collapsed nodes are skipped. */
export function visibleNodes(tree: readonly CodeNode[], collapsed: ReadonlySet<string>): CodeNode[] {
  return tree.flatMap((node) => [node, ...(collapsed.has(node.code.id) ? [] : visibleNodes(node.children, collapsed))]);
}

/** Every code in tree order, for selects and tables that show the codebook's shape. */
export function allNodes(tree: readonly CodeNode[]): CodeNode[] {
  return visibleNodes(tree, new Set());
}

/** The code and everything nested under it: none of these can become its parent. */
export function subtreeIds(codes: readonly Code[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of codes) {
      if (code.parentId !== null && result.has(code.parentId) && !result.has(code.id)) {
        result.add(code.id);
        grew = true;
      }
    }
  }
  return result;
}

/** "Parent › Child", so codes with the same name under different parents can be told apart. */
export function codePath(codes: readonly Code[], id: string): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let code = byId.get(id); code && !seen.has(code.id); code = code.parentId ? byId.get(code.parentId) : undefined) {
    seen.add(code.id);
    names.unshift(code.name);
  }
  return names.join(' › ');
}

/** Every code's path at once ("Parent › Child"), for lists of many codes. */
export function codePaths(codes: readonly Code[]): Map<string, string> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const paths = new Map<string, string>();
  const pathOf = (code: Code, seen: Set<string>): string => {
    const known = paths.get(code.id);
    if (known !== undefined) return known;
    const parent = code.parentId ? byId.get(code.parentId) : undefined;
    const path = parent && !seen.has(parent.id) ? `${pathOf(parent, seen.add(code.id))} › ${code.name}` : code.name;
    paths.set(code.id, path);
    return path;
  };
  for (const code of codes) pathOf(code, new Set());
  return paths;
}

/**
 * Codes whose name or path contains the query (case-insensitive), names that start with it
 * first, then tree order: typing the first letters of a code puts it on top.
 */
export function filterCodes(codes: readonly Code[], query: string): Code[] {
  const ordered = allNodes(buildCodeTree(codes)).map((n) => n.code);
  const q = query.trim().toLocaleLowerCase();
  if (!q) return ordered;
  const paths = codePaths(codes);
  const rank = (code: Code): number => {
    const name = code.name.toLocaleLowerCase();
    if (name.startsWith(q)) return 0;
    if (name.includes(q)) return 1;
    return paths.get(code.id)!.toLocaleLowerCase().includes(q) ? 2 : -1;
  };
  return ordered
    .map((code, index) => ({ code, index, rank: rank(code) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.code);
}

/** Each code's codings together with all its sub-codes' (a parent's aggregated count). */
export function aggregatedCounts(tree: readonly CodeNode[]): Map<string, number> {
  const totals = new Map<string, number>();
  const sum = (node: CodeNode): number => {
    const total = node.code.codingCount + node.children.reduce((acc, child) => acc + sum(child), 0);
    totals.set(node.code.id, total);
    return total;
  };
  tree.forEach(sum);
  return totals;
}

/**
 * The nodes to show for a filter: every code whose name holds the query (case-insensitive),
 * with the codes above it so it is seen in its place; all visible nodes when the query is empty.
 * `matches` holds the codes that matched themselves.
 */
export function filterTree(tree: readonly CodeNode[], collapsed: ReadonlySet<string>, query: string): { nodes: CodeNode[]; matches: Set<string> } {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return { nodes: visibleNodes(tree, collapsed), matches: new Set() };
  const matches = new Set<string>();
  const nodes: CodeNode[] = [];
  const visit = (node: CodeNode): boolean => {
    const self = node.code.name.toLocaleLowerCase().includes(q);
    if (self) matches.add(node.code.id);
    const at = nodes.length;
    nodes.push(node);
    let below = false;
    for (const child of node.children) below = visit(child) || below;
    if (!self && !below) nodes.length = at;
    return self || below;
  };
  tree.forEach(visit);
  return { nodes, matches };
}
