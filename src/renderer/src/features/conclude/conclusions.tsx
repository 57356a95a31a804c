import { useState } from 'react';
import { conclusionStatusLabels as statusLabels, conclusionStatuses, type Conclusion, type ConclusionEvidence, type ConclusionStatus } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import './conclude.css';
import { InlineError } from '../../components/inline-error';

const short = (text: string, length = 60) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The conclusions of the project, each with its evidence; the Conclude screen sets it beside the project's memos. */
export function Conclusions() {
  const conclusions = useQuery('conclusions.list', {});
  const sources = useQuery('sources.list', {});
  const list = conclusions.data ?? [];
  const titleOf = (id: string) => (sources.data ? (sources.data.find((s) => s.id === id)?.title ?? 'A removed source') : '…');
  return (
    <section className="conclude-main" aria-label="Conclusions">
      <header className="view-header">
        <div>
          <h2 className="view-header__title">Conclusions</h2>
          <p className="muted">
            State what the data suggest, then test each statement against the evidence. To add evidence, click a coded passage in the reader and choose “Use as
            evidence for…”.
          </p>
        </div>
      </header>
      <NewConclusionForm />
      <InlineError message={conclusions.error} />
      <ol className="conclusion-list" aria-label="Conclusion list">
        {list.map((conclusion) => (
          <ConclusionCard key={conclusion.id} conclusion={conclusion} titleOf={titleOf} />
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

type SourceTitle = (sourceId: string) => string;

function ConclusionCard({ conclusion, titleOf }: { conclusion: Conclusion; titleOf: SourceTitle }) {
  const [editing, setEditing] = useState(false);
  const [statement, setStatement] = useState(conclusion.statement);
  const [error, setError] = useState<string | null>(null);
  const update = (change: { statement?: string; status?: ConclusionStatus }) => {
    setError(null);
    return mutate('conclusions.update', { id: conclusion.id, ...change }).then(
      () => setEditing(false),
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  const supports = conclusion.evidence.filter((e) => e.stance === 'supports');
  const contradicts = conclusion.evidence.filter((e) => e.stance === 'contradicts');

  return (
    <li className={`conclusion conclusion--${conclusion.status}`} aria-label={short(conclusion.statement)}>
      <div className="conclusion__top">
        <label className="field field--inline">
          <span className="field__label">Status</span>
          <select
            className={`input input--compact status-select status-select--${conclusion.status}`}
            aria-label={`Status of “${short(conclusion.statement, 40)}”`}
            value={conclusion.status}
            onChange={(e) => void update({ status: e.target.value as ConclusionStatus })}
          >
            {conclusionStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
        </label>
        {!editing && (
          <button type="button" className="button button--small button--quiet" aria-label={`Edit “${short(conclusion.statement, 40)}”`} onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
      </div>
      {editing ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void update({ statement });
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
        <EvidenceList title="Supports" items={supports} titleOf={titleOf} />
        <EvidenceList title="Contradicts" items={contradicts} titleOf={titleOf} />
      </div>
    </li>
  );
}

function EvidenceList({ title, items, titleOf }: { title: string; items: ConclusionEvidence[]; titleOf: SourceTitle }) {
  const { openSource } = useWorkspace();
  return (
    <div className={`evidence evidence--${title.toLowerCase()}`} role="group" aria-label={`${title} evidence`}>
      <h3 className="evidence__title">
        {title} <span className="count">{items.length}</span>
      </h3>
      {items.length === 0 && <p className="muted small">None yet.</p>}
      <ul className="evidence__list">
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}`}>
            <blockquote className="evidence__excerpt">{item.excerpt}</blockquote>
            <button
              type="button"
              className="link-button small"
              onClick={() => openSource(item.sourceId, { codeId: null, codingId: item.kind === 'coding' ? item.id : null, view: 'reduce' })}
            >
              {titleOf(item.sourceId)} · {item.kind === 'coding' ? 'open coding' : 'open claim'} →
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
