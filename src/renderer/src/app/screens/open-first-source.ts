import { useEffect } from 'react';
import type { SourceSummary } from '../../../../shared/domain/model';
import type { Query } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';

/**
 * Opens the project's first source when none of its sources is open — at the start, after the
 * open one was removed, or after another project was opened — so the reader is never blank
 * without reason. It waits for a fresh list, so a source just imported and opened is not taken
 * for a missing one while the list still shows the sources before it.
 */
export function useFirstSourceWhenNoneOpen(sources: Query<SourceSummary[]>): void {
  const { sourceId, openSource } = useWorkspace();
  const first = sources.data?.[0]?.id;
  const open = sources.data?.some((s) => s.id === sourceId) ?? false;
  const settled = !sources.loading && sources.data !== undefined;
  useEffect(() => {
    if (settled && first && !open) openSource(first);
  }, [settled, first, open, openSource]);
}
