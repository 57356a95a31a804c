// Files imported together share a batch id the caller chooses, so that one call can stop all of
// them: those still waiting for a worker or being read stop at once, those already saved stay.

interface Batch {
  controller: AbortController;
  pending: number;
}

const batches = new Map<string, Batch>();

/** Counts an import as pending in its batch until `leave` is called; its signal aborts when the batch is cancelled. */
export function joinBatch(id: string): { signal: AbortSignal; leave(): void } {
  let batch = batches.get(id);
  if (!batch || batch.controller.signal.aborted) {
    batch = { controller: new AbortController(), pending: 0 };
    batches.set(id, batch);
  }
  const joined = batch;
  joined.pending++;
  return {
    signal: joined.controller.signal,
    leave: () => {
      if (--joined.pending === 0 && batches.get(id) === joined) batches.delete(id);
    },
  };
}

/** Stops the batch's pending imports; answers how many there were. */
export function cancelBatch(id: string): number {
  const batch = batches.get(id);
  if (!batch) return 0;
  batches.delete(id);
  batch.controller.abort();
  return batch.pending;
}
