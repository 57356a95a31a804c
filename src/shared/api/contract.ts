import type { z } from 'zod';
import type { MethodSpec } from './method';
import { analysisContract } from './areas/analysis';
import { auditContract } from './areas/audit';
import { codingContract } from './areas/coding';
import { projectContract } from './areas/project';
import { searchContract } from './areas/search';
import { sourcesContract } from './areas/sources';

/**
 * The one API of Quarry. Each method name is spelled here once; handlers, the renderer
 * client, the IPC and HTTP transports and the CLI all derive from this object.
 * Areas live in ./areas so features can grow side by side.
 */
export const contract = {
  ...projectContract,
  ...sourcesContract,
  ...codingContract,
  ...analysisContract,
  ...auditContract,
  ...searchContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
