import { useEffect, useState, useSyncExternalStore } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { ApiError, api } from './client';

// Every query re-runs when the project changes: after any mutation made through `mutate`,
// and when the main process says something changed behind the UI's back. The project is
// local and small enough that re-reading beats keeping a cache coherent by hand.
let revision = 0;
const subscribers = new Set<() => void>();

export function invalidate(): void {
  revision++;
  subscribers.forEach((notify) => notify());
}

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

api.on('project.changed', invalidate);

/** A sentence for the user: the message an ApiError carries, never a stack or raw JSON. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong. Try again.';
}

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

interface Answer {
  key: string;
  revision: number;
  data: unknown;
  error: string | null;
}

/**
 * Calls `method` with `input` and re-calls it whenever the project changes; pass null to
 * skip the call (for example while nothing is selected). Data from an earlier revision is
 * kept while the new answer loads, so views do not flicker after each edit.
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): Query<MethodOutput<M>> {
  const current = useSyncExternalStore(subscribe, () => revision);
  const key = input === null ? '' : `${method}:${JSON.stringify(input)}`;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!key) return;
    let stale = false;
    const parsed = JSON.parse(key.slice(method.length + 1)) as MethodInput<M>;
    api.call(method, parsed).then(
      (data) => !stale && setAnswer({ key, revision: current, data, error: null }),
      (error: unknown) => !stale && setAnswer({ key, revision: current, data: undefined, error: errorMessage(error) }),
    );
    return () => {
      stale = true;
    };
  }, [method, key, current]);

  if (!key || answer?.key !== key) return { data: undefined, error: null, loading: Boolean(key) };
  return { data: answer.data as MethodOutput<M>, error: answer.error, loading: answer.revision !== current };
}

/** Calls a method that changes the project, then refreshes every query. Throws ApiError on failure. */
export async function mutate<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const output = await api.call(method, input);
  invalidate();
  return output;
}
