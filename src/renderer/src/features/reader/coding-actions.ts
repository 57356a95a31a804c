import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Coding } from '../../../../shared/domain/model';
import { mutate } from '../../api/use-api';

/** Text the user selected in the reader, in source offsets. */
export interface TextSelection {
  sourceId: string;
  start: number;
  end: number;
  text: string;
}

// Codings this window has just made, so the reader paints them the moment the main process
// answers, before the codings list is fetched again.
let applied: readonly Coding[] = [];
const listeners = new Set<() => void>();
function remember(codings: readonly Coding[]): void {
  applied = [...applied.slice(-200), ...codings];
  listeners.forEach((notify) => notify());
}

/** The codings of `sourceId` made here that `listed` (the codings as last fetched) does not hold yet. */
export function useAppliedCodings(sourceId: string | null, listed: readonly Coding[] | undefined): Coding[] {
  const all = useSyncExternalStore(
    (notify) => {
      listeners.add(notify);
      return () => listeners.delete(notify);
    },
    () => applied,
  );
  // Once the list has been fetched again, what it holds (or no longer holds: an undo) is the truth.
  useEffect(() => {
    applied = [];
  }, [listed]);
  return useMemo(() => {
    const known = new Set((listed ?? []).map((c) => c.id));
    return all.filter((c) => c.sourceId === sourceId && !known.has(c.id));
  }, [all, listed, sourceId]);
}

/** Applies one or more codes to the selection, in one undo step. */
export async function applyCode(selection: TextSelection, codeIds: readonly string[]): Promise<Coding[]> {
  const codings = await mutate('codings.applyCodes', { sourceId: selection.sourceId, codeIds: [...codeIds], start: selection.start, end: selection.end });
  remember(codings);
  return codings;
}

/** "New code from selection": the code is created first, so a failed apply still leaves it in the codebook to retry with. */
export async function createCodeAndApply(selection: TextSelection, name: string): Promise<Coding> {
  const code = await mutate('codes.create', { name });
  const [coding] = await applyCode(selection, [code.id]);
  return coding!;
}

/** In-vivo coding: the selected words name a new code (under `parentId`), which codes them, in one step. */
export async function codeInVivo(selection: TextSelection, parentId: string | null) {
  const result = await mutate('codings.codeInVivo', { sourceId: selection.sourceId, start: selection.start, end: selection.end, parentId });
  remember([result.coding]);
  return result;
}
