import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { MethodInput } from '../../../../shared/api/contract';
import { stages, type Stage } from '../../../../shared/domain/model';
import { searchKinds, type SearchGroup, type SearchHitView, type SearchKind, type SearchResponse } from '../../../../shared/domain/search';
import { useQuery } from '../../api/use-api';
import { allNodes, buildCodeTree } from '../../lib/code-tree';
import { CodeAllHits } from './code-all-hits';
import { FindSupport } from '../../components/find-support';
import { useCommands } from '../../state/commands';
import { HitSnippet, kindLabels } from '../../components/hit-snippet';
import { canOpen, useOpenHit } from '../../state/open-hit';
import { SearchHelp } from './search-help';
import './search.css';
import { InlineError } from '../../components/inline-error';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const TYPING_PAUSE_MS = 150;
const PAGE = 50;

interface FilterChoice {
  kind: SearchKind | '';
  sourceId: string;
  codeId: string;
  stage: Stage | '';
  /** A name = value pair as JSON [name, value], since an option's value is one string; '' for any. */
  attribute: string;
  /** A transcript speaker's turns only; '' for any passage. */
  speaker: string;
  caseId: string;
}

type Filters = NonNullable<MethodInput<'search.query'>['filters']>;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function attributeOf(choice: string): { name: string; value: string } {
  const [name, value] = JSON.parse(choice) as [string, string];
  return { name, value };
}

function toFilters(choice: FilterChoice): Filters {
  return {
    ...(choice.kind ? { kinds: [choice.kind] } : {}),
    ...(choice.sourceId ? { sourceIds: [choice.sourceId] } : {}),
    ...(choice.codeId ? { codeIds: [choice.codeId] } : {}),
    ...(choice.stage ? { stages: [choice.stage] } : {}),
    ...(choice.attribute ? { attributes: [attributeOf(choice.attribute)] } : {}),
    ...(choice.speaker ? { speakers: [choice.speaker] } : {}),
    ...(choice.caseId ? { caseIds: [choice.caseId] } : {}),
  };
}

const noFilter: FilterChoice = { kind: '', sourceId: '', codeId: '', stage: '', attribute: '', speaker: '', caseId: '' };

/** The search box in the top bar: search as you type, filters, grouped results, "Code all hits" and "Find support". */
export function SearchBox() {
  const ids = useId();
  const root = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<FilterChoice>(noFilter);
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [coding, setCoding] = useState(false);
  const [supportFor, setSupportFor] = useState<string | null>(null);
  /** The highlighted result; -1 until the arrow keys or the pointer pick one (Enter then opens the first). */
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), TYPING_PAUSE_MS);
  const filters = useMemo(() => toFilters(choice), [choice]);
  const result = useQuery('search.query', q ? { q, limit: PAGE, filters } : null);
  const sources = useQuery('sources.list', {});
  const codes = useQuery('codes.list', {});
  const attributes = useQuery('sources.listAttributes', {});
  const speakers = useQuery('sources.listSpeakers', {});
  const cases = useQuery('cases.list', {});
  // A pair removed from every source (in Collect, say) would otherwise filter out everything unseen.
  if (choice.attribute && attributes.data && !attributes.data.some((a) => JSON.stringify([a.name, a.value]) === choice.attribute)) {
    setChoice({ ...choice, attribute: '' });
  }
  if (choice.caseId && cases.data && !cases.data.some((c) => c.id === choice.caseId)) setChoice({ ...choice, caseId: '' });
  if (choice.speaker && speakers.data && !speakers.data.some((s) => s.speaker === choice.speaker)) setChoice({ ...choice, speaker: '' });
  const codeNodes = useMemo(() => allNodes(buildCodeTree(codes.data ?? [])), [codes.data]);
  const openHit = useOpenHit();

  // Keep showing the last answer while the next one loads, so results do not blink as you type.
  const [shown, setShown] = useState<SearchResponse | undefined>(undefined);
  if (result.data && result.data !== shown) setShown(result.data);
  const answer = q ? (result.data ?? (result.loading && !result.error ? shown : undefined)) : undefined;
  const hits = useMemo(() => (answer?.groups ?? []).flatMap((group) => group.hits.map((hit) => ({ group, hit }))), [answer]);
  const current = Math.min(active, hits.length - 1);
  const optionId = (index: number) => `${ids}-hit-${index}`;

  // Close when the user clicks anywhere outside the search box and its panel.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  // Ctrl+K (Cmd+K) jumps to the search box from anywhere, as in most desktop apps.
  useCommands([
    {
      id: 'search.focus',
      title: 'Search the project',
      category: 'Search',
      keys: ['Mod+K'],
      inTextFields: true,
      run: () => {
        field.current?.focus();
        field.current?.select();
      },
    },
  ]);

  const choose = (group: SearchGroup, hit: SearchHitView) => {
    if (!canOpen(group, hit)) return;
    openHit(group, hit);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length) setActive(event.key === 'ArrowDown' ? (current + 1) % hits.length : current <= 0 ? hits.length - 1 : current - 1);
    } else if (event.key === 'Enter') {
      const target = hits[Math.max(0, current)];
      if (target) {
        event.preventDefault();
        choose(target.group, target.hit);
      }
    } else if (event.key === 'Escape' && open) {
      // Escape first closes the results; a second one clears the box (the search field's own behaviour).
      event.preventDefault();
      setOpen(false);
    }
  };

  const setFilter = <K extends keyof FilterChoice>(key: K, value: FilterChoice[K]) => {
    setChoice((previous) => ({ ...previous, [key]: value }));
    setActive(-1);
  };

  const listId = `${ids}-results`;
  const showPanel = open && text.trim() !== '';
  let index = -1;
  return (
    <div className="search-box" ref={root}>
      <div className="search-box__field">
        <input
          ref={field}
          type="search"
          className="input search-box__input"
          aria-label="Search project"
          placeholder="Search project (Ctrl+K)"
          value={text}
          autoComplete="off"
          spellCheck={false}
          aria-controls={showPanel ? listId : undefined}
          aria-activedescendant={showPanel && current >= 0 ? optionId(current) : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setActive(-1);
            setSupportFor(null);
            // A new search starts a new "Code all hits": its preview and undo belong to the old one.
            setCoding(false);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="icon-button search-box__help" aria-label="Search help" aria-expanded={help} onClick={() => setHelp(!help)}>
          ?
        </button>
      </div>
      {help && <SearchHelp onClose={() => setHelp(false)} />}
      {/* Hidden rather than unmounted when closed, so a "Code all hits" keeps its Undo until the next search. */}
      {text.trim() !== '' && (
        <div className="popover search-panel" role="region" aria-label="Search results panel" hidden={!showPanel}>
          <div className="search-panel__filters">
            <select className="input input--compact" aria-label="Filter by kind" value={choice.kind} onChange={(e) => setFilter('kind', e.target.value as SearchKind | '')}>
              <option value="">All kinds</option>
              {searchKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {kindLabels[kind]}s
                </option>
              ))}
            </select>
            <select className="input input--compact" aria-label="Filter by source" value={choice.sourceId} onChange={(e) => setFilter('sourceId', e.target.value)}>
              <option value="">All sources</option>
              {(sources.data ?? []).map((source) => (
                <option key={source.id} value={source.id}>
                  {source.title}
                </option>
              ))}
            </select>
            <select className="input input--compact" aria-label="Filter by code" value={choice.codeId} onChange={(e) => setFilter('codeId', e.target.value)}>
              <option value="">Any code</option>
              {codeNodes.map(({ code, depth }) => (
                <option key={code.id} value={code.id}>
                  {`${'\u2003'.repeat(depth)}${code.name}`}
                </option>
              ))}
            </select>
            <select className="input input--compact" aria-label="Filter by stage" value={choice.stage} onChange={(e) => setFilter('stage', e.target.value as Stage | '')}>
              <option value="">Any stage</option>
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {stage[0]!.toUpperCase() + stage.slice(1)}
                </option>
              ))}
            </select>
            <select className="input input--compact" aria-label="Filter by attribute" value={choice.attribute} onChange={(e) => setFilter('attribute', e.target.value)}>
              <option value="">Any attribute</option>
              {(attributes.data ?? []).map(({ name, value, sourceCount }) => (
                <option key={JSON.stringify([name, value])} value={JSON.stringify([name, value])}>
                  {`${name} = ${value} (${sourceCount})`}
                </option>
              ))}
            </select>
            {(speakers.data?.length ?? 0) > 0 && (
              <select className="input input--compact" aria-label="Filter by speaker" value={choice.speaker} onChange={(e) => setFilter('speaker', e.target.value)}>
                <option value="">Any speaker</option>
                {(speakers.data ?? []).map(({ speaker, turnCount }) => (
                  <option key={speaker} value={speaker}>
                    {`${speaker} (${turnCount} ${turnCount === 1 ? 'turn' : 'turns'})`}
                  </option>
                ))}
              </select>
            )}
            {(cases.data?.length ?? 0) > 0 && (
              <select className="input input--compact" aria-label="Filter by case" value={choice.caseId} onChange={(e) => setFilter('caseId', e.target.value)}>
                <option value="">Any case</option>
                {(cases.data ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="search-panel__summary">
            <span role="status" aria-live="polite" className="search-panel__count">
              {result.error
                ? ''
                : answer
                  ? `${answer.total.toLocaleString()} ${answer.total === 1 ? 'hit' : 'hits'}${answer.total > hits.length ? ` (best ${hits.length} shown)` : ''}`
                  : 'Searching…'}
            </span>
            <button type="button" className="button button--small" aria-expanded={coding} disabled={!q || !answer?.total} onClick={() => setCoding(!coding)}>
              Code all hits
            </button>
          </div>
          <InlineError message={result.error} />
          {coding && q && <CodeAllHits q={q} filters={filters} onClose={() => setCoding(false)} />}
          {supportFor ? (
            <div className="search-panel__support">
              <button type="button" className="link-button" onClick={() => setSupportFor(null)}>
                ← Back to results
              </button>
              <FindSupport claimId={supportFor} onOpened={() => setOpen(false)} />
            </div>
          ) : (
            <div className="search-panel__results" id={listId} role="listbox" aria-label="Search results">
              {answer?.groups.map((group) => (
                <div key={group.sourceId ?? 'none'} role="group" aria-label={group.sourceTitle} className="search-group">
                  <div className="search-group__title" aria-hidden="true">
                    {group.sourceTitle}
                  </div>
                  {group.hits.map((hit) => {
                    index++;
                    const at = index;
                    return (
                      <div
                        key={hit.id}
                        id={optionId(at)}
                        role="option"
                        aria-selected={at === current}
                        aria-disabled={!canOpen(group, hit)}
                        className={`search-hit${at === current ? ' is-active' : ''}`}
                        onPointerMove={() => setActive(at)}
                        onClick={() => choose(group, hit)}
                      >
                        <span className="search-hit__meta">
                          <span className="badge">{kindLabels[hit.kind]}</span>
                          {hit.kind !== 'passage' && hit.kind !== 'claim' && <span className="search-hit__title">{hit.title}</span>}
                          {hit.kind === 'claim' && (
                            <button
                              type="button"
                              className="link-button search-hit__support"
                              onClick={(event) => {
                                event.stopPropagation();
                                setSupportFor(hit.id);
                              }}
                            >
                              Find support
                            </button>
                          )}
                        </span>
                        <HitSnippet hit={hit} />
                      </div>
                    );
                  })}
                </div>
              ))}
              {answer && answer.total === 0 && <p className="empty-state">No matches. Try fewer words, a prefix such as ship*, or other filters.</p>}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
