import type { CodeMatrix } from '../model';

/** Code × source counts: one row per code in codebook order, one column per source, zero where a code is not used. */
export function codeMatrix(
  sources: ReadonlyArray<{ id: string; title: string }>,
  codeIds: readonly string[],
  counts: ReadonlyArray<{ codeId: string; sourceId: string; n: number }>,
): CodeMatrix {
  const column = new Map(sources.map((s, i) => [s.id, i]));
  const rows = new Map(codeIds.map((id) => [id, new Array<number>(sources.length).fill(0)]));
  for (const { codeId, sourceId, n } of counts) {
    const row = rows.get(codeId);
    const index = column.get(sourceId);
    if (row && index !== undefined) row[index] = n;
  }
  return { sources: sources.map(({ id, title }) => ({ id, title })), rows: codeIds.map((codeId) => ({ codeId, counts: rows.get(codeId)! })) };
}
