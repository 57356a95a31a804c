import { useMemo, useState } from 'react';
import { themeKinds, type Code, type Theme, type ThemeKind } from '../../../../shared/domain/model';
import { legibleCodeColour } from '../../../../shared/domain/rules/palette';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { allNodes, buildCodeTree } from '../../lib/code-tree';
import { announce } from '../../state/status';
import './themes.css';

const kindLabels: Record<ThemeKind, string> = { theme: 'Theme', category: 'Category' };

/** Pattern codes: themes and categories grouping codes beside the hierarchy; each code keeps its own codings. */
export function ThemesPanel({ codes, selectedId, onSelect }: { codes: Code[]; selectedId: string | null; onSelect(id: string | null): void }) {
  const themes = useQuery('themes.list', {});
  const [creating, setCreating] = useState(false);
  const list = themes.data ?? [];
  const selected = list.find((t) => t.id === selectedId) ?? null;
  return (
    <section className="panel themes" aria-label="Themes">
      <div className="panel__header">
        <h2 className="panel__title">Themes</h2>
        <span className="count">{list.length}</span>
        <button type="button" className="button button--small" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          New theme
        </button>
      </div>
      {creating && (
        <NewThemeForm
          onDone={(theme) => {
            setCreating(false);
            if (theme) onSelect(theme.id);
          }}
        />
      )}
      <InlineError message={themes.error} />
      <ul className="theme-list" aria-label="Themes and categories">
        {list.map((theme) => (
          <li key={theme.id}>
            <button type="button" className={`theme-item${theme.id === selectedId ? ' is-selected' : ''}`} aria-pressed={theme.id === selectedId} onClick={() => onSelect(theme.id === selectedId ? null : theme.id)}>
              <span className="theme-item__name">{theme.name}</span>
              <span className="badge">{kindLabels[theme.kind]}</span>
              <span className="count">{theme.codeIds.length}</span>
            </button>
          </li>
        ))}
        {themes.data && list.length === 0 && <li className="empty-state">No themes yet. Group codes that belong together into a theme or category.</li>}
      </ul>
      {selected && <ThemeDetails key={selected.id} theme={selected} codes={codes} onDeleted={() => onSelect(null)} />}
    </section>
  );
}

function NewThemeForm({ onDone }: { onDone(theme: Theme | null): void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ThemeKind>('theme');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="stack new-code-form"
      aria-label="New theme"
      onSubmit={(event) => {
        event.preventDefault();
        mutate('themes.create', { name, kind }).then(
          (theme) => {
            announce(`Created ${kind} ${theme.name}`);
            onDone(theme);
          },
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <input className="input" aria-label="Theme name" placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      <select className="input" aria-label="Kind of grouping" value={kind} onChange={(e) => setKind(e.target.value as ThemeKind)}>
        {themeKinds.map((k) => (
          <option key={k} value={k}>
            {kindLabels[k]}
          </option>
        ))}
      </select>
      <InlineError message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small">
          Add theme
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ThemeDetails({ theme, codes, onDeleted }: { theme: Theme; codes: Code[]; onDeleted(): void }) {
  const [description, setDescription] = useState(theme.description);
  const [adding, setAdding] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const candidates = useMemo(() => allNodes(buildCodeTree(codes)).filter((n) => !theme.codeIds.includes(n.code.id)), [codes, theme.codeIds]);
  const fail = (err: unknown) => setError(errorMessage(err));
  return (
    <div className="theme-details" role="group" aria-label={`Theme ${theme.name}`}>
      <ul className="theme-codes" aria-label={`Codes in ${theme.name}`}>
        {theme.codeIds.map((id) => {
          const code = byId.get(id);
          if (!code) return null;
          return (
            <li key={id} className="code-chip" style={{ borderColor: legibleCodeColour(code.color) }}>
              {code.name} <span className="muted small">({code.codingCount})</span>
              <button type="button" className="icon-button" aria-label={`Take ${code.name} out of ${theme.name}`} onClick={() => mutate('themes.removeCodes', { id: theme.id, codeIds: [id] }).catch(fail)}>
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <form
        className="code-details__row"
        onSubmit={(event) => {
          event.preventDefault();
          if (!adding) return;
          mutate('themes.addCodes', { id: theme.id, codeIds: [adding] }).then(() => {
            announce(`Added ${byId.get(adding)?.name} to ${theme.name}`);
            setAdding('');
          }, fail);
        }}
      >
        <select className="input" aria-label={`Code to add to ${theme.name}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">Add a code…</option>
          {candidates.map((node) => (
            <option key={node.code.id} value={node.code.id}>
              {' '.repeat(node.depth * 2)}
              {node.code.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--small" disabled={!adding}>
          Add
        </button>
      </form>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          mutate('themes.update', { id: theme.id, description }).then(() => announce('Description saved'), fail);
        }}
      >
        <label className="field">
          <span className="field__label">Description</span>
          <textarea className="input" aria-label={`Description of ${theme.name}`} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What the codes have in common; the pattern they show." />
        </label>
        <div className="button-row">
          <button type="submit" className="button button--small" disabled={description === theme.description}>
            Save description
          </button>
          <button type="button" className="button button--small button--danger" onClick={() => setConfirming(true)}>
            Delete theme
          </button>
        </div>
      </form>
      <InlineError message={error} />
      <ConfirmDialog
        open={confirming}
        title="Delete theme"
        message={`Delete “${theme.name}”? Its codes and their codings stay; memos on the theme go with it. You can undo this.`}
        confirmLabel="Delete"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          mutate('themes.remove', { id: theme.id }).then(onDeleted, fail);
        }}
      />
    </div>
  );
}
