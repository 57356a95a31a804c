import { z } from 'zod';
import { read } from '../method';
import type { Dashboard } from '../../domain/dashboard';

export const dashboardContract = {
  /** Sources per stage, what is left to code, conclusions by status. */
  'dashboard.get': read<Dashboard>(['sources', 'codes', 'codings', 'memos', 'displays', 'conclusions'])(z.object({}).strict()),
};
