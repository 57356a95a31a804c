import { useMemo } from 'react';
import type { MatrixSpec } from '../../../../shared/domain/display/matrix';
import { attributeChartSvg, frequencyChartSvg } from '../../../../shared/domain/display/render';
import { chartKindLabels, chartKinds, type ChartKind } from '../../../../shared/domain/display/saved';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { SvgTree } from '../../components/svg-tree';
import { MatrixControls } from './matrix-panel';

interface Props {
  chart: ChartKind;
  spec: MatrixSpec;
  collapsed: string[];
  onChange(chart: ChartKind, spec: MatrixSpec, collapsed: string[]): void;
}

/** The code frequency chart, and codes by the values of an attribute: drawn from the same SVG the export writes. */
export function ChartsPanel({ chart, spec, collapsed, onChange }: Props) {
  const ready = spec.columns !== 'attribute' || Boolean(spec.attribute);
  const matrix = useQuery('display.matrix', ready ? spec : null);
  const folded = useMemo(() => new Set(collapsed), [collapsed]);
  const parents = useMemo(() => (matrix.data?.rows ?? []).filter((r) => r.aggregate).map((r) => r.key), [matrix.data]);
  const title = chart === 'frequency' ? 'Code frequency' : `Codes by ${spec.attribute ?? 'attribute'}`;
  const tree = useMemo(() => {
    if (!matrix.data || matrix.data.rows.length === 0) return null;
    return chart === 'frequency' ? frequencyChartSvg(matrix.data, folded, title) : attributeChartSvg(matrix.data, folded, title);
  }, [matrix.data, chart, folded, title]);

  return (
    <div className="charts-panel">
      <div className="display-toolbar">
        <div className="display-controls" role="group" aria-label="Which chart">
          <label className="field field--inline">
            <span className="field__label">Chart</span>
            <select
              className="input input--compact"
              value={chart}
              onChange={(e) => {
                const next = e.target.value as ChartKind;
                onChange(next, next === 'frequency' ? { ...spec, columns: 'sources', attribute: undefined } : { ...spec, columns: 'attribute' }, collapsed);
              }}
            >
              {chartKinds.map((k) => (
                <option key={k} value={k}>
                  {chartKindLabels[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <MatrixControls spec={spec} columns={chart === 'attribute' ? 'attribute' : 'none'} onChange={(next) => onChange(chart, chart === 'frequency' ? { ...next, columns: 'sources' } : next, collapsed)} />
        <div className="button-row">
          <button type="button" className="button button--small button--quiet" onClick={() => onChange(chart, spec, parents)} disabled={parents.length === 0}>
            Top-level codes only
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => onChange(chart, spec, [])} disabled={collapsed.length === 0}>
            Every code
          </button>
        </div>
      </div>
      <InlineError message={matrix.error} />
      {!ready && <p className="empty-state">Give sources or cases an attribute (such as country) in Collect, then choose it here.</p>}
      {matrix.data && matrix.data.rows.length === 0 && <p className="empty-state">There are no codes yet.</p>}
      {tree && (
        <figure className="chart-figure">
          <SvgTree tree={tree} />
        </figure>
      )}
    </div>
  );
}
