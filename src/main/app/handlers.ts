import type { Handlers } from '../areas/kit';
import { auditHandlers } from '../areas/audit/handlers';
import { backupsHandlers } from '../areas/backups/handlers';
import { casesHandlers } from '../areas/cases/handlers';
import { codesHandlers } from '../areas/codes/handlers';
import { codingsHandlers } from '../areas/codings/handlers';
import { conclusionsHandlers } from '../areas/conclusions/handlers';
import { dashboardHandlers } from '../areas/dashboard/handlers';
import { displayHandlers } from '../areas/display/handlers';
import { exportsHandlers } from '../areas/exports/handlers';
import { historyHandlers } from '../areas/history/handlers';
import { libraryHandlers } from '../areas/library/handlers';
import { memosHandlers } from '../areas/memos/handlers';
import { projectHandlers } from '../areas/project/handlers';
import { referencesHandlers } from '../areas/references/handlers';
import { refiHandlers } from '../areas/refi/handlers';
import { searchHandlers } from '../areas/search/handlers';
import { segmentsHandlers } from '../areas/segments/handlers';
import { sourcesHandlers } from '../areas/sources/handlers';
import { themesHandlers } from '../areas/themes/handlers';

/** Every contract method, each handled exactly once (checked by the `Handlers` type). */
export const handlers: Handlers = {
  ...projectHandlers,
  ...sourcesHandlers,
  ...codesHandlers,
  ...codingsHandlers,
  ...memosHandlers,
  ...casesHandlers,
  ...themesHandlers,
  ...segmentsHandlers,
  ...displayHandlers,
  ...conclusionsHandlers,
  ...dashboardHandlers,
  ...auditHandlers,
  ...referencesHandlers,
  ...libraryHandlers,
  ...exportsHandlers,
  ...refiHandlers,
  ...searchHandlers,
  ...historyHandlers,
  ...backupsHandlers,
};
