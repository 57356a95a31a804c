import { useSyncExternalStore } from 'react';
import { unsavedWork } from './unsaved';

// Opening another project throws away what the window holds of this one. Before it does, the
// project commands ask here; the shell shows the question (see LeaveDialog in app/).

export interface LeaveQuestion {
  /** What would be lost, in words: "a memo being written (“Trust”)". */
  work: string[];
  answer(leave: boolean): void;
}

let question: LeaveQuestion | null = null;
const subscribers = new Set<() => void>();

function set(next: LeaveQuestion | null): void {
  question = next;
  subscribers.forEach((notify) => notify());
}

/**
 * Resolves true when nothing unsaved would be lost, or the person says to go on anyway; false
 * when they stay. `except` is the dialog asking, which does not count as work of its own.
 */
export function confirmLeaving(except?: Element | null): Promise<boolean> {
  const work = unsavedWork(except);
  if (work.length === 0) return Promise.resolve(true);
  question?.answer(false);
  return new Promise((resolve) => {
    set({
      work,
      answer: (leave) => {
        set(null);
        resolve(leave);
      },
    });
  });
}

export function useLeaveQuestion(): LeaveQuestion | null {
  return useSyncExternalStore(
    (notify) => {
      subscribers.add(notify);
      return () => subscribers.delete(notify);
    },
    () => question,
  );
}
