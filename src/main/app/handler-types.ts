import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api/contract';
import type { AppContext } from './context';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: AppContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Exactly one handler per contract method: a missing or unknown name is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** The handlers of one area (`'codes.'`, `'sources.'` ...), so each area file is checked on its own. */
export type AreaHandlers<Prefix extends string> = { [M in MethodName as M extends `${Prefix}${string}` ? M : never]: Handler<M> };
