import { useEffect, useState, useSyncExternalStore } from 'react';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/api/contract';
import { topics as allTopics, type Topic } from '../../../shared/api/method';
import { ApiError, api } from './client';

// Queries re-run only when something they read changes. Each method declares in the contract
// the topics it reads (a query) or touches (a change); after a change, the topics it touched
// get a new revision and only the queries reading one of them fetch again. The main process
// announces every change (project.changed), so changes made elsewhere — an undo, another
// window — refresh the same way; a change this window made itself is refreshed once its
// answer arrives (after the next frame: see invalidate), and its announcement, when it comes,
// is not acted on twice.

const revisions = new Map<Topic, number>();
let clock = 0;
const subscribers = new Set<() => void>();

const pendingTopics = new Set<Topic>();

/**
 * Marks topics changed: every query reading one of them fetches again. The refresh waits for
 * the next frame to be drawn (or 100 ms, in a window that draws none): a change's own result,
 * such as a coding painted the moment it is applied, reaches the screen first, and the
 * refetching and re-rendering it sets off (counts, lists, every coding of the source) come
 * after it rather than in the way of it. Topics marked before the refresh runs are refreshed
 * together.
 */
export function invalidate(changed: readonly Topic[] = allTopics): void {
  const idle = pendingTopics.size === 0;
  for (const topic of changed) pendingTopics.add(topic);
  if (!idle) return;
  const fallback = setTimeout(refresh, 100);
  requestAnimationFrame(() =>
    setTimeout(() => {
      clearTimeout(fallback);
      refresh();
    }, 0),
  );
}

/**
 * Whether a topic `method` reads is marked changed and its refresh not yet run: a query counts
 * as loading from the moment its data is known to be stale, as it did when refreshes ran at
 * once (a source just pasted and opened is not taken for a missing one meanwhile).
 */
function refreshDue(method: MethodName): boolean {
  if (pendingTopics.size === 0) return false;
  const spec = contract[method];
  const read = spec.kind === 'read' ? spec.reads : allTopics;
  return read.some((topic) => pendingTopics.has(topic));
}

function refresh(): void {
  if (pendingTopics.size === 0) return;
  clock++;
  for (const topic of pendingTopics) revisions.set(topic, clock);
  pendingTopics.clear();
  subscribers.forEach((notify) => notify());
}

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

/** The newest revision among the topics a method reads: a query's data is stale when this moves. */
function revisionOf(method: MethodName): number {
  const spec = contract[method];
  const read = spec.kind === 'read' ? spec.reads : allTopics;
  let newest = 0;
  for (const topic of read) newest = Math.max(newest, revisions.get(topic) ?? 0);
  return newest;
}

/** Announcements this window expects for changes it already refreshed, by topic set; they expire, since a change that changed nothing announces nothing. */
const echoes: Array<{ key: string; until: number }> = [];
const topicKey = (list: readonly Topic[]) => [...new Set(list)].sort().join(',');

function expectEcho(touched: readonly Topic[]): void {
  echoes.push({ key: topicKey(touched), until: Date.now() + 2000 });
}

api.on('project.changed', ({ topics }) => {
  const now = Date.now();
  while (echoes.length && echoes[0]!.until < now) echoes.shift();
  const own = echoes.findIndex((e) => e.key === topicKey(topics));
  if (own >= 0) echoes.splice(own, 1);
  else invalidate(topics);
});
api.on('project.opened', () => invalidate());

/** A sentence for the user: the message an ApiError carries, never a stack or raw JSON. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong. Try again.';
}

/**
 * Calls in flight, by query: hooks reading the same query at the same revision share one call
 * and one answer. Several views read sources.list or codes.list at once; each fetching its
 * own copy made one coding applied cost 16 calls and as many renders, where 8 do.
 */
const inFlight = new Map<string, { revision: number; answer: Promise<unknown> }>();

function sharedCall<M extends MethodName>(method: M, key: string, revision: number): Promise<MethodOutput<M>> {
  // Each call starts in a task of its own: in browser mode a fetch costs a millisecond or two of
  // the main thread, and the eight queries one applied code refreshes, started in one task,
  // held the next frame back by 10-16 ms.
  const pending = inFlight.get(key);
  if (pending?.revision === revision) return pending.answer as Promise<MethodOutput<M>>;
  const input = JSON.parse(key.slice(method.length + 1)) as MethodInput<M>;
  const answer = new Promise<MethodOutput<M>>((resolve, reject) => setTimeout(() => api.call(method, input).then(resolve, reject), 0));
  const entry = { revision, answer };
  inFlight.set(key, entry);
  const settled = () => {
    if (inFlight.get(key) === entry) inFlight.delete(key);
  };
  answer.then(settled, settled);
  return answer;
}

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  /** The error itself, for views that act on its code or details. */
  failure: ApiError | null;
  loading: boolean;
}

interface Answer {
  key: string;
  revision: number;
  data: unknown;
  error: string | null;
  failure: ApiError | null;
}

/**
 * Calls `method` with `input` and calls it again whenever a topic it reads changes; pass null
 * to skip the call (for example while nothing is selected). Data from an earlier revision is
 * kept while the new answer loads, so views do not flicker after each edit.
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null): Query<MethodOutput<M>> {
  const current = useSyncExternalStore(subscribe, () => revisionOf(method));
  const key = input === null ? '' : `${method}:${JSON.stringify(input)}`;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!key) return;
    let stale = false;
    sharedCall(method, key, current).then(
      (data) => !stale && setAnswer({ key, revision: current, data, error: null, failure: null }),
      (error: unknown) =>
        !stale && setAnswer({ key, revision: current, data: undefined, error: errorMessage(error), failure: error instanceof ApiError ? error : null }),
    );
    return () => {
      stale = true;
    };
  }, [method, key, current]);

  if (!key || answer?.key !== key) return { data: undefined, error: null, failure: null, loading: Boolean(key) };
  return { data: answer.data as MethodOutput<M>, error: answer.error, failure: answer.failure, loading: answer.revision !== current || refreshDue(method) };
}

/**
 * Calls a method that changes the project, then refreshes what it touched (everything, for a
 * control such as opening a project). Throws ApiError on failure.
 */
export async function mutate<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const output = await api.call(method, input);
  const spec = contract[method];
  if (spec.kind === 'change') {
    const touched: Topic[] = [...spec.touches, 'history'];
    expectEcho(touched);
    invalidate(touched);
  } else if (spec.kind === 'control') {
    invalidate();
  }
  return output;
}

/** Undoes or redoes one step and refreshes what it touched; null when there was nothing to do. */
export async function walkHistory(direction: 'undo' | 'redo'): Promise<MethodOutput<'history.undo'>> {
  const step = await api.call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
  if (step) {
    const touched: Topic[] = [...step.touches, 'history'];
    expectEcho(touched);
    invalidate(touched);
  }
  return step;
}
