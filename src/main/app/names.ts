import type { Names } from '../../shared/api/method';
import { findCode } from '../areas/codes/repository';
import { findConclusion } from '../areas/conclusions/repository';
import { findSourceSummary } from '../areas/sources/repository';
import type { Db } from '../services/store/database';

/** Names for undo labels, read from the project as it stands after the change. */
export function namesIn(db: Db): Names {
  return {
    code: (id) => findCode(db, id)?.name,
    source: (id) => findSourceSummary(db, id)?.title,
    conclusion: (id) => findConclusion(db, id)?.statement,
  };
}
