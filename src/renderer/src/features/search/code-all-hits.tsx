import { useId, useMemo, useState } from 'react';
import type { MethodInput } from '../../../../shared/api/contract';
import { api } from '../../api/client';
import { errorMessage, mutate, useQuery, walkHistory } from '../../api/use-api';
import { allNodes, buildCodeTree } from '../../lib/code-tree';
import { InlineError } from '../../components/inline-error';

type Filters = NonNullable<MethodInput<'search.query'>['filters']>;
type Scope = MethodInput<'search.codeHits'>['scope'];

interface Applied {
  codingIds: string[];
  codeName: string;
}

const plural = (n: number, word: string) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

/** "Code all hits": pick a code and what to code, see how many spans that makes, apply them as one step, and undo that step. */
export function CodeAllHits({ q, filters, onClose }: { q: string; filters: Filters; onClose(): void }) {
  const scopeName = useId();
  const codesQuery = useQuery('codes.list', {});
  const nodes = useMemo(() => allNodes(buildCodeTree(codesQuery.data ?? [])), [codesQuery.data]);
  const [codeId, setCodeId] = useState('');
  const [scope, setScope] = useState<Scope>('passage');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const input = codeId ? { q, filters, codeId, scope } : null;
  const preview = useQuery('search.previewCodeHits', input);
  const code = nodes.find((n) => n.code.id === codeId)?.code;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const apply = () =>
    run(async () => {
      if (!input || !code) return;
      const result = await mutate('search.codeHits', input);
      setUndone(null);
      setApplied({ codingIds: result.codingIds, codeName: code.name });
    });
  // The coding was one step in the project's undo history: Undo here takes back that step, if it is still the newest.
  const undo = () =>
    run(async () => {
      if (!applied) return;
      const { undo: steps } = await api.call('history.list', {});
      if (steps[0]?.method !== 'search.codeHits') {
        throw new Error('Other changes were made since these codings; undo them first, or use the undo history (Ctrl+Shift+H).');
      }
      await walkHistory('undo');
      setApplied(null);
      setUndone(applied.codingIds.length);
    });

  const count = preview.data?.count ?? 0;
  return (
    <section className="code-all-hits" aria-label="Code all hits">
      <div className="code-all-hits__row">
        <label className="field field--inline">
          <span className="field__label">Code</span>
          <select className="input input--compact code-all-hits__code" aria-label="Code to apply" value={codeId} onChange={(event) => setCodeId(event.target.value)}>
            <option value="">Choose a code…</option>
            {nodes.map(({ code: c, depth }) => (
              <option key={c.id} value={c.id}>
                {`${'\u2003'.repeat(depth)}${c.name}`}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="code-all-hits__scope">
          <legend className="visually-hidden">What to code</legend>
          {(
            [
              ['passage', 'Whole passages'],
              ['match', 'Matched words only'],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input type="radio" name={scopeName} value={value} checked={scope === value} onChange={() => setScope(value)} /> {label}
            </label>
          ))}
        </fieldset>
        <button type="button" className="icon-button code-all-hits__close" aria-label="Close code all hits" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="code-all-hits__row" role="status">
        {preview.error && <span className="inline-error">{preview.error}</span>}
        {!codeId && <span className="muted">Choose the code to apply to every passage this search finds.</span>}
        {preview.data && (
          <span>
            {count > 0
              ? `Will add ${plural(count, 'coding')} in ${plural(preview.data.sourceCount, 'source')}`
              : 'Nothing new to code'}
            {preview.data.alreadyCoded > 0 && <span className="muted">{` · ${preview.data.alreadyCoded} already coded`}</span>}
          </span>
        )}
        {applied && <span>{`Coded ${plural(applied.codingIds.length, 'span')} with “${applied.codeName}”.`}</span>}
        {undone !== null && <span>{`Removed ${plural(undone, 'coding')}.`}</span>}
      </div>
      {preview.data && preview.data.sample.length > 0 && (
        <ol className="code-all-hits__sample" aria-label="Spans to code">
          {preview.data.sample.slice(0, 5).map((span) => (
            <li key={`${span.sourceId}:${span.start}`}>
              <span className="muted">{span.sourceTitle}:</span> {span.text}
            </li>
          ))}
        </ol>
      )}
      <div className="button-row">
        <button type="button" className="button button--primary button--small" disabled={busy || count === 0} onClick={() => void apply()}>
          Apply code
        </button>
        {applied && applied.codingIds.length > 0 && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => void undo()}>
            Undo
          </button>
        )}
      </div>
      <InlineError message={error} />
    </section>
  );
}
