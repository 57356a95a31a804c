import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { errorMessage } from '../../api/use-api';
import { codePath, filterCodes } from '../../lib/code-tree';
import './coding.css';
import { InlineError } from '../../components/inline-error';

interface Props {
  codes: Code[];
  /** The combobox's accessible name. */
  label: string;
  /** False while there is nothing to code: the list still filters, but nothing applies. */
  enabled: boolean;
  /** Applies the codes chosen: the one under the cursor, or every one ticked. */
  onApply(codeIds: string[]): Promise<unknown>;
  onCreate(name: string): Promise<unknown>;
  onCancel?(): void;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

type Option = { kind: 'code'; code: Code } | { kind: 'create'; name: string };

/** How many codes the list shows at once: typing narrows a large codebook to what is wanted. */
const shownLimit = 60;

/**
 * A filterable list of codes (the ARIA combobox pattern with an always-open listbox): type
 * to filter, arrows to move, Enter applies, Ctrl+Space (or the tick box) chooses several to
 * apply together, and a name that matches no code offers to create it.
 */
export function CodePicker({ codes, label, enabled, onApply, onCreate, onCancel, inputRef, autoFocus }: Props) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());

  const { options, more } = useMemo(() => {
    const name = query.trim();
    const all = filterCodes(codes, query);
    const matches: Option[] = all.slice(0, shownLimit).map((code) => ({ kind: 'code', code }));
    const exact = codes.some((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    return { options: name && !exact ? [...matches, { kind: 'create' as const, name }] : matches, more: Math.max(0, all.length - shownLimit) };
  }, [codes, query]);
  const toggle = (codeId: string) =>
    setTicked((set) => {
      const next = new Set(set);
      if (next.has(codeId)) next.delete(codeId);
      else next.add(codeId);
      return next;
    });
  const current = options[Math.min(active, options.length - 1)];
  const optionId = (option: Option) => `${listId}-${option.kind === 'code' ? option.code.id : 'create'}`;

  const run = async (option: Option | undefined) => {
    if (!option || !enabled || busy) return;
    setBusy(true);
    setError(null);
    try {
      if (option.kind === 'code') await onApply(ticked.size ? [...ticked] : [option.code.id]);
      else await onCreate(option.name);
      setQuery('');
      setActive(0);
      setTicked(new Set());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (Math.min(i, options.length - 1) + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === ' ' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (current?.kind === 'code') toggle(current.code.id);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void run(current);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      else onCancel?.();
    }
  };

  const createName = query.trim();
  const canCreate = Boolean(createName) && !codes.some((c) => c.name.toLocaleLowerCase() === createName.toLocaleLowerCase());

  return (
    <div className="code-picker">
      <input
        ref={inputRef}
        className="input code-picker__input"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder="Type to find or name a code…"
        value={query}
        autoFocus={autoFocus}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="code-picker__list" role="listbox" id={listId} aria-label="Codes" aria-multiselectable="true">
        {options.map((option, index) => (
          <li
            key={optionId(option)}
            id={optionId(option)}
            role="option"
            aria-selected={option.kind === 'code' ? ticked.has(option.code.id) || (ticked.size === 0 && option === current) : option === current}
            aria-disabled={!enabled}
            aria-label={option.kind === 'code' ? codePath(codes, option.code.id) : `Create code “${option.name}”`}
            className={`code-option${enabled && option === current ? ' is-active' : ''}`}
            // Keep focus (and the pending selection) in the combobox while clicking.
            onMouseDown={(event) => event.preventDefault()}
            onMouseEnter={() => setActive(index)}
            onClick={(event) => {
              if (option.kind === 'code' && (event.ctrlKey || event.metaKey)) toggle(option.code.id);
              else void run(option);
            }}
          >
            {option.kind === 'code' ? (
              <>
                <span
                  className={`code-option__tick${ticked.has(option.code.id) ? ' is-ticked' : ''}`}
                  aria-hidden="true"
                  title="Choose to apply with others (Ctrl+Space)"
                  onClick={(event) => {
                    event.stopPropagation();
                    toggle(option.code.id);
                  }}
                />
                <span className="swatch" style={{ background: option.code.color }} aria-hidden="true" />
                <span className="code-option__name">{option.code.name}</span>
                {option.code.parentId && <span className="code-option__path">{codePath(codes, option.code.parentId)}</span>}
                <span className="count" aria-hidden="true">{option.code.codingCount}</span>
              </>
            ) : (
              <span className="code-option__create">+ Create “{option.name}”</span>
            )}
          </li>
        ))}
        {options.length === 0 && <li className="code-picker__empty">The codebook is empty. Type a name to create a code.</li>}
      </ul>
      {more > 0 && <p className="muted small">{more.toLocaleString()} more codes: type to narrow the list.</p>}
      <div className="code-picker__actions">
        <button type="button" className="button button--primary" disabled={!enabled || busy || (current?.kind !== 'code' && ticked.size === 0)} onClick={() => void run(current?.kind === 'code' ? current : options.find((o) => o.kind === 'code'))}>
          {ticked.size > 1 ? `Apply ${ticked.size} codes` : 'Apply code'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!enabled || busy || !canCreate}
          onClick={() => void run({ kind: 'create', name: createName })}
        >
          Create code from selection
        </button>
      </div>
      <InlineError message={error} />
    </div>
  );
}
