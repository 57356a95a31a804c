import { useCallback } from 'react';
import type { SearchGroup, SearchHitView } from '../../../shared/domain/search';
import { useWorkspace } from './workspace';

/** Views with a reader; a hit opens there, in the current view when it has one. */
const readerViews = ['collect', 'reduce'];

/** Whether a hit leads anywhere: memos on the project or on a coding have no place to open. */
export function canOpen(group: SearchGroup, hit: SearchHitView): boolean {
  return hit.kind === 'code' || group.sourceId !== null;
}

/** Opens a hit: a code in the codebook, anything else in the reader at its place, matched words highlighted. */
export function useOpenHit(): (group: SearchGroup, hit: SearchHitView) => void {
  const { view, openSource, selectCode, showView } = useWorkspace();
  return useCallback(
    (group, hit) => {
      if (hit.kind === 'code') {
        selectCode(hit.id);
        showView('reduce');
        return;
      }
      if (group.sourceId === null) return;
      const place: Array<[number, number]> = hit.start !== null && hit.end !== null ? [[hit.start, hit.end]] : [];
      openSource(group.sourceId, { view: readerViews.includes(view) ? view : 'collect', highlights: hit.matches.length > 0 ? hit.matches : place });
    },
    [view, openSource, selectCode, showView],
  );
}
