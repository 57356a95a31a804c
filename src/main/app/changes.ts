import type { z } from 'zod';
import { contract, type ChangeMethod } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ChangeSpec, Topic } from '../../shared/api/method';
import type { HistoryStep } from '../../shared/domain/history';
import type { ChangeHandler } from '../areas/kit';
import type { RowChange } from '../services/store/history';
import type { AppContext } from './context';
import { handlers } from './handlers';
import { namesIn } from './names';
import type { ProjectSession } from './project-session';

// Everything a change does besides its own writes happens here, once for every change
// method: the transaction, the undo step, keeping the search index in step, counting towards
// the next timed backup, and announcing what changed so each view re-reads only what it shows.

type AnyChange = ChangeHandler<ChangeMethod> & object;

/** Runs a change method: its writes and its undo step in one transaction, then search and the event. */
export async function runChange(ctx: AppContext, method: ChangeMethod, input: unknown): Promise<unknown> {
  const spec = contract[method] as unknown as ChangeSpec<z.ZodType, unknown>;
  const handler = handlers[method] as AnyChange;
  const project = ctx.session;
  const prepared = typeof handler === 'function' ? undefined : await handler.prepare(input as never, ctx);
  await project.backups.beforeChange();
  if (ctx.session !== project) {
    throw new AppError('CONFLICT', 'Another project was opened while this change was being prepared, so it was not made. Make it again in the project it is for.');
  }
  const { output, step, changes } = project.history.record(
    { method, touches: spec.touches, at: ctx.clock() },
    () => (typeof handler === 'function' ? handler(input as never, ctx) : handler.apply(input as never, prepared, ctx)),
    (result) => spec.label(input, result, namesIn(project.db)),
  );
  if (step) announce(ctx, project, step.touches, step.label, changes);
  return output;
}

/** Undoes the newest step, or redoes the step undone last; null when there is none. */
export async function walkHistory(ctx: AppContext, direction: 'undo' | 'redo'): Promise<HistoryStep | null> {
  const project = ctx.session;
  await project.backups.beforeChange();
  if (ctx.session !== project) return null;
  const walked = direction === 'undo' ? project.history.undo() : project.history.redo();
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
