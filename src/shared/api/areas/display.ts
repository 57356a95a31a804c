import { z } from 'zod';
import { read } from '../method';
import type { CodeMatrix } from '../../domain/model';

export const displayContract = {
  'display.getMatrix': read<CodeMatrix>(['sources', 'codes', 'codings'])(z.object({}).strict()),
};
