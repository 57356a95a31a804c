import { useEffect, useRef, useState } from 'react';
import { keysOf } from '../../../shared/app-menu';
import { api } from '../api/client';
import { errorMessage, useQuery } from '../api/use-api';
import { PasteSourceDialog } from '../features/collect/paste-source-dialog';
import { BackupsPanel } from '../features/projects/backups-panel';
import { openProject } from '../features/projects/project-actions';
import { RenameProjectDialog, SaveCopyDialog } from '../features/projects/project-dialogs';
import { ProjectProblem } from '../features/projects/project-problem';
import { formatChord, handleKeyDown, runCommand } from '../state/commands';
import { announce, reportError } from '../state/status';
import { useWorkspace } from '../state/workspace';
import { useAppCommands } from './app-commands';
import { CommandPalette } from './command-palette';
import { DropImport } from './drop-import';
import { HistoryPanel } from './history-panel';
import { LeaveDialog } from './leave-dialog';
import { useProjectCommands, type ProjectPanel } from './project-commands';
import { StartScreen, type StartFocus } from './screens/start-screen';
import { StageNav } from './stage-nav';
import { StatusBar } from './status-bar';
import { topBarItems, views } from './views';

type Panel = 'palette' | 'history' | ProjectPanel;

/** The window for one open project (or none: then the start screen), made anew when another project opens. */
export function App({ openPath }: { openPath: string | null }) {
  const { view, showView, openSource } = useWorkspace();
  const info = useQuery('project.getInfo', openPath ? {} : null);
  const places = useQuery('project.getAccess', {});
  const current = views.find((v) => v.id === view) ?? views[0]!;
  const Current = current.component;
  const [panel, setPanelState] = useState<Panel | null>(null);
  const [start, setStart] = useState<{ focus: StartFocus } | null>(null);
  const starting = openPath === null || start !== null;
  const returnFocus = useRef<HTMLElement | null>(null);
  /** Opens or closes a panel; closing gives focus back to where it was, never to <body>. */
  const setPanel = (next: Panel | null) => {
    if (next && !panel) returnFocus.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    setPanelState(next);
    if (!next) {
      const target = returnFocus.current?.isConnected ? returnFocus.current : document.querySelector<HTMLElement>('#view-panel [tabindex="0"], #view-panel button');
      requestAnimationFrame(() => target?.focus({ preventScroll: true }));
    }
  };
  useAppCommands({ showPalette: () => setPanel('palette'), showHistory: () => setPanel('history') });
  useProjectCommands({ projectOpen: openPath !== null, showStart: (focus) => setStart({ focus }), showPanel: setPanel });

  useEffect(() => {
    document.title = info.data ? `${info.data.name} — Quarry` : 'Quarry';
  }, [info.data]);

  // One key handler for the whole window: every shortcut is a registered command.
  useEffect(() => {
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);

  // The desktop app's menu runs commands as the palette does; a recent project comes with its path.
  useEffect(
    () =>
      api.on('menu.command', ({ command, path }) => {
        if (command === 'project.open' && path) openProject(path).catch((error: unknown) => reportError(errorMessage(error)));
        else if (!runCommand(command)) announce('That command does not apply here.');
      }),
    [],
  );

  const projectKeys = keysOf('project.showStart');
  return (
    <div className="app">
      {openPath !== null && (
        <>
          <header className="top-bar" hidden={starting}>
            <div className="top-bar__brand">
              <span className="brand-mark" aria-hidden="true" />
              <span className="brand-name">Quarry</span>
            </div>
            <h1 className="top-bar__project" title={info.data?.path}>
              {info.data?.name ?? (info.error ? 'No project open' : '…')}
            </h1>
            <button
              type="button"
              className="button button--small button--quiet"
              title={projectKeys ? `New, open and recent projects (${formatChord(projectKeys[0]!)})` : undefined}
              onClick={() => setStart({ focus: null })}
            >
              Projects
            </button>
            <StageNav views={views} current={current.id} onSelect={showView} />
            <div className="top-bar__slot">
              {topBarItems.map((Item, index) => (
                <Item key={index} />
              ))}
            </div>
          </header>
          {info.error && <ProjectProblem message={info.error} failure={info.failure} hidden={starting} />}
          {/* Hidden, not unmounted, under the start screen: what the views hold is still there on coming back. */}
          {/* One main landmark; the tab panel inside it (a role on <main> would hide the landmark). */}
          <main className="view" hidden={starting}>
            <div id="view-panel" className="view__panel" role="tabpanel" aria-labelledby={`tab-${current.id}`}>
              <Current />
            </div>
          </main>
        </>
      )}
      {starting && <StartScreen focus={start?.focus ?? null} onClose={openPath === null ? null : () => setStart(null)} />}
      <StatusBar onShowHistory={() => setPanel('history')} onShowBackups={() => setPanel('backups')} />
      <DropImport enabled={openPath !== null} />
      <LeaveDialog />
      {panel === 'palette' && <CommandPalette onClose={() => setPanel(null)} />}
      {panel === 'history' && <HistoryPanel onClose={() => setPanel(null)} />}
      {panel === 'rename' && info.data && <RenameProjectDialog project={info.data} onClose={() => setPanel(null)} />}
      {panel === 'backups' && info.data && <BackupsPanel project={info.data} onClose={() => setPanel(null)} />}
      {panel === 'copy' && info.data && places.data && <SaveCopyDialog project={info.data} places={places.data} onClose={() => setPanel(null)} />}
      {panel === 'paste' && (
        <PasteSourceDialog
          onClose={() => setPanel(null)}
          onCreated={(source) => {
            showView('collect');
            openSource(source.id);
          }}
        />
      )}
    </div>
  );
}
