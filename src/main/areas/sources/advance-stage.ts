import type { Stage } from '../../../shared/domain/model';
import { advanceStage } from '../../../shared/domain/rules/stage';
import type { Db } from '../../services/store/database';
import { setStage, stageOf } from './repository';

/** Moves each source on to `reached` (never back), inside the caller's change: saving a display, linking evidence. */
export function advanceSources(db: Db, sourceIds: Iterable<string>, reached: Stage): void {
  for (const id of new Set(sourceIds)) {
    const current = stageOf(db, id);
    if (!current) continue;
    const stage = advanceStage(current, reached);
    if (stage !== current) setStage(db, id, stage);
  }
}
