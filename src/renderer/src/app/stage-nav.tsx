import { useRef, type KeyboardEvent } from 'react';
import type { ViewDefinition } from './views';

interface Props {
  views: ViewDefinition[];
  current: string;
  onSelect(id: string): void;
}

/** The stage tabs: one tab stop, arrow keys move between tabs (the ARIA tabs pattern). */
export function StageNav({ views, current, onSelect }: Props) {
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target = step ? (index + step + views.length) % views.length : event.key === 'Home' ? 0 : event.key === 'End' ? views.length - 1 : -1;
    if (target < 0) return;
    event.preventDefault();
    const view = views[target]!;
    onSelect(view.id);
    tabs.current[target]?.focus();
  };

  return (
    <nav className="stage-nav" aria-label="Stages">
      <div role="tablist" aria-label="Stages">
        {views.map((view, index) => {
          const selected = view.id === current;
          return (
            <button
              key={view.id}
              ref={(el) => {
                tabs.current[index] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${view.id}`}
              aria-selected={selected}
              aria-controls="view-panel"
              tabIndex={selected ? 0 : -1}
              className={`stage-tab${view.group === 'tool' ? ' stage-tab--tool' : ''}`}
              title={`${view.hint} (Alt+${index + 1})`}
              onClick={() => onSelect(view.id)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              {view.group === 'stage' && <span className="stage-tab__step" aria-hidden="true">{index + 1}</span>}
              <span className="stage-tab__label">{view.label}</span>
            </button>
          );
        })}
      </div>
    </nav>
  );
}
