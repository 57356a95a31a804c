import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import type { EventMap } from '../../../shared/api/events';

// What the status bar shows: long work in progress and errors nobody else displayed.
// A module-level store, because progress arrives from the main process for work that any
// view (or none) started.

export type Progress = EventMap['progress'];

export interface StatusNotice {
  id: number;
  message: string;
}

interface StatusState {
  tasks: Progress[];
  errors: StatusNotice[];
  /** The latest thing a screen reader should hear ("Coded with Trust", "Undone: Rename code …"). */
  announcement: StatusNotice | null;
}

let state: StatusState = { tasks: [], errors: [], announcement: null };
let nextNotice = 1;
const subscribers = new Set<() => void>();
/** How long a finished task stays visible, so a fast import still shows that it happened. */
const finishedLinger = 2500;

function set(next: StatusState): void {
  state = next;
  subscribers.forEach((notify) => notify());
}

function track(progress: Progress): void {
  set({ ...state, tasks: [...state.tasks.filter((t) => t.task !== progress.task), progress] });
  // Done when every part is done, an empty batch included (indexing a project with no sources reports 0 of 0).
  if (progress.done >= progress.total) {
    setTimeout(() => {
      if (state.tasks.some((t) => t === progress)) set({ ...state, tasks: state.tasks.filter((t) => t !== progress) });
    }, finishedLinger);
  }
}

api.on('progress', track);

/** Ends a task whose work failed: the main process reports progress, not failure, so whoever saw the error says so. */
export function dropTask(task: string): void {
  set({ ...state, tasks: state.tasks.filter((t) => t.task !== task) });
}

/** Says something to screen readers through the status bar's live region. */
export function announce(message: string): void {
  set({ ...state, announcement: { id: nextNotice++, message } });
}

export function reportError(message: string): void {
  set({ ...state, errors: [...state.errors.slice(-3), { id: nextNotice++, message }] });
}

export function dismissError(id: number): void {
  set({ ...state, errors: state.errors.filter((e) => e.id !== id) });
}

export function useStatus(): StatusState {
  return useSyncExternalStore(
    (notify) => {
      subscribers.add(notify);
      return () => subscribers.delete(notify);
    },
    () => state,
  );
}
