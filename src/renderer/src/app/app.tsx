import { useEffect } from 'react';
import { useQuery } from '../api/use-api';
import { StageNav } from './stage-nav';
import { StatusBar } from './status-bar';
import { topBarItems, views } from './views';
import { useWorkspace } from './workspace';

export function App() {
  const { view, showView } = useWorkspace();
  const info = useQuery('project.getInfo', {});
  const current = views.find((v) => v.id === view) ?? views[0]!;
  const Current = current.component;

  useEffect(() => {
    document.title = info.data ? `${info.data.name} — Quarry` : 'Quarry';
  }, [info.data]);

  // Alt+1…n switch views from anywhere, including while typing in a field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const target = views[index];
      if (target) {
        event.preventDefault();
        showView(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showView]);

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
      <main id="view-panel" className="view" role="tabpanel" aria-labelledby={`tab-${current.id}`}>
        <Current />
      </main>
      <StatusBar />
    </div>
  );
}
