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

// Codings this window is making or has just made, so the reader paints a coding the moment
// it is asked for (taking it away again, with the error, if the main process refuses it) and
// keeps it until the codings list is fetched again.
let applied: readonly Coding[] = [];
const listeners = new Set<() => void>();
function remember(codings: readonly Coding[], replacing: readonly Coding[] = []): void {
  const gone = new Set(replacing.map((c) => c.id));
  applied = [...applied.filter((c) => !gone.has(c.id)).slice(-200), ...codings];
  listeners.forEach((notify) => notify());
}
let pendingIds = 0;

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
  const { sourceId, start, end } = selection;
  const pending = [...new Set(codeIds)].map((codeId): Coding => ({ id: `pending-${++pendingIds}`, sourceId, codeId, start, end, coder: '', createdAt: '', summary: '' }));
  remember(pending);
  try {
    const codings = await mutate('codings.applyCodes', { sourceId, codeIds: [...codeIds], start, end });
    remember(codings, pending);
    return codings;
  } catch (error) {
    remember([], pending);
    throw error;
  }
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
