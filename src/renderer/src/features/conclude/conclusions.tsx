import { useState } from 'react';
import type { VerificationTactic } from '../../../../shared/domain/conclude/tactics';
import { conclusionStatusLabels as statusLabels, conclusionStatuses, type Conclusion, type ConclusionStatus } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { useCommands } from '../../state/commands';
import { announce } from '../../state/status';
import { EvidenceList } from './evidence-list';
import { EvidencePicker } from './evidence-picker';
import { TacticsChecklist } from './tactics';
import { EvidenceTrail, exportTrail } from './trail';
import './conclude.css';

const short = (text: string, length = 40) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The conclusions of the project in the researcher's order, each with its evidence, its verification and its trail. */
export function Conclusions() {
  const conclusions = useQuery('conclusions.list', {});
  const list = conclusions.data ?? [];
  const [focused, setFocused] = useState<string | null>(null);
  const current = list.find((c) => c.id === focused) ?? null;

  useCommands([
    {
      id: 'conclusions.moveUp',
      title: 'Move the conclusion up',
      category: 'Conclude',
      keys: ['Alt+Shift+ArrowUp'],
      when: () => Boolean(current && current.position > 0),
      run: async () => {
        if (current) await mutate('conclusions.move', { id: current.id, position: current.position - 1 }).then(() => announce('Moved up'));
      },
    },
    {
      id: 'conclusions.moveDown',
      title: 'Move the conclusion down',
      category: 'Conclude',
      keys: ['Alt+Shift+ArrowDown'],
      when: () => Boolean(current && current.position < list.length - 1),
      run: async () => {
        if (current) await mutate('conclusions.move', { id: current.id, position: current.position + 1 }).then(() => announce('Moved down'));
      },
    },
    {
      id: 'conclusions.exportTrail',
      title: 'Export the conclusion’s evidence trail',
      category: 'Conclude',
      when: () => Boolean(current),
      run: async () => {
        if (current) await exportTrail(current.id);
      },
    },
  ]);

  return (
    <section className="conclude-main" aria-label="Conclusions">
      <header className="view-header">
        <div>
          <h2 className="view-header__title">Conclusions</h2>
          <p className="muted">
            State what the data suggest, link the evidence for and against it — coded segments, their summaries, claims, memos, saved displays — and test it with the
            verification tactics before calling it verified.
          </p>
        </div>
      </header>
      <NewConclusionForm />
      <InlineError message={conclusions.error} />
      <ol className="conclusion-list" aria-label="Conclusion list">
        {list.map((conclusion) => (
          <ConclusionCard key={conclusion.id} conclusion={conclusion} last={conclusion.position === list.length - 1} onFocus={() => setFocused(conclusion.id)} />
        ))}
      </ol>
      {conclusions.data && list.length === 0 && <p className="empty-state">No conclusions yet.</p>}
    </section>
  );
}

function NewConclusionForm() {
  const [statement, setStatement] = useState('');
  const [status, setStatus] = useState<ConclusionStatus>('tentative');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="new-conclusion"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        mutate('conclusions.create', { statement, status }).then(
          () => setStatement(''),
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <textarea
        className="input"
        aria-label="Conclusion statement"
        rows={2}
        placeholder="A conclusion the data seem to support…"
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        required
      />
      <div className="button-row">
        <select className="input" aria-label="Status of the new conclusion" value={status} onChange={(e) => setStatus(e.target.value as ConclusionStatus)}>
          {conclusionStatuses.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--primary">
          Add conclusion
        </button>
      </div>
      <InlineError message={error} />
    </form>
  );
}

function ConclusionCard({ conclusion, last, onFocus }: { conclusion: Conclusion; last: boolean; onFocus(): void }) {
  const [editing, setEditing] = useState(false);
  const [statement, setStatement] = useState(conclusion.statement);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState<{ tactic: VerificationTactic | null } | null>(null);
  const [removing, setRemoving] = useState(false);
  const [trail, setTrail] = useState(false);
  const name = short(conclusion.statement);
  const act = (call: Promise<unknown>) => {
    setError(null);
    return call.catch((err: unknown) => setError(errorMessage(err)));
  };
  const own = conclusion.evidence.filter((e) => e.tactic === null);
  const supports = own.filter((e) => e.stance === 'supports');
  const contradicts = own.filter((e) => e.stance === 'contradicts');

  return (
    <li className={`conclusion conclusion--${conclusion.status}`} aria-label={short(conclusion.statement, 60)} onFocus={onFocus}>
      <div className="conclusion__top">
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select
            className={`input input--compact status-select status-select--${conclusion.status}`}
            aria-label={`Status of “${name}”`}
            value={conclusion.status}
            onChange={(e) => void act(mutate('conclusions.update', { id: conclusion.id, status: e.target.value as ConclusionStatus }))}
          >
            {conclusionStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Move “${name}” up`}
            disabled={conclusion.position === 0}
            onClick={() => void act(mutate('conclusions.move', { id: conclusion.id, position: conclusion.position - 1 }))}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Move “${name}” down`}
            disabled={last}
            onClick={() => void act(mutate('conclusions.move', { id: conclusion.id, position: conclusion.position + 1 }))}
          >
            ↓
          </button>
          {!editing && (
            <button type="button" className="button button--small button--quiet" aria-label={`Edit “${name}”`} onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          <button type="button" className="button button--small button--danger" aria-label={`Delete “${name}”`} onClick={() => setRemoving(true)}>
            Delete
          </button>
        </div>
      </div>
      {editing ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void act(mutate('conclusions.update', { id: conclusion.id, statement }).then(() => setEditing(false)));
          }}
        >
          <textarea className="input" aria-label="Edit conclusion statement" rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} autoFocus />
          <div className="button-row">
            <button type="submit" className="button button--primary button--small">
              Save conclusion
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setStatement(conclusion.statement);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="conclusion__statement">{conclusion.statement}</p>
      )}
      <InlineError message={error} />
      <div className="evidence-columns">
        <section className="evidence evidence--supports" aria-label={`Supporting evidence for “${name}”`}>
          <h3 className="evidence__title">
            Supports <span className="count">{supports.length}</span>
          </h3>
          {supports.length === 0 && <p className="muted small">None yet.</p>}
          <EvidenceList conclusionId={conclusion.id} items={supports} label="Supporting evidence" />
        </section>
        <section className="evidence evidence--contradicts" aria-label={`Contradicting evidence for “${name}”`}>
          <h3 className="evidence__title">
            Contradicts <span className="count">{contradicts.length}</span>
          </h3>
          {contradicts.length === 0 && <p className="muted small">None yet.</p>}
          <EvidenceList conclusionId={conclusion.id} items={contradicts} label="Contradicting evidence" />
        </section>
      </div>
      <div className="button-row">
        <button type="button" className="button button--small" aria-label={`Add evidence to “${name}”`} onClick={() => setPicking({ tactic: null })}>
          + Add evidence
        </button>
        <button type="button" className="button button--small button--quiet" aria-expanded={trail} onClick={() => setTrail(!trail)}>
          {trail ? 'Hide the evidence trail' : 'Show the evidence trail'}
        </button>
      </div>
      <TacticsChecklist conclusion={conclusion} onAddEvidence={(tactic) => setPicking({ tactic })} />
      {trail && <EvidenceTrail id={conclusion.id} />}
      {picking && <EvidencePicker conclusionId={conclusion.id} statement={conclusion.statement} tactic={picking.tactic} onClose={() => setPicking(null)} />}
      <ConfirmDialog
        open={removing}
        title="Delete this conclusion?"
        message={`“${short(conclusion.statement, 80)}” will be deleted with its evidence links and verification notes. Undo brings it back.`}
        confirmLabel="Delete conclusion"
        onCancel={() => setRemoving(false)}
        onConfirm={() => {
          setRemoving(false);
          void act(mutate('conclusions.remove', { id: conclusion.id }).then(() => announce('Conclusion deleted')));
        }}
      />
    </li>
  );
}
