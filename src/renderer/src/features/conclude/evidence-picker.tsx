import { useEffect, useId, useRef, useState } from 'react';
import { tacticLabels, type VerificationTactic } from '../../../../shared/domain/conclude/tactics';
import { evidenceKindLabels, evidenceKinds, type EvidenceKind, type Stance } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { announce } from '../../state/status';

interface Props {
  conclusionId: string;
  statement: string;
  /** Gathering evidence under a verification tactic, or for the conclusion itself (null). */
  tactic: VerificationTactic | null;
  onClose(): void;
}

/** A dialog for linking evidence of any kind: choose the kind, find the item, say how it bears on the conclusion and why. */
export function EvidencePicker({ conclusionId, statement, tactic, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [kind, setKind] = useState<EvidenceKind>('coding');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [stance, setStance] = useState<Stance>('supports');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const candidates = useQuery('conclusions.evidenceCandidates', { kind, query, limit: 50 });

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="evidence-picker" aria-labelledby={titleId} onCancel={onClose} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!chosen) {
            setError('Choose the item to link first.');
            return;
          }
          setError(null);
          mutate('conclusions.linkEvidence', { id: conclusionId, evidence: { kind, id: chosen, stance, note, tactic } }).then(
            () => {
              announce(`Linked ${evidenceKindLabels[kind].toLowerCase()} as ${stance === 'supports' ? 'supporting' : 'contradicting'} evidence`);
              onClose();
            },
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      >
        <h2 id={titleId} className="evidence-picker__title">
          Add evidence{tactic ? ` for ${tacticLabels[tactic].name.toLowerCase()}` : ''}
        </h2>
        <p className="muted small">To “{statement}”</p>
        <div className="button-row">
          <label className="field field--inline">
            <span className="field__label">Kind</span>
            <select className="input input--compact" value={kind} onChange={(e) => {
                setKind(e.target.value as EvidenceKind);
                setChosen(null);
              }}>
              {evidenceKinds.map((k) => (
                <option key={k} value={k}>
                  {evidenceKindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--inline evidence-picker__search">
            <span className="field__label">Find</span>
            <input className="input input--compact" type="search" value={query} placeholder="Words in the code, source or text…" onChange={(e) => {
                setQuery(e.target.value);
                setChosen(null);
              }}
            />
          </label>
        </div>
        <InlineError message={candidates.error} />
        <fieldset className="evidence-picker__choices">
          <legend className="visually-hidden">{evidenceKindLabels[kind]} to link</legend>
          {candidates.data?.length === 0 && <p className="muted">Nothing of this kind {query ? 'matches' : 'yet'}.</p>}
          {(candidates.data ?? []).map((c) => (
            <label key={c.id} className={`evidence-choice${chosen === c.id ? ' is-chosen' : ''}`}>
              <input type="radio" name="evidence-item" value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} />
              <span>
                <strong className="evidence-choice__title">{c.title}</strong>
                <span className="evidence-choice__excerpt">{c.excerpt}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="button-row evidence-picker__stance">
          <legend className="field__label">It</legend>
          <label className="checkbox">
            <input type="radio" name="stance" checked={stance === 'supports'} onChange={() => setStance('supports')} /> supports the conclusion
          </label>
          <label className="checkbox">
            <input type="radio" name="stance" checked={stance === 'contradicts'} onChange={() => setStance('contradicts')} /> contradicts it
          </label>
        </fieldset>
        <label className="field">
          <span className="field__label">Why (a short note)</span>
          <textarea className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <InlineError message={error} />
        <div className="button-row button-row--end">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Link evidence
          </button>
        </div>
      </form>
    </dialog>
  );
}
