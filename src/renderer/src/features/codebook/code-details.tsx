import { useMemo, useState } from 'react';
import type { MethodInput } from '../../../../shared/api/contract';
import type { Code } from '../../../../shared/domain/model';
import { codePalette, legibleCodeColour } from '../../../../shared/domain/rules/palette';
import { shortcutDigits } from '../../../../shared/domain/rules/shortcuts';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { AffectedConclusions } from '../../components/evidence-guard';
import { allNodes, buildCodeTree, codePath, subtreeIds } from '../../lib/code-tree';
import { announce } from '../../state/status';
import { useWorkspace } from '../../state/workspace';

type Criteria = Pick<Code, 'definition' | 'inclusion' | 'exclusion' | 'example'>;
const criteriaFields: Array<{ key: keyof Criteria; label: string; hint: string }> = [
  { key: 'definition', label: 'Definition', hint: 'What the code means.' },
  { key: 'inclusion', label: 'Apply when', hint: 'Inclusion criteria: what a passage must show.' },
  { key: 'exclusion', label: 'Do not apply when', hint: 'Exclusion criteria, and which code to use instead.' },
  { key: 'example', label: 'Example', hint: 'A passage that shows the code.' },
];

/** Colour, key, place, criteria, merging, splitting and deletion of the selected code. */
export function CodeDetails({ code, codes, onRename }: { code: Code; codes: Code[]; onRename(): void }) {
  const { selectCode, setCodeFilter, showSegments } = useWorkspace();
  const [criteria, setCriteria] = useState<Criteria>({ definition: code.definition, inclusion: code.inclusion, exclusion: code.exclusion, example: code.example });
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [mergeInto, setMergeInto] = useState('');
  const [splitting, setSplitting] = useState(false);
  const subtree = subtreeIds(codes, code.id);
  const doomedCodings = codes.filter((c) => subtree.has(c.id)).reduce((sum, c) => sum + c.codingCount, 0);
  const affected = useQuery('conclusions.affectedBy', confirming ? { codeIds: [...subtree] } : null);
  const nodes = useMemo(() => allNodes(buildCodeTree(codes)), [codes]);
  const parents = nodes.filter((node) => !subtree.has(node.code.id));
  const changed = criteriaFields.some(({ key }) => criteria[key] !== code[key]);

  const update = (change: Omit<MethodInput<'codes.update'>, 'id'>) => {
    setError(null);
    return mutate('codes.update', { id: code.id, ...change }).catch((err: unknown) => setError(errorMessage(err)));
  };

  return (
    <div className="code-details" aria-label={`Code ${code.name}`} role="group">
      <h3 className="code-details__title">
        <span className="swatch" style={{ background: legibleCodeColour(code.color) }} aria-hidden="true" /> {codePath(codes, code.id)}
      </h3>
      <div className="code-details__row">
        <button type="button" className="button button--small" onClick={onRename}>
          Rename
        </button>
        <button type="button" className="button button--small" onClick={() => setCodeFilter(code.id)}>
          Show in reader
        </button>
        <button type="button" className="button button--small" onClick={() => showSegments({ query: { op: 'code', codeId: code.id, subcodes: true } })}>
          Retrieve segments
        </button>
      </div>
      <fieldset className="palette">
        <legend className="field__label">Colour</legend>
        {codePalette.map((colour) => (
          <button
            key={colour}
            type="button"
            className={`palette__swatch${legibleCodeColour(code.color) === colour ? ' is-current' : ''}`}
            style={{ background: colour }}
            aria-label={`Colour ${colour}`}
            aria-pressed={legibleCodeColour(code.color) === colour}
            onClick={() => void update({ color: colour })}
          />
        ))}
        <input type="color" className="color-input" aria-label="Code colour" title="Any colour; one too light to see on the page is darkened" value={code.color} onChange={(e) => void update({ color: e.target.value })} />
      </fieldset>
      <div className="code-details__row">
        <label className="field field--inline">
          <span className="field__label">Key</span>
          <select className="input" aria-label="Key that applies the code" value={code.shortcut ?? ''} onChange={(e) => void update({ shortcut: e.target.value ? Number(e.target.value) : null })}>
            <option value="">Default</option>
            {shortcutDigits.map((digit) => (
              <option key={digit} value={digit}>
                {digit}
                {codes.find((c) => c.shortcut === digit && c.id !== code.id) ? ` (now ${codes.find((c) => c.shortcut === digit)!.name})` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">Under</span>
          <select className="input" aria-label="Move under…" value={code.parentId ?? ''} onChange={(e) => void update({ parentId: e.target.value || null })}>
            <option value="">Top level</option>
            {parents.map((node) => (
              <option key={node.code.id} value={node.code.id}>
                {'  '.repeat(node.depth)}
                {node.code.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <form
        className="stack"
        aria-label="Criteria"
        onSubmit={(event) => {
          event.preventDefault();
          void update(criteria).then(() => announce(`Criteria of ${code.name} saved`));
        }}
      >
        {criteriaFields.map(({ key, label, hint }) => (
          <label key={key} className="field">
            <span className="field__label">{label}</span>
            <textarea className="input" aria-label={label} rows={2} value={criteria[key]} placeholder={hint} onChange={(e) => setCriteria({ ...criteria, [key]: e.target.value })} />
          </label>
        ))}
        <button type="submit" className="button button--small" disabled={!changed}>
          Save criteria
        </button>
      </form>
      <form
        className="code-details__row"
        aria-label="Merge"
        onSubmit={(event) => {
          event.preventDefault();
          if (!mergeInto) return;
          setError(null);
          mutate('codes.merge', { ids: [code.id], intoId: mergeInto }).then(
            (result) => {
              announce(`Merged ${code.name} into ${result.into.name}: ${result.codingsMoved} codings moved, ${result.duplicatesCollapsed} duplicates made one`);
              selectCode(result.into.id);
            },
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      >
        <label className="field field--inline">
          <span className="field__label">Merge into</span>
          <select className="input" aria-label="Merge into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            <option value="">Choose a code…</option>
            {parents
              .filter((node) => !subtreeIds(codes, code.id).has(node.code.id))
              .map((node) => (
                <option key={node.code.id} value={node.code.id}>
                  {'  '.repeat(node.depth)}
                  {node.code.name}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="button button--small" disabled={!mergeInto}>
          Merge
        </button>
      </form>
      <div className="button-row">
        <button type="button" className="button button--small" aria-expanded={splitting} disabled={code.codingCount === 0} onClick={() => setSplitting(!splitting)}>
          Split…
        </button>
        <button type="button" className="button button--small button--danger" onClick={() => setConfirming(true)}>
          Delete code
        </button>
      </div>
      {splitting && <SplitForm code={code} onDone={() => setSplitting(false)} />}
      <InlineError message={error} />
      <ConfirmDialog
        open={confirming}
        title="Delete code"
        message={`Delete “${code.name}”${subtree.size > 1 ? ` and its ${subtree.size - 1} sub-codes` : ''}? ${doomedCodings} ${doomedCodings === 1 ? 'coding goes' : 'codings go'} with it. You can undo this.`}
        confirmLabel="Delete"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          mutate('codes.remove', { id: code.id }).then(
            (result) => {
              announce(`Deleted code ${result.name}`);
              selectCode(null);
              document.getElementById('codebook-filter')?.focus();
            },
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      >
        <AffectedConclusions conclusions={affected.data ?? []} />
      </ConfirmDialog>
    </div>
  );
}

/** Splitting a code: tick the segments that belong to a new code, name it, and they move there. */
function SplitForm({ code, onDone }: { code: Code; onDone(): void }) {
  const page = useQuery('segments.query', { query: { op: 'code', codeId: code.id }, limit: 500 });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rows = page.data?.rows ?? [];
  return (
    <form
      className="stack split-form"
      aria-label={`Split ${code.name}`}
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        mutate('codes.split', { id: code.id, codingIds: [...chosen], name }).then(
          (result) => {
            announce(`Moved ${result.moved} codings from ${code.name} to ${result.code.name}`);
            onDone();
          },
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <p className="muted small">Tick the segments that belong to the new code.</p>
      <ul className="split-form__list" aria-label={`Segments of ${code.name}`}>
        {rows.map((row) => {
          const id = row.codings[0]!.id;
          return (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.has(id)}
                  onChange={() =>
                    setChosen((set) => {
                      const next = new Set(set);
                      if (next.has(id)) next.delete(id);
                      else next.add(id);
                      return next;
                    })
                  }
                />{' '}
                <q>{row.text.length > 120 ? `${row.text.slice(0, 117)}…` : row.text}</q> <span className="muted small">{row.sourceTitle}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {page.data && page.data.total > rows.length && <p className="muted small">The first {rows.length} of {page.data.total} segments.</p>}
      <label className="field">
        <span className="field__label">New code</span>
        <input className="input" aria-label="Name of the new code" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <InlineError message={error ?? page.error} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={chosen.size === 0 || !name.trim()}>
          Split off {chosen.size} {chosen.size === 1 ? 'segment' : 'segments'}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
