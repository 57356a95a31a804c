import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../api/use-api';
import { handleKeyDown } from '../state/commands';
import { useWorkspace } from '../state/workspace';
import { useAppCommands } from './app-commands';
import { CommandPalette } from './command-palette';
import { HistoryPanel } from './history-panel';
import { StageNav } from './stage-nav';
import { StatusBar } from './status-bar';
import { topBarItems, views } from './views';

export function App() {
  const { view, showView } = useWorkspace();
  const info = useQuery('project.getInfo', {});
  const current = views.find((v) => v.id === view) ?? views[0]!;
  const Current = current.component;
  const [panel, setPanelState] = useState<'palette' | 'history' | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  /** Opens or closes a panel; closing gives focus back to where it was, never to <body>. */
  const setPanel = (next: 'palette' | 'history' | null) => {
    if (next && !panel) returnFocus.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    setPanelState(next);
    if (!next) {
      const target = returnFocus.current?.isConnected ? returnFocus.current : document.querySelector<HTMLElement>('#view-panel [tabindex="0"], #view-panel button');
      requestAnimationFrame(() => target?.focus({ preventScroll: true }));
    }
  };
  useAppCommands({ showPalette: () => setPanel('palette'), showHistory: () => setPanel('history') });

  useEffect(() => {
    document.title = info.data ? `${info.data.name} — Quarry` : 'Quarry';
  }, [info.data]);

  // One key handler for the whole window: every shortcut is a registered command.
  useEffect(() => {
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);

  return (
    <div className="app">
      <header className="top-bar">
        <div className="top-bar__brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Quarry</span>
        </div>
        <h1 className="top-bar__project" title={info.data?.path}>
          {info.data?.name ?? (info.error ? 'No project open' : '…')}
        </h1>
        <StageNav views={views} current={current.id} onSelect={showView} />
        <div className="top-bar__slot">
          {topBarItems.map((Item, index) => (
            <Item key={index} />
          ))}
        </div>
      </header>
      {info.error && (
        <div className="banner banner--error" role="alert">
          {info.error}
        </div>
      )}
      <main className="view">
        <div id="view-panel" className="view__panel" role="tabpanel" aria-labelledby={`tab-${current.id}`}>
          <Current />
        </div>
      </main>
      <StatusBar onShowHistory={() => setPanel('history')} />
      {panel === 'palette' && <CommandPalette onClose={() => setPanel(null)} />}
      {panel === 'history' && <HistoryPanel onClose={() => setPanel(null)} />}
    </div>
  );
}
