// The network display: themes, codes, cases, claims and conclusions as nodes, and what links
// them as edges — a theme groups a code, a code contains a sub-code, two codes co-occur (the
// number of times their codings meet is the edge's weight), a case holds a code's codings,
// a conclusion rests on (or is contradicted by) codings of a code or a claim.
import type { Code, ConclusionStatus } from '../model';
import { codingsMeeting, type CooccurrenceMode, type MatrixCoding, type Region } from './matrix';
import { overlapsAny, mergeSpans, type Span } from './spans';

export const networkNodeKinds = ['theme', 'code', 'case', 'claim', 'conclusion'] as const;
export type NetworkNodeKind = (typeof networkNodeKinds)[number];
export const networkNodeKindLabels: Record<NetworkNodeKind, string> = {
  theme: 'Themes',
  code: 'Codes',
  case: 'Cases',
  claim: 'Claims',
  conclusion: 'Conclusions',
};

export const networkEdgeKinds = ['groups', 'contains', 'cooccurs', 'holds', 'supports', 'contradicts'] as const;
export type NetworkEdgeKind = (typeof networkEdgeKinds)[number];

export interface NetworkNode {
  /** `kind:id`, unique across kinds. */
  id: string;
  kind: NetworkNodeKind;
  label: string;
  color: string | null;
  /** Codings of a code, codes of a theme, members of a case, evidence of a conclusion: sizes the node. */
  weight: number;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  kind: NetworkEdgeKind;
  weight: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface NetworkFacts {
  codes: readonly Code[];
  codings: readonly MatrixCoding[];
  passages: readonly Region[];
  themes: ReadonlyArray<{ id: string; name: string; codeIds: readonly string[] }>;
  cases: ReadonlyArray<{ id: string; name: string; regions: readonly Region[] }>;
  claims: ReadonlyArray<{ id: string; text: string }>;
  conclusions: ReadonlyArray<{
    id: string;
    statement: string;
    status: ConclusionStatus;
    /** Evidence that reaches a code (codings and their summaries) or a claim. */
    evidence: ReadonlyArray<{ stance: 'supports' | 'contradicts'; codeId?: string; claimId?: string }>;
  }>;
}

const short = (text: string, max = 60) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export const nodeId = (kind: NetworkNodeKind, id: string) => `${kind}:${id}`;

/** Builds the whole network; what is shown is narrowed by `showNetwork`. */
export function buildNetwork(facts: NetworkFacts, mode: CooccurrenceMode = 'overlap'): Network {
  const nodes: NetworkNode[] = [];
  const edges = new Map<string, NetworkEdge>();
  const link = (kind: NetworkEdgeKind, source: string, target: string, weight = 1) => {
    // Co-occurrence is symmetric: one edge per pair, however the pair is met.
    const [a, b] = kind === 'cooccurs' && target < source ? [target, source] : [source, target];
    const id = `${kind}|${a}|${b}`;
    const edge = edges.get(id);
    if (edge) edge.weight += weight;
    else edges.set(id, { id, source: a, target: b, kind, weight });
  };
  const codeIds = new Set(facts.codes.map((c) => c.id));
  const codingsOf = new Map<string, number>();
  for (const coding of facts.codings) codingsOf.set(coding.codeId, (codingsOf.get(coding.codeId) ?? 0) + 1);

  for (const theme of facts.themes) {
    const members = theme.codeIds.filter((id) => codeIds.has(id));
    nodes.push({ id: nodeId('theme', theme.id), kind: 'theme', label: theme.name, color: null, weight: members.length });
    for (const code of members) link('groups', nodeId('theme', theme.id), nodeId('code', code));
  }
  for (const code of facts.codes) {
    nodes.push({ id: nodeId('code', code.id), kind: 'code', label: code.name, color: code.color, weight: codingsOf.get(code.id) ?? 0 });
    if (code.parentId !== null && codeIds.has(code.parentId)) link('contains', nodeId('code', code.parentId), nodeId('code', code.id));
  }

  // Co-occurrence, counted by pair of codes first and linked once per pair, in the order pairs first meet.
  const meeting = codingsMeeting(facts.codings, mode, facts.passages);
  const pairs = new Map<string, { a: string; b: string; weight: number }>();
  let from = 0;
  while (from < meeting.length) {
    let to = from;
    while (to < meeting.length && meeting[to]!.sourceId === meeting[from]!.sourceId) to++;
    for (let i = from; i < to; i++) {
      const end = meeting[i]!.end;
      for (let j = i + 1; j < to && meeting[j]!.start < end; j++) {
        const [a, b] = [meeting[i]!.codeId, meeting[j]!.codeId].sort();
        if (a === b) continue;
        const key = `${a}|${b}`;
        const pair = pairs.get(key);
        if (pair) pair.weight++;
        else pairs.set(key, { a: a!, b: b!, weight: 1 });
      }
    }
    from = to;
  }
  for (const { a, b, weight } of pairs.values()) link('cooccurs', nodeId('code', a), nodeId('code', b), weight);

  const codingsInSource = new Map<string, MatrixCoding[]>();
  for (const coding of facts.codings) {
    const list = codingsInSource.get(coding.sourceId);
    if (list) list.push(coding);
    else codingsInSource.set(coding.sourceId, [coding]);
  }
  for (const c of facts.cases) {
    nodes.push({ id: nodeId('case', c.id), kind: 'case', label: c.name, color: null, weight: c.regions.length });
    const regions = new Map<string, Span[]>();
    for (const r of c.regions) regions.set(r.sourceId, [...(regions.get(r.sourceId) ?? []), r]);
    for (const [id, spans] of regions) regions.set(id, mergeSpans(spans));
    // How many codings of each code the case holds, in the order its codes first come.
    const held = new Map<string, number>();
    for (const [sourceId, spans] of regions) {
      for (const coding of codingsInSource.get(sourceId) ?? []) {
        if (overlapsAny(coding, spans)) held.set(coding.codeId, (held.get(coding.codeId) ?? 0) + 1);
      }
    }
    for (const [codeId, weight] of held) link('holds', nodeId('case', c.id), nodeId('code', codeId), weight);
  }

  const claimIds = new Set(facts.claims.map((c) => c.id));
  for (const claim of facts.claims) nodes.push({ id: nodeId('claim', claim.id), kind: 'claim', label: short(claim.text), color: null, weight: 1 });
  for (const conclusion of facts.conclusions) {
    nodes.push({ id: nodeId('conclusion', conclusion.id), kind: 'conclusion', label: short(conclusion.statement), color: null, weight: conclusion.evidence.length });
    for (const e of conclusion.evidence) {
      if (e.codeId && codeIds.has(e.codeId)) link(e.stance, nodeId('conclusion', conclusion.id), nodeId('code', e.codeId));
      if (e.claimId && claimIds.has(e.claimId)) link(e.stance, nodeId('conclusion', conclusion.id), nodeId('claim', e.claimId));
    }
  }
  return { nodes, edges: [...edges.values()] };
}

/** What a network display shows. */
export interface NetworkFilter {
  kinds: NetworkNodeKind[];
  /**
   * Counted links (two codes co-occurring, a case holding a code's codings) weaker than this are
   * hidden; null leaves the choice to `showNetwork`, which keeps the strongest `readableLinks`.
   */
  minWeight: number | null;
  /** Nodes left with no edge are hidden. */
  hideIsolated: boolean;
}

export const defaultNetworkFilter: NetworkFilter = { kinds: [...networkNodeKinds], minWeight: null, hideIsolated: false };

/** Links whose weight counts codings: how often two codes meet, how many of a code's codings a case holds. */
export const isCounted = (edge: NetworkEdge) => edge.kind === 'cooccurs' || edge.kind === 'holds';

/**
 * How many counted links a network shows when the researcher has not chosen a strength: enough
 * to see its structure, few enough to read it (and to draw it at once). 300 codes in 60 cases
 * over 20,000 codings make over 20,000 links, mostly of one or two codings, which hide the
 * strong ones and took Cytoscape four seconds to draw.
 */
export const readableLinks = 600;

/** A network as a display shows it: its filter applied, and what that left out. */
export interface ShownNetwork extends Network {
  /** The strength a counted link needs to be shown: the one chosen, or the one `readableLinks` made. */
  minWeight: number;
  /** Counted links between nodes shown: how many are shown, of how many. */
  counted: { shown: number; of: number };
}

/** Applies a display's filter: the kinds of node, the strength of counted links (chosen, or the strongest), unlinked nodes. */
export function showNetwork(network: Network, filter: NetworkFilter): ShownNetwork {
  const kinds = new Set(filter.kinds);
  const kept = new Set(network.nodes.filter((n) => kinds.has(n.kind)).map((n) => n.id));
  const between = network.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
  const weights = between.filter(isCounted).map((e) => e.weight);
  const minWeight = filter.minWeight ?? strongest(weights, readableLinks);
  const edges = between.filter((e) => !isCounted(e) || e.weight >= minWeight);
  const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = network.nodes.filter((n) => kept.has(n.id) && (!filter.hideIsolated || linked.has(n.id)));
  return { nodes, edges, minWeight, counted: { shown: edges.filter(isCounted).length, of: weights.length } };
}

/** The lowest strength that leaves at most `most` of these weights (1 when all of them fit). */
export function strongest(weights: readonly number[], most: number): number {
  if (weights.length <= most) return 1;
  const sorted = [...weights].sort((a, b) => b - a);
  // Links as strong as the last one kept would let more than `most` through: the cut rises above them.
  const cut = sorted[most - 1]!;
  return sorted[most]! < cut ? cut : cut + 1;
}

/** Where a network's nodes sit, by node id; saved with the display. */
export type NetworkPositions = Record<string, { x: number; y: number }>;

/**
 * A first arrangement before the researcher moves anything: each kind on a ring of its own,
 * themes innermost, then codes, cases, claims and conclusions, so the kinds read apart. Saved
 * positions are kept; only nodes without one are placed.
 */
export function arrangeNetwork(network: Network, saved: NetworkPositions = {}): NetworkPositions {
  const positions: NetworkPositions = {};
  let radius = 0;
  for (const kind of networkNodeKinds) {
    const ring = network.nodes.filter((n) => n.kind === kind);
    if (ring.length === 0) continue;
    // Rings far enough apart, and long enough that neighbours keep ~70 units between them.
    radius = Math.max(radius + 160, (ring.length * 70) / (2 * Math.PI));
    ring.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / ring.length - Math.PI / 2;
      positions[node.id] = saved[node.id] ?? { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
    });
  }
  return positions;
}
