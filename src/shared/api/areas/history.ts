import { z } from 'zod';
import { control, read } from '../method';
import type { HistoryState, HistoryStep } from '../../domain/history';

export const historyContract = {
  /** The steps that can be undone (newest first) and redone (next first), and how many are kept. */
  'history.list': read<HistoryState>(['history'])(z.object({}).strict()),
  /** Undoes the newest step; null when there is nothing to undo. */
  'history.undo': control<HistoryStep | null>()(z.object({}).strict()),
  /** Redoes the step undone last; null when there is nothing to redo. */
  'history.redo': control<HistoryStep | null>()(z.object({}).strict()),
  /** How many steps the project keeps; older ones are forgotten. */
  'history.setDepth': control<HistoryState>()(z.object({ depth: z.number().int().min(1).max(100_000) }).strict()),
  /** Forgets every step (the work itself stays as it is), e.g. to hand over a project without its history. */
  'history.clear': control<HistoryState>()(z.object({}).strict()),
};
