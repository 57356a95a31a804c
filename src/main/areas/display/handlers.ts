import { codeMatrix } from '../../../shared/domain/rules/code-matrix';
import type { AreaHandlers } from '../kit';
import { matrixCounts } from './repository';

export const displayHandlers: AreaHandlers<'display.'> = {
  'display.getMatrix': (_input, ctx) => {
    const { sources, codeIds, counts } = matrixCounts(ctx.project.db);
    return codeMatrix(sources, codeIds, counts);
  },
};
