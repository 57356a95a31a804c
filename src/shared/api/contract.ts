import type { z } from 'zod';
import type { MethodSpec } from './method';
import { auditContract } from './areas/audit';
import { backupsContract } from './areas/backups';
import { casesContract } from './areas/cases';
import { codesContract } from './areas/codes';
import { codingsContract } from './areas/codings';
import { conclusionsContract } from './areas/conclusions';
import { dashboardContract } from './areas/dashboard';
import { displayContract } from './areas/display';
import { exportsContract } from './areas/exports';
import { historyContract } from './areas/history';
import { libraryContract } from './areas/library';
import { memosContract } from './areas/memos';
import { projectContract } from './areas/project';
import { refiContract } from './areas/refi';
import { referencesContract } from './areas/references';
import { searchContract } from './areas/search';
import { segmentsContract } from './areas/segments';
import { sourcesContract } from './areas/sources';
import { themesContract } from './areas/themes';

/**
 * The one API of Quarry. Each method name is spelled here once; handlers, the renderer
 * client, the IPC and HTTP transports and the CLI all derive from this object. Each area's
 * file is named after its methods' prefix (`codes.ts` declares `codes.*`), and so is the
 * folder of its handlers and repository in src/main/areas.
 */
export const contract = {
  ...projectContract,
  ...sourcesContract,
  ...codesContract,
  ...codingsContract,
  ...memosContract,
  ...casesContract,
  ...themesContract,
  ...segmentsContract,
  ...displayContract,
  ...conclusionsContract,
  ...dashboardContract,
  ...auditContract,
  ...referencesContract,
  ...libraryContract,
  ...exportsContract,
  ...refiContract,
  ...searchContract,
  ...historyContract,
  ...backupsContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

/** The methods of each kind, by name. */
type MethodsOfKind<K extends MethodSpec<z.ZodType, unknown>['kind']> = { [M in MethodName]: Contract[M]['kind'] extends K ? M : never }[MethodName];
export type ReadMethod = MethodsOfKind<'read'>;
export type ChangeMethod = MethodsOfKind<'change'>;
export type ControlMethod = MethodsOfKind<'control'>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export const methodNames = Object.keys(contract) as MethodName[];
