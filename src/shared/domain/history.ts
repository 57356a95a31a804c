import type { Topic } from '../api/method';

/** One change a person made, as the undo history lists it. */
export interface HistoryStep {
  id: number;
  label: string;
  /** The API method that made it. */
  method: string;
  at: string;
  /** What undoing or redoing it changes. */
  touches: Topic[];
}

export interface HistoryState {
  /** Newest first: the first is what Undo takes back. */
  undo: HistoryStep[];
  /** Next first: the first is what Redo makes again. */
  redo: HistoryStep[];
  depth: number;
}
