import { z } from 'zod';
import { contract, isMethodName, type ChangeMethod } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/api/errors';
import { wellFormed } from '../../shared/api/well-formed';
import { runChange } from './changes';
import type { AppContext } from './context';
import { handlers } from './handlers';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The single entry point of every transport: repairs lone surrogates in the input's strings,
 * validates it against the contract, runs the method by its kind — a read as it is, a change
 * through runChange (transaction, undo step, search, event), a control as it is — and turns any
 * failure into data. Nothing a caller sends can crash it.
 */
export async function dispatch(ctx: AppContext, methodName: string, rawInput: unknown): Promise<Result<unknown>> {
  if (!isMethodName(methodName)) {
    return { ok: false, error: { code: 'VALIDATION', message: `There is no API method called "${String(methodName).slice(0, 100)}".` } };
  }
  const spec = contract[methodName];
  let input: unknown;
  try {
    // Every string is well-formed UTF-16 before it is validated: SQLite stores UTF-8 only.
    input = wellFormed(rawInput ?? {});
  } catch (error) {
    return { ok: false, error: (error as AppError).toPayload() };
  }
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: `Invalid input for ${methodName}: ${describeIssues(parsed.error)}.` } };
  }
  try {
    const value =
      spec.kind === 'change'
        ? await runChange(ctx, methodName as ChangeMethod, parsed.data)
        : await (handlers[methodName] as (input: unknown, ctx: AppContext) => unknown)(parsed.data, ctx);
    return { ok: true, value };
  } catch (thrown) {
    const error = ctx.explainFailure(thrown);
    if (error instanceof AppError) return { ok: false, error: error.toPayload() };
    ctx.logger.error(`${methodName} failed`, error);
    return { ok: false, error: { code: 'INTERNAL', message: `Quarry hit an unexpected problem in ${methodName}. Details are in the log; your project was not changed by the failed step.` } };
  }
}
