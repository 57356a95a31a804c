import { initial } from './001-initial';
import { searchIndex } from './002-search-index';
import { auditRuns } from './003-audit-runs';
import { history } from './004-history';
import { qualitativeModel } from './005-qualitative-model';
import { referenceLibrary } from './006-reference-library';
import type { Migration } from './types';

// Append-only: a released migration is never edited, a change is a new numbered file.
export const migrations: readonly Migration[] = [initial, searchIndex, auditRuns, history, qualitativeModel, referenceLibrary];

export const latestVersion = migrations.length;
