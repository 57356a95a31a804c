import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { legibleCodeColour } from '../../../../shared/domain/rules/palette';
import type { SegmentFilter, SegmentQuery } from '../../../../shared/domain/segments/query';
import type { SegmentContext, SegmentRow } from '../../../../shared/domain/segments/types';
import { api } from '../../api/client';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { allNodes, buildCodeTree, codePaths } from '../../lib/code-tree';
import { announce } from '../../state/status';
import { useWorkspace } from '../../state/workspace';
import './segments.css';

type Operator = 'and' | 'or' | 'not' | 'overlap' | 'near';
interface Term {
  op: Operator;
  codeId: string;
  subcodes: boolean;
}

const operators: Array<{ op: Operator; label: string }> = [
  { op: 'and', label: 'AND (text coded with both)' },
  { op: 'or', label: 'OR (either)' },
  { op: 'not', label: 'NOT (without)' },
  { op: 'overlap', label: 'overlapping' },
  { op: 'near', label: 'near (within N characters)' },
];

/** The query the terms build, read left to right: ((first op second) op third) … */
function buildQuery(terms: readonly Term[], within: number): SegmentQuery | null {
  const [first, ...rest] = terms.filter((t) => t.codeId);
  if (!first) return null;
  return rest.reduce<SegmentQuery>((query, term) => {
    const code: SegmentQuery = { op: 'code', codeId: term.codeId, subcodes: term.subcodes };
    switch (term.op) {
      case 'and':
      case 'or':
        return { op: term.op, of: [query, code] };
      case 'not':
        return { op: 'not', of: query, without: code };
      case 'overlap':
        return { op: 'overlap', of: query, with: code };
      case 'near':
        return { op: 'near', of: query, to: code, within };
    }
  }, { op: 'code', codeId: first.codeId, subcodes: first.subcodes });
}

/** Terms for a query the view can show (a code, or a chain of codes), so a request from elsewhere fills the form. */
function termsOf(query: SegmentQuery): Term[] | null {
  if (query.op === 'code') return [{ op: 'or', codeId: query.codeId, subcodes: Boolean(query.subcodes) }];
  const left = query.op === 'and' || query.op === 'or' ? query.of[0] : query.of;
  const right = query.op === 'and' || query.op === 'or' ? query.of[1] : query.op === 'not' ? query.without : query.op === 'overlap' ? query.with : query.to;
  if (!left || !right || right.op !== 'code') return null;
  const head = termsOf(left);
  return head && [...head, { op: query.op, codeId: right.codeId, subcodes: Boolean(right.subcodes) }];
}

const pageSize = 200;

/** Retrieved segments: a coding query's segments with their context, each to open in the reader and summarise. */
export function SegmentsView() {
  const { segmentRequest } = useWorkspace();
  const codesQuery = useQuery('codes.list', {});
  const codes = useMemo(() => codesQuery.data ?? [], [codesQuery.data]);
  const [terms, setTerms] = useState<Term[]>([{ op: 'or', codeId: '', subcodes: true }]);
  const [within, setWithin] = useState(200);
  const [filter, setFilter] = useState<SegmentFilter>({});
  const [tab, setTab] = useState<'segments' | 'table'>('segments');
  const [seenRequest, setSeenRequest] = useState<number | undefined>(undefined);

  // A request from elsewhere (a code's details, a matrix cell) replaces the form.
  if (segmentRequest && segmentRequest.request !== seenRequest) {
    setSeenRequest(segmentRequest.request);
    const fromRequest = termsOf(segmentRequest.query);
    if (fromRequest) setTerms(fromRequest);
    if (segmentRequest.query.op === 'near') setWithin(segmentRequest.query.within);
    setFilter(segmentRequest.filter ?? {});
  }
  const query = buildQuery(terms, within);
  const request = query ? { query, filter } : null;

  return (
    <div className="segments-view">
      <section className="pane segments-query" aria-label="Coding query">
        <h2 className="pane__title">Coding query</h2>
        <QueryForm codes={codes} terms={terms} onTerms={setTerms} within={within} onWithin={setWithin} />
        <FilterForm filter={filter} onFilter={setFilter} />
      </section>
      <section className="segments-results" aria-label="Retrieved segments">
        <div className="segments-tabs" role="tablist" aria-label="Show">
          <button type="button" role="tab" id="segments-tab-list" aria-controls="segments-panel" aria-selected={tab === 'segments'} tabIndex={tab === 'segments' ? 0 : -1} onClick={() => setTab('segments')}>
            Segment list
          </button>
          <button type="button" role="tab" id="segments-tab-table" aria-controls="segments-panel" aria-selected={tab === 'table'} tabIndex={tab === 'table' ? 0 : -1} onClick={() => setTab('table')}>
            Summary table
          </button>
        </div>
        <div id="segments-panel" role="tabpanel" aria-labelledby={tab === 'segments' ? 'segments-tab-list' : 'segments-tab-table'} className="segments-panel">
          {!request && <p className="empty-state">Choose a code to retrieve its segments.</p>}
          {request && tab === 'segments' && <SegmentList key={JSON.stringify(request)} request={request} codes={codes} />}
          {request && tab === 'table' && <SummaryTableView codeIds={[...new Set(terms.filter((t) => t.codeId && t.op !== 'not').map((t) => t.codeId))]} subcodes={terms[0]?.subcodes ?? true} filter={filter} codes={codes} />}
        </div>
      </section>
    </div>
  );
}

function QueryForm({ codes, terms, onTerms, within, onWithin }: { codes: Code[]; terms: Term[]; onTerms(terms: Term[]): void; within: number; onWithin(n: number): void }) {
  const nodes = useMemo(() => allNodes(buildCodeTree(codes)), [codes]);
  const set = (index: number, change: Partial<Term>) => onTerms(terms.map((t, i) => (i === index ? { ...t, ...change } : t)));
  return (
    <div className="stack">
      {terms.map((term, index) => (
        <fieldset key={index} className="query-term">
          <legend className="visually-hidden">{index === 0 ? 'Code' : `Combined with code ${index + 1}`}</legend>
          {index > 0 && (
            <select className="input" aria-label={`How to combine code ${index + 1}`} value={term.op} onChange={(e) => set(index, { op: e.target.value as Operator })}>
              {operators.map((o) => (
                <option key={o.op} value={o.op}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
          <select className="input" aria-label={index === 0 ? 'Code' : `Code ${index + 1}`} value={term.codeId} onChange={(e) => set(index, { codeId: e.target.value })}>
            <option value="">Choose a code…</option>
            {nodes.map((node) => (
              <option key={node.code.id} value={node.code.id}>
                {' '.repeat(node.depth * 2)}
                {node.code.name}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input type="checkbox" checked={term.subcodes} onChange={(e) => set(index, { subcodes: e.target.checked })} /> with sub-codes
          </label>
          {index > 0 && (
            <button type="button" className="button button--small button--quiet" aria-label={`Remove code ${index + 1} from the query`} onClick={() => onTerms(terms.filter((_, i) => i !== index))}>
              Remove
            </button>
          )}
        </fieldset>
      ))}
      {terms.some((t, i) => i > 0 && t.op === 'near') && (
        <label className="field field--inline">
          <span className="field__label">Near means within</span>
          <input className="input input--number" type="number" min={0} aria-label="Near: within how many characters" value={within} onChange={(e) => onWithin(Math.max(0, Number(e.target.value) || 0))} /> characters
        </label>
      )}
      <button type="button" className="button button--small" disabled={!terms[0]?.codeId} onClick={() => onTerms([...terms, { op: 'and', codeId: '', subcodes: true }])}>
        Combine with another code
      </button>
    </div>
  );
}

function FilterForm({ filter, onFilter }: { filter: SegmentFilter; onFilter(filter: SegmentFilter): void }) {
  const sources = useQuery('sources.list', {});
  const attributes = useQuery('sources.listAttributes', {});
  const facets = useQuery('segments.facets', {});
  const toggle = <K extends 'sourceIds' | 'caseIds' | 'speakers'>(key: K, value: string) => {
    const list = new Set(filter[key] ?? []);
    if (list.has(value)) list.delete(value);
    else list.add(value);
    onFilter({ ...filter, [key]: list.size ? [...list] : undefined });
  };
  const hasAttribute = (name: string, value: string) => (filter.attributes ?? []).some((a) => a.name === name && a.value === value);
  const toggleAttribute = (name: string, value: string) => {
    const next = hasAttribute(name, value) ? (filter.attributes ?? []).filter((a) => !(a.name === name && a.value === value)) : [...(filter.attributes ?? []), { name, value }];
    onFilter({ ...filter, attributes: next.length ? next : undefined });
  };
  return (
    <div className="stack segments-filters">
      <h3 className="panel__title">Only segments from</h3>
      <fieldset className="filter-group">
        <legend className="field__label">Sources</legend>
        {(sources.data ?? []).map((source) => (
          <label key={source.id} className="checkbox">
            <input type="checkbox" checked={filter.sourceIds?.includes(source.id) ?? false} onChange={() => toggle('sourceIds', source.id)} /> {source.title}
          </label>
        ))}
      </fieldset>
      {(facets.data?.cases.length ?? 0) > 0 && (
        <fieldset className="filter-group">
          <legend className="field__label">Cases</legend>
          {facets.data!.cases.map((c) => (
            <label key={c.id} className="checkbox">
              <input type="checkbox" checked={filter.caseIds?.includes(c.id) ?? false} onChange={() => toggle('caseIds', c.id)} /> {c.name}
            </label>
          ))}
        </fieldset>
      )}
      {(attributes.data?.length ?? 0) > 0 && (
        <fieldset className="filter-group">
          <legend className="field__label">Attributes</legend>
          {attributes.data!.map((a) => (
            <label key={`${a.name}=${a.value}`} className="checkbox">
              <input type="checkbox" checked={hasAttribute(a.name, a.value)} onChange={() => toggleAttribute(a.name, a.value)} /> {a.name} = {a.value}
            </label>
          ))}
        </fieldset>
      )}
      {(facets.data?.speakers.length ?? 0) > 0 && (
        <fieldset className="filter-group">
          <legend className="field__label">Speakers</legend>
          {facets.data!.speakers.map((speaker) => (
            <label key={speaker} className="checkbox">
              <input type="checkbox" checked={filter.speakers?.includes(speaker) ?? false} onChange={() => toggle('speakers', speaker)} /> {speaker}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/**
 * The segments, rendering only the rows in view and fetching them a window at a time: a
 * code with thousands of segments shows its first rows at once.
 */
function SegmentList({ request, codes }: { request: { query: SegmentQuery; filter: SegmentFilter }; codes: Code[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [windowStart, setWindowStart] = useState(0);
  const page = useQuery('segments.query', { ...request, offset: windowStart, limit: pageSize * 2 });
  const rows = useRef(new Map<number, SegmentRow>());
  const [total, setTotal] = useState<number | null>(null);
  if (page.data && !page.loading) {
    page.data.rows.forEach((row, i) => rows.current.set(page.data!.offset + i, row));
    if (total !== page.data.total) setTotal(page.data.total);
  }
  const paths = useMemo(() => codePaths(codes), [codes]);
  const colours = useMemo(() => new Map(codes.map((c) => [c.id, legibleCodeColour(c.color)])), [codes]);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler runs here
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => 190, overscan: 4 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (first < windowStart || last >= windowStart + pageSize * 2) setWindowStart(Math.max(0, Math.floor(first / pageSize) * pageSize - (first % pageSize < pageSize / 2 ? pageSize : 0)));
  }, [first, last, windowStart]);

  const stats = page.data?.stats;
  return (
    <>
      <p className="result-count" role="status">
        {page.error ? '' : stats ? `${stats.segments.toLocaleString()} ${stats.segments === 1 ? 'segment' : 'segments'} from ${stats.sources} ${stats.sources === 1 ? 'source' : 'sources'}, ${stats.characters.toLocaleString()} characters` : 'Retrieving…'}
      </p>
      <InlineError message={page.error} />
      <div className="segments-scroll" ref={scroller}>
        <ol className="segment-list" aria-label="Segments" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.current.get(item.index);
            return (
              <li key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="segment" style={{ transform: `translateY(${item.start}px)` }} aria-setsize={total ?? -1} aria-posinset={item.index + 1}>
                {row ? <SegmentItem row={row} paths={paths} colours={colours} /> : <p className="muted">Loading…</p>}
              </li>
            );
          })}
        </ol>
        {total === 0 && <p className="empty-state">No segment matches this query.</p>}
      </div>
    </>
  );
}

function SegmentItem({ row, paths, colours }: { row: SegmentRow; paths: Map<string, string>; colours: Map<string, string> }) {
  const { openSource } = useWorkspace();
  const [context, setContext] = useState<SegmentContext>(row.context);
  const [wider, setWider] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const main = row.codings[0]!;
  const summaryId = useId();
  const widen = () => {
    api.call('segments.context', { sourceId: row.sourceId, start: row.start, end: row.end, passages: wider + 1 }).then(
      (next) => {
        setContext(next);
        setWider(wider + 1);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  const before = context.text.slice(0, Math.max(0, row.start - context.start));
  const inside = context.text.slice(Math.max(0, row.start - context.start), Math.max(0, Math.min(row.end, context.end) - context.start));
  const after = context.text.slice(Math.max(0, Math.min(row.end, context.end) - context.start));
  return (
    <article className="segment__body" aria-label={`Segment from ${row.sourceTitle}`}>
      <header className="segment__header">
        <span className="segment__source">{row.sourceTitle}</span>
        {row.speaker && <span className="badge">{row.speaker}</span>}
        <span className="segment__codes">
          {[...new Set(row.codings.map((c) => c.codeId))].map((codeId) => (
            <span key={codeId} className="code-chip" style={{ borderColor: colours.get(codeId) }}>
              {paths.get(codeId)}
            </span>
          ))}
        </span>
        <span className="muted small">
          coded by {main.coder}, {new Date(main.createdAt).toLocaleDateString()}
        </span>
      </header>
      <p className="segment__text">
        {context.moreBefore && '… '}
        <span className="segment__context">{before}</span>
        <mark className="segment__words">{inside}</mark>
        <span className="segment__context">{after}</span>
        {context.moreAfter && ' …'}
      </p>
      <div className="button-row">
        <button type="button" className="button button--small" disabled={!context.moreBefore && !context.moreAfter} onClick={widen}>
          More context
        </button>
        <button type="button" className="button button--small" onClick={() => openSource(row.sourceId, { codingId: main.id, view: 'reduce', codeId: null })}>
          Open in reader
        </button>
      </div>
      <SummaryField key={`${main.id}:${main.summary}`} codingId={main.id} summary={main.summary} id={summaryId} codeName={paths.get(main.codeId) ?? ''} />
      <InlineError message={error} />
    </article>
  );
}

/** The researcher's condensed summary of a segment, saved when the field is left or Ctrl+Enter is pressed. */
function SummaryField({ codingId, summary, id, codeName }: { codingId: string; summary: string; id: string; codeName: string }) {
  const [text, setText] = useState(summary);
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    if (text === summary) return;
    setError(null);
    mutate('codings.update', { id: codingId, summary: text }).then(
      () => announce(`Summary saved for a segment of ${codeName}`),
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Summary
      </label>
      <textarea
        id={id}
        className="input segment__summary"
        rows={2}
        value={text}
        placeholder="A short condensed summary of this segment…"
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save();
          }
        }}
      />
      <InlineError message={error} />
    </div>
  );
}

/** Summaries by source (rows) and code (columns): Miles & Huberman's condensed data, side by side. */
function SummaryTableView({ codeIds, subcodes, filter, codes }: { codeIds: string[]; subcodes: boolean; filter: SegmentFilter; codes: Code[] }) {
  const table = useQuery('segments.summaryTable', codeIds.length ? { codeIds, subcodes, filter } : null);
  const paths = useMemo(() => codePaths(codes), [codes]);
  if (!codeIds.length) return <p className="empty-state">Choose a code to see its summaries.</p>;
  const data = table.data;
  return (
    <div className="summary-table-wrap">
      <InlineError message={table.error} />
      {data && (
        <table className="summary-table" aria-label="Summaries by source and code">
          <thead>
            <tr>
              <th scope="col">Source</th>
              {data.codeIds.map((id) => (
                <th key={id} scope="col">
                  {paths.get(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.sources.map((source) => (
              <tr key={source.id}>
                <th scope="row">{source.title}</th>
                {data.codeIds.map((codeId) => {
                  const cell = data.cells.find((c) => c.codeId === codeId && c.sourceId === source.id);
                  return (
                    <td key={codeId}>
                      {cell && (
                        <>
                          <ul className="summary-list">
                            {cell.summaries.map((s) => (
                              <li key={s.codingId}>{s.summary}</li>
                            ))}
                          </ul>
                          <span className="muted small">
                            {cell.segments} {cell.segments === 1 ? 'segment' : 'segments'}, {cell.summaries.length} summarised
                          </span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.sources.length === 0 && <p className="empty-state">No segments yet.</p>}
    </div>
  );
}
