import type { z } from 'zod';

/** One API method: a runtime schema for its input and a compile-time type for its output. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type, never read at run time. */
  output?: O;
}

/** `method<Output>()(inputSchema)`: curried so the output type is explicit and the input inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}
