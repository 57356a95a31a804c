import { useEffect, useId, useRef, useState } from 'react';
import type { Code, Coding } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { MemoForm } from '../../components/memo-form';
import { announce } from '../../state/status';
import { useWorkspace } from '../../state/workspace';
import { codePath } from '../../lib/code-tree';
import { InlineError } from '../../components/inline-error';
import { useEvidenceGuard } from '../../components/evidence-guard';
import { CodePicker } from './code-picker';

interface Props {
  codings: Coding[];
  codes: Code[];
  text: string;
  position: { top: number; left: number };
  onClose(): void;
  /** Shows the coding's drag handles and gives its stripe focus, for Shift+Alt+arrows. */
  onResize(codingId: string): void;
}

const excerpt = (text: string, coding: Coding) => {
  const body = text.slice(coding.start, coding.end).replace(/\s+/g, ' ');
  return body.length > 90 ? `${body.slice(0, 87)}…` : body;
};

/** What a click on coded text or a stripe opens: the codings there, each to recode, resize, memo, remove or use as evidence. */
export function CodingMenu({ codings, codes, text, position, onClose, onResize }: Props) {
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [linking, setLinking] = useState<string | null>(null);
  const [recoding, setRecoding] = useState<string | null>(null);
  const [memoing, setMemoing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { setCodeFilter } = useWorkspace();

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);

  const { guard, dialog: evidenceWarning } = useEvidenceGuard('this coding');
  const remove = async (coding: Coding) => {
    setError(null);
    try {
      // A coding that is evidence for a conclusion is removed only once the researcher has seen which conclusions lose it.
      await guard({ codingIds: [coding.id] }, () => {
        mutate('codings.remove', { ids: [coding.id] }).then(
          () => {
            announce('Coding removed');
            if (codings.length === 1) onClose();
          },
          (err: unknown) => setError(errorMessage(err)),
        );
      });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div
      ref={dialog}
      className="popover coding-menu"
      role="dialog"
      aria-labelledby={titleId}
      style={{ top: position.top, left: position.left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="popover__header">
        <h3 id={titleId} className="popover__title">
          Codings here
        </h3>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <ul className="coding-menu__list" aria-label="Codings here">
        {codings.map((coding) => {
          const code = codes.find((c) => c.id === coding.codeId);
          const name = code ? codePath(codes, code.id) : 'Unknown code';
          return (
            <li key={coding.id} className="coding-menu__item">
              <div className="coding-menu__code">
                <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
                <strong>{name}</strong>
              </div>
              <q className="coding-menu__excerpt">{excerpt(text, coding)}</q>
              <span className="muted coding-menu__coder">
                Coded by {coding.coder}, {new Date(coding.createdAt).toLocaleDateString()}
              </span>
              {coding.summary && <p className="coding-menu__summary">Summary: {coding.summary}</p>}
              <div className="button-row">
                <button type="button" className="button button--small" aria-expanded={recoding === coding.id} aria-label={`Change the code of coding ${name}`} onClick={() => setRecoding(recoding === coding.id ? null : coding.id)}>
                  Change code
                </button>
                <button type="button" className="button button--small" aria-label={`Resize coding ${name}`} title="Drag its handles, or Shift+Alt+arrows" onClick={() => onResize(coding.id)}>
                  Resize
                </button>
                <button type="button" className="button button--small" data-memo-for={coding.id} aria-expanded={memoing === coding.id} aria-label={`Write a memo on coding ${name}`} onClick={() => setMemoing(memoing === coding.id ? null : coding.id)}>
                  Memo
                </button>
                <button type="button" className="button button--small button--danger" aria-label={`Remove coding ${name}`} onClick={() => void remove(coding)}>
                  Remove
                </button>
                <button
                  type="button"
                  className="button button--small"
                  aria-expanded={linking === coding.id}
                  aria-label={`Use coding ${name} as evidence for…`}
                  onClick={() => setLinking(linking === coding.id ? null : coding.id)}
                >
                  Use as evidence for…
                </button>
                {code && (
                  <button type="button" className="button button--small button--quiet" onClick={() => setCodeFilter(code.id)}>
                    Show only {code.name}
                  </button>
                )}
              </div>
              {recoding === coding.id && (
                <CodePicker
                  codes={codes.filter((c) => c.id !== coding.codeId)}
                  label={`New code for coding ${name}`}
                  enabled
                  autoFocus
                  onApply={async ([codeId]) => {
                    if (!codeId) return;
                    await mutate('codings.update', { id: coding.id, codeId });
                    announce(`Recoded as ${codePath(codes, codeId)}`);
                    onClose();
                  }}
                  onCreate={async (newName) => {
                    const code = await mutate('codes.create', { name: newName });
                    await mutate('codings.update', { id: coding.id, codeId: code.id });
                    onClose();
                  }}
                  onCancel={() => {
                    setRecoding(null);
                    requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>('button')?.focus());
                  }}
                />
              )}
              {memoing === coding.id && (
                <MemoForm
                  target={{ kind: 'coding', id: coding.id }}
                  label={`Memo on coding ${name}`}
                  onDone={() => {
                    setMemoing(null);
                    // The form leaves with the focus in it: give focus back to the menu, never to <body>.
                    requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>(`[data-memo-for="${CSS.escape(coding.id)}"]`)?.focus());
                  }}
                />
              )}
              {linking === coding.id && (
                <EvidenceForm
                  coding={coding}
                  onLinked={(statement) => {
                    setLinking(null);
                    setNotice(`Linked as evidence for “${statement}”.`);
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <InlineError message={error} />
      {evidenceWarning}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}

function EvidenceForm({ coding, onLinked }: { coding: Coding; onLinked(statement: string): void }) {
  const conclusions = useQuery('conclusions.list', {});
  const [conclusionId, setConclusionId] = useState('');
  const [stance, setStance] = useState<'supports' | 'contradicts'>('supports');
  const [error, setError] = useState<string | null>(null);
  const list = conclusions.data ?? [];
  const chosen = conclusionId || list[0]?.id || '';

  if (conclusions.data && list.length === 0) {
    return <p className="muted">There are no conclusions yet. Write one in the Conclude stage first.</p>;
  }

  return (
    <form
      className="evidence-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!chosen) return;
        mutate('conclusions.linkEvidence', { id: chosen, evidence: { kind: 'coding', id: coding.id, stance } }).then(
          (conclusion) => onLinked(conclusion.statement),
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <label className="field">
        <span className="field__label">Conclusion</span>
        <select className="input" value={chosen} onChange={(event) => setConclusionId(event.target.value)}>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.statement.length > 80 ? `${c.statement.slice(0, 77)}…` : c.statement}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Stance</span>
        <select className="input" value={stance} onChange={(event) => setStance(event.target.value as 'supports' | 'contradicts')}>
          <option value="supports">Supports</option>
          <option value="contradicts">Contradicts</option>
        </select>
      </label>
      <button type="submit" className="button button--primary button--small">
        Link as evidence
      </button>
      <InlineError message={error} />
    </form>
  );
}
