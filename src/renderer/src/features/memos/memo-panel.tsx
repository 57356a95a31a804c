import { useState } from 'react';
import { memoTargetLabels, type Memo, type MemoTargetKind } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { AffectedConclusions } from '../../components/evidence-guard';
import { Markdown } from '../../components/markdown';
import { MemoForm } from '../../components/memo-form';
import { formatWhen } from '../../lib/dates';
import './memos.css';
import { InlineError } from '../../components/inline-error';
import { useUnsavedWork } from '../../state/unsaved';

export type MemoTarget = { kind: 'project'; label: string } | { kind: Exclude<MemoTargetKind, 'project'>; id: string; label: string };

const targetKey = (t: MemoTarget) => (t.kind === 'project' ? 'project' : `${t.kind}:${t.id}`);
const memoKey = (m: Memo) => (m.targetKind === 'project' ? 'project' : `${m.targetKind}:${m.targetId}`);
const apiTarget = (t: MemoTarget) => (t.kind === 'project' ? { kind: 'project' as const } : { kind: t.kind, id: t.id });

/** When a memo was written and last changed, as a person reads it. */
export function memoTimes(memo: Memo): string {
  const written = formatWhen(memo.createdAt);
  if (memo.updatedAt === memo.createdAt) return `Written ${written}`;
  return `Written ${written} · edited ${formatWhen(memo.updatedAt)}`;
}

/** Memos about one of `targets` (the project, the open source, the selected code…), chosen with a select when there are several. */
export function MemoPanel({ targets }: { targets: MemoTarget[] }) {
  const memos = useQuery('memos.list', {});
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const target = targets.find((t) => targetKey(t) === chosenKey) ?? targets[0];
  if (!target) return null;
  const shown = (memos.data ?? []).filter((m) => memoKey(m) === targetKey(target)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <section className="panel memo-panel" aria-label="Memos">
      <div className="panel__header">
        <h2 className="panel__title">Memos</h2>
        <span className="count">{shown.length}</span>
      </div>
      {targets.length > 1 && (
        <label className="field">
          <span className="field__label">About</span>
          <select className="input" aria-label="Memos about" value={targetKey(target)} onChange={(event) => setChosenKey(event.target.value)}>
            {targets.map((t) => (
              <option key={targetKey(t)} value={targetKey(t)}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <NewMemoForm target={target} />
      <InlineError message={memos.error} />
      <ul className="memo-list" aria-label={`Memos about ${target.label.toLocaleLowerCase()}`}>
        {shown.map((memo) => (
          <MemoItem key={memo.id} memo={memo} />
        ))}
        {memos.data && shown.length === 0 && <li className="empty-state">No memos here yet.</li>}
      </ul>
    </section>
  );
}

function NewMemoForm({ target }: { target: MemoTarget }) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        New memo
      </button>
    );
  }
  return <MemoForm target={apiTarget(target)} onDone={() => setOpen(false)} />;
}

/** One memo: its title, its Markdown shown safely, when it was written; editable and deletable in place. */
export function MemoItem({ memo, showAbout = false }: { memo: Memo; showAbout?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(memo.title);
  const [body, setBody] = useState(memo.body);
  const [confirming, setConfirming] = useState(false);
  // A memo can be evidence: the warning names the conclusions that would lose it.
  const affected = useQuery('conclusions.affectedBy', confirming ? { memoIds: [memo.id] } : null);
  const [error, setError] = useState<string | null>(null);
  useUnsavedWork(editing && (title !== memo.title || body !== memo.body) ? `changes to the memo “${memo.title}”` : null);

  const fail = (err: unknown) => setError(errorMessage(err));

  return (
    <li className="memo">
      {editing ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            mutate('memos.update', { id: memo.id, title, body }).then(() => setEditing(false), fail);
          }}
        >
          <input className="input" aria-label="Edit memo title" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
          <textarea className="input" aria-label="Edit memo text" rows={5} value={body} onChange={(e) => setBody(e.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button--primary button--small">
              Save memo
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setTitle(memo.title);
                setBody(memo.body);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <h3 className="memo__title">{memo.title}</h3>
          {showAbout && <p className="memo__about small">{memoTargetLabels[memo.targetKind]}{memo.about ? `: ${memo.about}` : ''}</p>}
          {memo.body && <Markdown className="memo__body markdown" text={memo.body} />}
          <div className="memo__footer">
            <span className="muted small">{memoTimes(memo)}</span>
            <button type="button" className="button button--small button--quiet" aria-label={`Edit memo ${memo.title}`} onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button button--small button--quiet" aria-label={`Delete memo ${memo.title}`} onClick={() => setConfirming(true)}>
              Delete
            </button>
          </div>
        </>
      )}
      <InlineError message={error} />
      <ConfirmDialog
        open={confirming}
        title="Delete memo"
        message={`Delete the memo “${memo.title}”? You can undo this.`}
        confirmLabel="Delete"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          mutate('memos.remove', { id: memo.id }).catch(fail);
        }}
      >
        <AffectedConclusions conclusions={affected.data ?? []} />
      </ConfirmDialog>
    </li>
  );
}
