import { Conclusions } from '../../features/conclude/conclusions';
import { MemoPanel } from '../../features/memos/memo-panel';

export function ConcludeScreen() {
  return (
    <div className="layout layout--two">
      <Conclusions />
      <aside className="pane pane--side" aria-label="Project memos">
        <MemoPanel targets={[{ kind: 'project', label: 'The project' }]} />
      </aside>
    </div>
  );
}
