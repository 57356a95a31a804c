import { useState } from 'react';
import { tacticLabels, type VerificationTactic } from '../../../../shared/domain/conclude/tactics';
import type { Conclusion, ConclusionTactic } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { EvidenceList } from './evidence-list';

/** Miles & Huberman's thirteen tactics for testing a conclusion, each checked off with a note and the evidence gathered for it. */
export function TacticsChecklist({ conclusion, onAddEvidence }: { conclusion: Conclusion; onAddEvidence(tactic: VerificationTactic): void }) {
  const done = conclusion.tactics.filter((t) => t.done).length;
  return (
    <details className="tactics">
      <summary>
        Verification <span className="count">{done} of 13</span>
      </summary>
      <ol className="tactics__list" aria-label="Verification tactics">
        {conclusion.tactics.map((t) => (
          <Tactic
            key={t.tactic}
            conclusion={conclusion}
            tactic={t}
            evidence={conclusion.evidence.filter((e) => e.tactic === t.tactic)}
            onAddEvidence={() => onAddEvidence(t.tactic)}
          />
        ))}
      </ol>
    </details>
  );
}

function Tactic({
  conclusion,
  tactic,
  evidence,
  onAddEvidence,
}: {
  conclusion: Conclusion;
  tactic: ConclusionTactic;
  evidence: Conclusion['evidence'];
  onAddEvidence(): void;
}) {
  const { name, question } = tacticLabels[tactic.tactic];
  const [note, setNote] = useState(tactic.note);
  const [error, setError] = useState<string | null>(null);
  const set = (change: { done?: boolean; note?: string }) =>
    mutate('conclusions.setTactic', { id: conclusion.id, tactic: tactic.tactic, ...change }).catch((err: unknown) => setError(errorMessage(err)));
  return (
    <li className={`tactic${tactic.done ? ' is-done' : ''}`}>
      <label className="checkbox tactic__name">
        <input type="checkbox" checked={tactic.done} onChange={(e) => void set({ done: e.target.checked })} />
        {name}
      </label>
      <p className="muted small tactic__question">{question}</p>
      <label className="field">
        <span className="visually-hidden">Note on {name.toLowerCase()}</span>
        <textarea
          className="input tactic__note"
          rows={2}
          value={note}
          placeholder="What you did, and what it showed…"
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (note.trim() !== tactic.note) void set({ note });
          }}
        />
      </label>
      {evidence.length > 0 && <EvidenceList conclusionId={conclusion.id} items={evidence} label={`Evidence for ${name.toLowerCase()}`} />}
      <button type="button" className="button button--small button--quiet" aria-label={`Add evidence for ${name.toLowerCase()}`} onClick={onAddEvidence}>
        + Evidence
      </button>
      <InlineError message={error} />
    </li>
  );
}
