import { useState } from 'react';
import { useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import type { TextSelection } from '../../features/reader/coding-actions';
import { MemoPanel } from '../../features/memos/memo-panel';
import { Reader } from '../../features/reader/reader';
import { SearchLanguage } from '../../features/collect/search-language';
import { SourceDetails } from '../../features/collect/source-details';
import { SourceImport } from '../../components/source-import';
import { SourceList } from '../../features/collect/source-list';
import '../../features/collect/collect.css';
import { InlineError } from '../../components/inline-error';
import { useFirstSourceWhenNoneOpen } from './open-first-source';

export function CollectView() {
  const { sourceId, openSource } = useWorkspace();
  const sources = useQuery('sources.list', {});
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const list = sources.data ?? [];
  const current = list.find((s) => s.id === sourceId) ?? null;

  useFirstSourceWhenNoneOpen(sources);

  return (
    <div className="layout layout--three">
      <aside className="pane" aria-label="Source list">
        <div className="pane__header">
          <h2 className="pane__title">Sources</h2>
          <span className="count">{list.length}</span>
        </div>
        <SourceImport />
        <InlineError message={sources.error} />
        <SourceList sources={list} selectedId={sourceId} onSelect={(id) => openSource(id)} />
        <SearchLanguage />
      </aside>
      <Reader sourceId={sourceId} selection={selection} onSelectionChange={setSelection} codingTools="popover" />
      <aside className="pane pane--side" aria-label="Source information">
        {current && <SourceDetails source={current} />}
        {current && <MemoPanel targets={[{ kind: 'source', id: current.id, label: 'This source' }]} />}
      </aside>
    </div>
  );
}
