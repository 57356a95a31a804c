import { useMemo, useState } from 'react';
import {
  cooccurrenceModes,
  matrixColumnKinds,
  matrixColumnLabels,
  matrixMeasureLabels,
  matrixMeasures,
  type CooccurrenceMode,
  type MatrixColumnKind,
  type MatrixMeasure,
  type MatrixSpec,
} from '../../../../shared/domain/display/matrix';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { announce } from '../../state/status';
import { CellSegments } from './cell-segments';
import { MatrixGrid, type CellChoice } from './matrix-grid';

const cooccurrenceLabels: Record<CooccurrenceMode, string> = { overlap: 'their codings overlap', passage: 'they are in the same passage' };

/** Where a matrix is cut, as one select value: '' for everything. */
const filterValue = (spec: MatrixSpec) => (spec.filter ? `${spec.filter.name}\u0000${spec.filter.value}` : '');

/** `columns`: any kind of column, only attribute values (the chart by attribute), or none to choose (the frequency chart). */
export function MatrixControls({ spec, onChange, columns = 'any' }: { spec: MatrixSpec; onChange(spec: MatrixSpec): void; columns?: 'any' | 'attribute' | 'none' }) {
  const attributes = useQuery('display.attributes', {});
  const names = attributes.data ?? [];
  return (
    <div className="display-controls" role="group" aria-label="What the matrix shows">
      {columns === 'any' && (
        <label className="field field--inline">
          <span className="field__label">Columns</span>
          <select
            className="input input--compact"
            value={spec.columns}
            onChange={(e) => {
              const columns = e.target.value as MatrixColumnKind;
              onChange({ ...spec, columns, attribute: columns === 'attribute' ? (spec.attribute ?? names[0]?.name) : undefined, cooccurrence: columns === 'codes' ? (spec.cooccurrence ?? 'overlap') : undefined });
            }}
          >
            {matrixColumnKinds.map((k) => (
              <option key={k} value={k}>
                {matrixColumnLabels[k]}
              </option>
            ))}
          </select>
        </label>
      )}
      {spec.columns === 'attribute' && (
        <label className="field field--inline">
          <span className="field__label">Attribute</span>
          <select className="input input--compact" value={spec.attribute ?? ''} onChange={(e) => onChange({ ...spec, attribute: e.target.value })}>
            {!spec.attribute && <option value="">Choose…</option>}
            {names.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {spec.columns === 'codes' && (
        <label className="field field--inline">
          <span className="field__label">Codes meet when</span>
          <select className="input input--compact" value={spec.cooccurrence ?? 'overlap'} onChange={(e) => onChange({ ...spec, cooccurrence: e.target.value as CooccurrenceMode })}>
            {cooccurrenceModes.map((m) => (
              <option key={m} value={m}>
                {cooccurrenceLabels[m]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field field--inline">
        <span className="field__label">Cells show</span>
        <select className="input input--compact" value={spec.measure} onChange={(e) => onChange({ ...spec, measure: e.target.value as MatrixMeasure })}>
          {matrixMeasures.map((m) => (
            <option key={m} value={m}>
              {matrixMeasureLabels[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--inline">
        <span className="field__label">Cut by</span>
        <select
          className="input input--compact"
          value={filterValue(spec)}
          onChange={(e) => {
            const [name, value] = e.target.value.split('\u0000');
            onChange({ ...spec, filter: name && value !== undefined ? { name, value } : null });
          }}
        >
          <option value="">All sources and cases</option>
          {names.flatMap((a) =>
            a.values.map((v) => (
              <option key={`${a.name}=${v}`} value={`${a.name}\u0000${v}`}>
                {a.name} = {v}
              </option>
            )),
          )}
        </select>
      </label>
      <InlineError message={attributes.error} />
    </div>
  );
}

interface Props {
  spec: MatrixSpec;
  collapsed: string[];
  onChange(spec: MatrixSpec, collapsed: string[]): void;
}

/** A matrix with its controls, and the segments of the cell the researcher opened. */
export function MatrixPanel({ spec, collapsed, onChange }: Props) {
  const ready = spec.columns !== 'attribute' || Boolean(spec.attribute);
  const matrix = useQuery('display.matrix', ready ? spec : null);
  // The open cell belongs to the matrix it was opened in: changing what the matrix shows closes it.
  const specKey = JSON.stringify(spec);
  const [opened, setOpened] = useState<{ cell: CellChoice; specKey: string } | null>(null);
  const open = opened?.specKey === specKey ? opened.cell : null;
  const setOpen = (cell: CellChoice | null) => setOpened(cell && { cell, specKey });
  const folded = useMemo(() => new Set(collapsed), [collapsed]);
  const parents = useMemo(() => (matrix.data?.rows ?? []).filter((r) => r.aggregate).map((r) => r.key), [matrix.data]);

  return (
    <div className={`matrix-panel${open ? ' matrix-panel--open' : ''}`}>
      <div className="matrix-panel__main">
        <div className="display-toolbar">
          <MatrixControls spec={spec} onChange={(next) => onChange(next, collapsed)} />
          <div className="button-row">
            <button type="button" className="button button--small button--quiet" onClick={() => onChange(spec, parents)} disabled={parents.length === 0}>
              Collapse all
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => onChange(spec, [])} disabled={collapsed.length === 0}>
              Expand all
            </button>
          </div>
        </div>
        <InlineError message={matrix.error} />
        {!ready && <p className="empty-state">Give sources or cases an attribute (such as country) in Collect, then choose it here.</p>}
        {matrix.data && matrix.data.rows.length === 0 && <p className="empty-state">There are no codes yet. Code some passages in the Reduce stage first.</p>}
        {matrix.data && matrix.data.rows.length > 0 && matrix.data.columns.length === 0 && (
          <p className="empty-state">{spec.columns === 'cases' ? 'There are no cases yet: make them in Collect.' : 'Nothing to show in the columns yet.'}</p>
        )}
        {matrix.data && matrix.data.rows.length > 0 && matrix.data.columns.length > 0 && (
          <MatrixGrid
            matrix={matrix.data}
            collapsed={folded}
            open={open}
            onToggle={(key) => {
              const next = folded.has(key) ? collapsed.filter((k) => k !== key) : [...collapsed, key];
              onChange(spec, next);
              announce(folded.has(key) ? 'Expanded' : 'Collapsed');
            }}
            onOpen={setOpen}
          />
        )}
      </div>
      {open && <CellSegments spec={spec} cell={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
