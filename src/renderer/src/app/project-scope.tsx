import { useQuery } from '../api/use-api';
import { WorkspaceProvider } from '../state/workspace';
import { App } from './app';

/**
 * Makes the window anew for each project opened: what the old one showed (an open source, a
 * selected code, forms half filled) belongs to it and must not leak into the next.
 */
export function ProjectScope() {
  const recent = useQuery('project.listRecent', {});
  if (!recent.data && !recent.error) return null;
  const openPath = recent.data?.openPath ?? null;
  return (
    <WorkspaceProvider key={openPath ?? ''} initialView="collect">
      <App openPath={openPath} />
    </WorkspaceProvider>
  );
}
