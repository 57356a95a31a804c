import { useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '../../api/use-api';
import { useCommands } from '../../state/commands';
import { useWorkspace } from '../../state/workspace';
import type { TextSelection } from '../../features/reader/coding-actions';
import { MemoPanel } from '../../features/memos/memo-panel';
import { Reader } from '../../features/reader/reader';
import { CaseDetails } from '../../features/collect/case-details';
import { CaseList } from '../../features/collect/case-list';
import { SearchLanguage } from '../../features/collect/search-language';
import { SourceDetails } from '../../features/collect/source-details';
import { SourceImport } from '../../components/source-import';
import { SourceList } from '../../features/collect/source-list';
import '../../features/collect/collect.css';
import { InlineError } from '../../components/inline-error';
import { useFirstSourceWhenNoneOpen } from './open-first-source';

type Tab = 'sources' | 'cases';
const tabs: Array<{ id: Tab; label: string }> = [
  { id: 'sources', label: 'Sources' },
  { id: 'cases', label: 'Cases' },
];

export function CollectView() {
  const { sourceId, openSource } = useWorkspace();
  const sources = useQuery('sources.list', {});
  const cases = useQuery('cases.list', {});
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [tab, setTab] = useState<Tab>('sources');
  const [caseId, setCaseId] = useState<string | null>(null);
  const caseName = useRef<HTMLInputElement>(null);
  const tabButtons = useRef<Array<HTMLButtonElement | null>>([]);
  const list = sources.data ?? [];
  const current = list.find((s) => s.id === sourceId) ?? null;
  const showingCase = tab === 'cases' && caseId !== null;

  useFirstSourceWhenNoneOpen(sources);

  useCommands([
    {
      id: 'cases.new',
      title: 'New case…',
      category: 'Collect',
      run: () => {
        setTab('cases');
        requestAnimationFrame(() => caseName.current?.focus());
      },
    },
  ]);

  // The ARIA tabs pattern: one tab stop, arrow keys move between the tabs.
  const onTabKey = (event: KeyboardEvent, index: number) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const next = tabs[(index + 1) % tabs.length]!;
    setTab(next.id);
    tabButtons.current[tabs.indexOf(next)]?.focus();
  };

  return (
    <div className="layout layout--three">
      <aside className="pane" aria-label="Sources and cases">
        <div className="collect-tabs" role="tablist" aria-label="Sources and cases">
          {tabs.map((t, index) => (
            <button
              key={t.id}
              ref={(element) => {
                tabButtons.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`collect-tab-${t.id}`}
              className="collect-tab"
              aria-selected={tab === t.id}
              aria-controls={`collect-panel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={(event) => onTabKey(event, index)}
            >
              {t.label} <span className="count">{t.id === 'sources' ? list.length : (cases.data?.length ?? 0)}</span>
            </button>
          ))}
        </div>
        <div id="collect-panel-sources" role="tabpanel" aria-labelledby="collect-tab-sources" className="pane__body" hidden={tab !== 'sources'}>
          <SourceImport />
          <InlineError message={sources.error} />
          <SourceList sources={list} selectedId={sourceId} onSelect={(id) => openSource(id)} />
        </div>
        <div id="collect-panel-cases" role="tabpanel" aria-labelledby="collect-tab-cases" className="pane__body" hidden={tab !== 'cases'}>
          <CaseList selectedId={caseId} onSelect={setCaseId} nameInput={caseName} />
        </div>
        <SearchLanguage />
      </aside>
      <Reader sourceId={sourceId} selection={selection} onSelectionChange={setSelection} codingTools="popover" />
      <aside className="pane pane--side" aria-label={showingCase ? 'Case information' : 'Source information'}>
        {showingCase && <CaseDetails caseId={caseId} source={current} selection={selection} onRemoved={() => setCaseId(null)} />}
        {!showingCase && current && <SourceDetails source={current} />}
        {!showingCase && current && <MemoPanel targets={[{ kind: 'source', id: current.id, label: 'This source' }]} />}
      </aside>
    </div>
  );
}
