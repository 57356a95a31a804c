import { useMemo, useState } from 'react';
import { memoTargetKinds, memoTargetLabels, type MemoTargetKind } from '../../../../shared/domain/model';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { MemoForm } from '../../components/memo-form';
import { MemoItem } from './memo-panel';
import './memos.css';

type Order = 'updated' | 'created' | 'title';

/** Every memo of the project in one list, filtered by what it is about and by its words, newest first. */
export function MemoManager() {
  const memos = useQuery('memos.list', {});
  const [kind, setKind] = useState<MemoTargetKind | ''>('');
  const [words, setWords] = useState('');
  const [order, setOrder] = useState<Order>('updated');
  const [writing, setWriting] = useState(false);
  const all = useMemo(() => memos.data ?? [], [memos.data]);
  const shown = useMemo(() => {
    const q = words.trim().toLocaleLowerCase();
    return all
      .filter((m) => !kind || m.targetKind === kind)
      .filter((m) => !q || `${m.title}\n${m.body}\n${m.about ?? ''}`.toLocaleLowerCase().includes(q))
      .sort((a, b) => (order === 'title' ? a.title.localeCompare(b.title) : order === 'created' ? b.createdAt.localeCompare(a.createdAt) : b.updatedAt.localeCompare(a.updatedAt)));
  }, [all, kind, words, order]);
  const counts = useMemo(() => new Map(memoTargetKinds.map((k) => [k, all.filter((m) => m.targetKind === k).length])), [all]);

  return (
    <div className="memo-manager">
      <section className="pane memo-manager__filters" aria-label="Memo filters">
        <h2 className="pane__title">Memos</h2>
        <label className="field">
          <span className="field__label">About</span>
          <select className="input" aria-label="Memos about" value={kind} onChange={(e) => setKind(e.target.value as MemoTargetKind | '')}>
            <option value="">Anything ({all.length})</option>
            {memoTargetKinds.map((k) => (
              <option key={k} value={k}>
                {memoTargetLabels[k]} ({counts.get(k) ?? 0})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Containing</span>
          <input className="input" type="search" aria-label="Memos containing" placeholder="Words in the title, text or subject" value={words} onChange={(e) => setWords(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">Order</span>
          <select className="input" aria-label="Order memos by" value={order} onChange={(e) => setOrder(e.target.value as Order)}>
            <option value="updated">Last edited first</option>
            <option value="created">Last written first</option>
            <option value="title">By title</option>
          </select>
        </label>
        {writing ? (
          <MemoForm target={{ kind: 'project' }} label="New project memo" onDone={() => setWriting(false)} />
        ) : (
          <button type="button" className="button button--small" onClick={() => setWriting(true)}>
            New project memo
          </button>
        )}
        <p className="muted small">Memos on a source, code, coding or theme are written where that thing is shown (Reduce, Collect).</p>
      </section>
      <section className="memo-manager__list" aria-label="All memos">
        <p className="result-count" role="status">
          {memos.data ? `${shown.length} of ${all.length} memos` : 'Loading…'}
        </p>
        <InlineError message={memos.error} />
        <ul className="memo-list" aria-label="Memos found">
          {shown.map((memo) => (
            <MemoItem key={memo.id} memo={memo} showAbout />
          ))}
        </ul>
        {memos.data && shown.length === 0 && <p className="empty-state">No memo matches.</p>}
      </section>
    </div>
  );
}
