import type { ComponentType } from 'react';
import { AuditView } from '../features/audit/audit-view';
import { DashboardView } from '../features/dashboard/dashboard-view';
import { CollectView } from './screens/collect-screen';
import { ConcludeScreen } from './screens/conclude-screen';
import { DisplayView } from '../features/display/display-view';
import { ReduceView } from './screens/reduce-screen';
import { ExportMenu } from '../features/exports/export-dialog';
import { LibraryView } from '../features/library/library-view';
import { ExchangeMenu } from '../features/exchange/exchange-menu';
import { MemoManager } from '../features/memos/memo-manager';
import { SearchBox } from '../features/search/search-box';
import { SegmentsView } from '../features/segments/segments-view';

export interface ViewDefinition {
  /** Also the URL hash: #collect. */
  id: string;
  label: string;
  /** One line under the label, saying what the user does here. */
  hint: string;
  /** Stages are the Miles–Huberman steps in the main tab bar; tools sit after them (Audit, for example). */
  group: 'stage' | 'tool';
  component: ComponentType;
}

// The shell's registry: a feature adds its view here and the tab bar, keyboard shortcuts
// (Alt+1…) and routing pick it up.
export const views: ViewDefinition[] = [
  { id: 'collect', label: 'Collect', hint: 'Import and read sources', group: 'stage', component: CollectView },
  { id: 'reduce', label: 'Reduce', hint: 'Code passages, grow the codebook', group: 'stage', component: ReduceView },
  { id: 'display', label: 'Display', hint: 'Compare codes across sources', group: 'stage', component: DisplayView },
  { id: 'conclude', label: 'Conclude', hint: 'State and test conclusions', group: 'stage', component: ConcludeScreen },
  { id: 'segments', label: 'Segments', hint: 'Retrieve coded segments with a coding query and summarise them', group: 'tool', component: SegmentsView },
  { id: 'memos', label: 'Memos', hint: 'Every memo of the project, filtered', group: 'tool', component: MemoManager },
  { id: 'audit', label: 'Audit', hint: 'Check a manuscript’s citations and record verdicts on its claims', group: 'tool', component: AuditView },
  { id: 'library', label: 'Library', hint: 'Keep the references the project reads and cites', group: 'tool', component: LibraryView },
  { id: 'overview', label: 'Overview', hint: 'Sources per stage, what is left to code, conclusions by status', group: 'tool', component: DashboardView },
];

/** Widgets shown at the right of the top bar, such as a search box. */
export const topBarItems: ComponentType[] = [SearchBox, ExchangeMenu, ExportMenu];
