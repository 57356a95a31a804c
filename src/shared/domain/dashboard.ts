// Where the project stands: how many sources each stage holds, what is left to code, and the
// conclusions by status.
import { conclusionStatuses, stages, type ConclusionStatus, type Stage } from './model';
import { mergeSpans, spansLength, type Span } from './display/spans';

export interface SourceProgress {
  id: string;
  title: string;
  stage: Stage;
  codings: number;
  /** The share of its characters under at least one coding, 0–1. */
  codedShare: number;
}

export interface Dashboard {
  stages: Record<Stage, number>;
  /** Every source, the least coded first: what is left to code. */
  sources: SourceProgress[];
  conclusions: Record<ConclusionStatus, number>;
  /** Verification tactics checked off, over all conclusions, of 13 each. */
  tactics: { done: number; total: number };
  counts: { codes: number; codings: number; memos: number; displays: number };
}

/** The share of a text of `length` characters that `spans` cover, overlaps counted once. */
export function codedShare(spans: readonly Span[], length: number): number {
  return length > 0 ? Math.min(1, spansLength(mergeSpans(spans)) / length) : 0;
}

export function buildDashboard(facts: {
  sources: ReadonlyArray<{ id: string; title: string; stage: Stage; length: number }>;
  codings: ReadonlyArray<Span & { sourceId: string }>;
  conclusionStatuses: readonly ConclusionStatus[];
  tacticsDone: number;
  counts: Dashboard['counts'];
}): Dashboard {
  const spansOf = new Map<string, Span[]>();
  for (const c of facts.codings) spansOf.set(c.sourceId, [...(spansOf.get(c.sourceId) ?? []), c]);
  const sources = facts.sources
    .map((s) => ({ id: s.id, title: s.title, stage: s.stage, codings: spansOf.get(s.id)?.length ?? 0, codedShare: codedShare(spansOf.get(s.id) ?? [], s.length) }))
    .sort((a, b) => a.codedShare - b.codedShare || a.codings - b.codings || a.title.localeCompare(b.title));
  const count = <K extends string>(keys: readonly K[], values: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<K, number>;
  return {
    stages: count(stages, facts.sources.map((s) => s.stage)),
    sources,
    conclusions: count(conclusionStatuses, facts.conclusionStatuses),
    tactics: { done: facts.tacticsDone, total: facts.conclusionStatuses.length * 13 },
    counts: facts.counts,
  };
}
