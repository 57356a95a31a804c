import { useSyncExternalStore } from 'react';
import type { SourceSummary } from '../../../shared/domain/model';
import { api, ApiError } from '../api/client';
import { errorMessage, mutate } from '../api/use-api';
import { readAsBase64 } from '../lib/files';
import { announce, dropTask } from './status';

// Imports of many files at once, from the file dialog or dropped on the window: one batch at a
// time, each file imported (and undoable) on its own, so one broken file costs only itself.
// Several files are read at once, so a folder of PDFs keeps every core's parser busy; the batch
// can be cancelled, keeping what was saved. Files dropped while a batch runs join it. Any view,
// and the status bar, can show the batch.

export const importableExtensions = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf'];

export interface ImportOutcome {
  name: string;
  ok: boolean;
  /** The source made, when it worked; why not, when it did not. */
  message: string;
  sourceId?: string;
  /** Not imported because the batch was cancelled. */
  cancelled?: boolean;
}

export interface ImportBatch {
  /** Names the batch to the main process, which cancels its imports together. */
  id: string;
  /** Files of the batch, done or not. */
  total: number;
  done: number;
  /** The files being read now. */
  reading: string[];
  outcomes: ImportOutcome[];
  running: boolean;
  cancelling: boolean;
}

/** Files read at once: two per core, so a parser always has the next file while the last one is saved. */
const IN_FLIGHT = Math.min(8, 2 * Math.max(1, navigator.hardwareConcurrency || 2));

let batch: ImportBatch | null = null;
const queue: File[] = [];
const subscribers = new Set<() => void>();
let onFirstImport: ((source: SourceSummary) => void) | null = null;

function set(next: ImportBatch | null): void {
  batch = next;
  subscribers.forEach((notify) => notify());
}

/** "Imported 3 files; 1 could not be imported." — and how many a cancel left out. */
export function summarise(outcomes: readonly ImportOutcome[]): string {
  const cancelled = outcomes.filter((o) => o.cancelled).length;
  const failed = outcomes.filter((o) => !o.ok && !o.cancelled).length;
  const imported = outcomes.length - failed - cancelled;
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const left = cancelled > 0 ? ` Cancelled before ${files(cancelled)} ${cancelled === 1 ? 'was' : 'were'} imported.` : '';
  if (failed === 0) return `Imported ${files(imported)}.${left}`;
  if (imported === 0 && cancelled === 0) return `Could not import ${failed === 1 ? 'the file' : `any of the ${files(failed)}`}.`;
  return `Imported ${files(imported)}; ${failed} could not be imported.${left}`;
}

const cancelledOutcome = (name: string): ImportOutcome => ({ name, ok: false, message: 'Cancelled.', cancelled: true });

/** Records a file's outcome; `reading` loses it, and the status bar its own progress. */
function finish(name: string, outcome: ImportOutcome): void {
  dropTask(`import:${name}`);
  const reading = [...batch!.reading];
  reading.splice(reading.indexOf(name), 1);
  set({ ...batch!, reading, done: batch!.done + 1, outcomes: [...batch!.outcomes, outcome] });
}

/** One lane of the batch: imports queued files one after another until none is left. */
async function lane(id: string): Promise<void> {
  for (let file = queue.shift(); file; file = queue.shift()) {
    set({ ...batch!, reading: [...batch!.reading, file.name] });
    try {
      const summary = await mutate('sources.import', { fileName: file.name, dataBase64: await readAsBase64(file), batch: id });
      finish(file.name, { name: file.name, ok: true, message: `Imported as “${summary.title}” (${summary.kind}).`, sourceId: summary.id });
      const opened = onFirstImport;
      onFirstImport = null;
      opened?.(summary);
    } catch (error) {
      const cancelled = error instanceof ApiError && error.code === 'CANCELLED';
      finish(file.name, cancelled ? cancelledOutcome(file.name) : { name: file.name, ok: false, message: errorMessage(error) });
    }
  }
}

let lanes = 0;

/** Starts lanes for queued files, up to IN_FLIGHT at once; the batch ends with its last lane. */
function fillLanes(id: string): void {
  // A lane takes its first file at once, so the queue shrinks as lanes start.
  while (lanes < IN_FLIGHT && queue.length > 0) {
    lanes++;
    void lane(id).finally(() => {
      if (--lanes > 0) return;
      set({ ...batch!, reading: [], running: false, cancelling: false });
      announce(summarise(batch!.outcomes));
    });
  }
}

/** Stops the batch: files not yet read are left out, and those being read are stopped; what was saved stays. */
export function cancelImports(): void {
  if (!batch?.running || batch.cancelling) return;
  const left = queue.splice(0);
  set({
    ...batch,
    cancelling: true,
    done: batch.done + left.length,
    outcomes: [...batch.outcomes, ...left.map((file) => cancelledOutcome(file.name))],
  });
  void api.call('sources.cancelImport', { batch: batch.id }).catch(() => undefined);
}

/**
 * Imports files one after another, each its own undo step; `opened` is told of the first
 * source made, so the reader can show it. Files dropped while a batch runs join it.
 */
export function importFiles(files: readonly File[], opened?: (source: SourceSummary) => void): void {
  if (files.length === 0) return;
  queue.push(...files);
  if (batch?.running) {
    set({ ...batch, total: batch.total + files.length });
    fillLanes(batch.id);
    return;
  }
  onFirstImport = opened ?? null;
  set({ id: crypto.randomUUID(), total: files.length, done: 0, reading: [], outcomes: [], running: true, cancelling: false });
  fillLanes(batch!.id);
}

/** Puts the last batch's summary away. */
export function dismissImports(): void {
  if (!batch?.running) set(null);
}

export function useImports(): ImportBatch | null {
  return useSyncExternalStore(
    (notify) => {
      subscribers.add(notify);
      return () => subscribers.delete(notify);
    },
    () => batch,
  );
}

let chooser: { current: HTMLInputElement | null } | null = null;

/** Makes `input` the file input that the Import sources command opens; the returned function undoes it. */
export function registerFileChooser(input: { current: HTMLInputElement | null }): () => void {
  chooser = input;
  return () => {
    if (chooser === input) chooser = null;
  };
}

/**
 * Opens the file dialog of the mounted import button; false when none is mounted. A browser
 * shows a file dialog only in answer to a key or a click: asked by anything else (the desktop
 * app's menu), it focuses the button and says so instead.
 */
export function chooseFiles(): boolean {
  const input = chooser?.current;
  if (!input) return false;
  if (navigator.userActivation?.isActive === false) {
    input.focus();
    announce('Press Space to choose the files to import.');
    return true;
  }
  input.click();
  return true;
}
