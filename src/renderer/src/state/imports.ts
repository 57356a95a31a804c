import { useSyncExternalStore } from 'react';
import type { SourceSummary } from '../../../shared/domain/model';
import { errorMessage, mutate } from '../api/use-api';
import { readAsBase64 } from '../lib/files';
import { announce, dropTask } from './status';

// Imports of many files at once, from the file dialog or dropped on the window: one batch at a
// time, each file imported (and undoable) on its own, so one broken file costs only itself.
// Files dropped while a batch runs join it. Any view, and the status bar, can show the batch.

export const importableExtensions = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.docx', '.pdf'];

export interface ImportOutcome {
  name: string;
  ok: boolean;
  /** The source made, when it worked; why not, when it did not. */
  message: string;
  sourceId?: string;
}

export interface ImportBatch {
  /** Files of the batch, done or not. */
  total: number;
  done: number;
  /** The file being read now. */
  current: string | null;
  outcomes: ImportOutcome[];
  running: boolean;
}

let batch: ImportBatch | null = null;
const queue: File[] = [];
const subscribers = new Set<() => void>();
let onFirstImport: ((source: SourceSummary) => void) | null = null;

function set(next: ImportBatch | null): void {
  batch = next;
  subscribers.forEach((notify) => notify());
}

/** "Imported 3 files; 1 could not be imported." */
export function summarise(outcomes: readonly ImportOutcome[]): string {
  const failed = outcomes.filter((o) => !o.ok).length;
  const imported = outcomes.length - failed;
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;
  if (failed === 0) return `Imported ${files(imported)}.`;
  if (imported === 0) return `Could not import ${failed === 1 ? 'the file' : `any of the ${files(failed)}`}.`;
  return `Imported ${files(imported)}; ${failed} could not be imported.`;
}

async function run(): Promise<void> {
  let first = true;
  while (queue.length > 0) {
    const file = queue.shift()!;
    set({ ...batch!, current: file.name });
    let outcome: ImportOutcome;
    try {
      const summary = await mutate('sources.import', { fileName: file.name, dataBase64: await readAsBase64(file) });
      outcome = { name: file.name, ok: true, message: `Imported as “${summary.title}” (${summary.kind}).`, sourceId: summary.id };
      if (first) onFirstImport?.(summary);
      first = false;
    } catch (error) {
      // The import names its progress after the file; a failed one would otherwise stay "running".
      dropTask(`import:${file.name}`);
      outcome = { name: file.name, ok: false, message: errorMessage(error) };
    }
    set({ ...batch!, done: batch!.done + 1, outcomes: [...batch!.outcomes, outcome] });
  }
  set({ ...batch!, current: null, running: false });
  announce(summarise(batch!.outcomes));
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
    return;
  }
  onFirstImport = opened ?? null;
  set({ total: files.length, done: 0, current: null, outcomes: [], running: true });
  void run();
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
