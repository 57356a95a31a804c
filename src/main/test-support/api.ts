import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ErrorPayload } from '../../shared/api/errors';
import type { AppContext } from '../app/context';
import { dispatch } from '../app/dispatch';

/** Calls a method through dispatch, as every transport does, and fails the test on an error. */
export async function callOk<M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** Calls a method that must fail, and returns the error it answered with. */
export async function callFail<M extends MethodName>(ctx: AppContext, method: M, input: MethodInput<M>): Promise<ErrorPayload> {
  const result = await dispatch(ctx, method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error;
}
