import type { Handlers } from '../handler-types';
import { conclusionsHandlers, displayHandlers, memosHandlers } from './analysis';
import { auditHandlers, referencesHandlers } from './audit';
import { codesHandlers, codingsHandlers } from './coding';
import { projectHandlers } from './project';
import { searchHandlers } from './search';
import { sourcesHandlers } from './sources';

/** Every contract method, each handled exactly once (checked by the `Handlers` type). */
export const handlers: Handlers = {
  ...projectHandlers,
  ...sourcesHandlers,
  ...codesHandlers,
  ...codingsHandlers,
  ...memosHandlers,
  ...displayHandlers,
  ...conclusionsHandlers,
  ...auditHandlers,
  ...referencesHandlers,
  ...searchHandlers,
};
