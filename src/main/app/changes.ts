import type { z } from 'zod';
import { contract, type ChangeMethod } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ChangeSpec, Topic } from '../../shared/api/method';
import type { HistoryStep } from '../../shared/domain/history';
import type { AreaContext, ChangeHandler } from '../areas/kit';
import type { Db } from '../services/store/database';
import type { History, RowChange } from '../services/store/history';
import type { AppContext } from './context';
import { handlers } from './handlers';
import { namesIn } from './names';
import type { ProjectSession } from './project-session';

// Everything a change does besides its own writes happens here, once for every change
// method: the transaction, the undo step, keeping the search index in step, counting towards
// the next timed backup, and announcing what changed so each view re-reads only what it shows.

type AnyChange = ChangeHandler<ChangeMethod> & object;

/** What recording a change gives back: the method's answer, its undo step (null when it changed nothing) and the rows it wrote. */
export interface RecordedChange {
  output: unknown;
  step: HistoryStep | null;
  changes: RowChange[];
}

/**
 * A change's own writes and its undo step, in one transaction on `history`'s connection: the
 * same on the main thread and in the writer thread (see writer.ts).
 */
export function recordChange(history: History, db: Db, method: ChangeMethod, input: unknown, prepared: unknown, ctx: AreaContext): RecordedChange {
  const spec = contract[method] as unknown as ChangeSpec<z.ZodType, unknown>;
  const handler = handlers[method] as AnyChange;
  return history.record(
    { method, touches: spec.touches, at: ctx.clock() },
    () => (typeof handler === 'function' ? handler(input as never, ctx) : handler.apply(input as never, prepared, ctx)),
    (result) => spec.label(input, result, namesIn(db)),
  );
}

const switched = () =>
  new AppError('CONFLICT', 'Another project was opened while this change was being prepared, so it was not made. Make it again in the project it is for.');

/**
 * Runs a change method: its writes and its undo step in one transaction, then search and the
 * event. A change its handler calls large runs in the writer thread, so the main thread stays
 * free; the main thread's own writes wait their turn meanwhile (see WriteGate).
 */
export async function runChange(ctx: AppContext, method: ChangeMethod, input: unknown): Promise<unknown> {
  const handler = handlers[method] as AnyChange;
  const project = ctx.session;
  const prepared = typeof handler === 'function' ? undefined : await handler.prepare(input as never, ctx);
  await project.backups.beforeChange();
  if (ctx.session !== project) throw switched();
  const large = typeof handler !== 'function' && handler.large?.(input as never, prepared) === true;
  const { output, step, changes } =
    large && project.writer
      ? await project.writes.elsewhere(() => project.writer!.record(method, input, prepared, ctx.clock()))
      : await project.writes.run(() => {
          if (ctx.session !== project) throw switched();
          return recordChange(project.history, project.db, method, input, prepared, ctx);
        });
  // A change written while another project was opened stays in its own project, unannounced.
  if (step && ctx.hasProject && ctx.session === project) announce(ctx, project, step.touches, step.label, changes);
  return output;
}

/** Undoes the newest step, or redoes the step undone last; null when there is none. */
export async function walkHistory(ctx: AppContext, direction: 'undo' | 'redo'): Promise<HistoryStep | null> {
  const project = ctx.session;
  await project.backups.beforeChange();
  const walked = await project.writes.run(() => {
    if (ctx.session !== project) return null;
    return direction === 'undo' ? project.history.undo() : project.history.redo();
  });
  if (!walked) return null;
  announce(ctx, project, walked.step.touches, `${direction === 'undo' ? 'Undo' : 'Redo'}: ${walked.step.label}`, walked.changes);
  return walked.step;
}

function announce(ctx: AppContext, project: ProjectSession, touches: readonly Topic[], label: string, changes: readonly RowChange[]): void {
  project.search.applyChanges(changes);
  project.backups.changed();
  // A new search language means every doc is analysed anew: the index is rebuilt in the background.
  if (changes.some((c) => c.table === 'project_meta' && c.key === 'language')) project.search.reopen().catch(() => undefined);
  ctx.emit('project.changed', { topics: [...new Set<Topic>([...touches, 'history'])], label });
}
