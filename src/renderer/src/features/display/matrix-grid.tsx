import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { heatColour } from '../../../../shared/domain/display/colour';
import { cellReader, matrixMeasureLabels, measureUnit, totalKey, visibleHeads, type Matrix, type MatrixHead } from '../../../../shared/domain/display/matrix';
import { formatValue } from '../../../../shared/domain/display/render';

export interface CellChoice {
  row: string;
  column: string;
  /** "Shipping in Interview 1", for the drill-down's heading. */
  label: string;
}

interface Props {
  matrix: Matrix;
  collapsed: ReadonlySet<string>;
  onToggle(key: string): void;
  onOpen(cell: CellChoice): void;
  /** The cell whose segments are open, highlighted. */
  open: CellChoice | null;
}

const rowHeight = 30;
const columnWidth = 68;
const labelWidth = 300;
const totalWidth = 76;

/**
 * The matrix as a table that draws only what is in view (rows and columns), so 300 codes by
 * 200 sources opens as fast as ten by ten. Rows follow the code tree; a parent's row sums its
 * sub-codes and folds them away when collapsed. Every non-empty cell opens its segments.
 */
export function MatrixGrid({ matrix, collapsed, onToggle, onOpen, open }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => visibleHeads(matrix.rows, collapsed), [matrix.rows, collapsed]);
  const columns = useMemo(
    () => (matrix.spec.columns === 'codes' ? visibleHeads(matrix.columns, collapsed) : matrix.columns.map((_, i) => i)),
    [matrix.columns, matrix.spec.columns, collapsed],
  );
  const value = useMemo(() => cellReader(matrix), [matrix]);
  // The colour scale runs to the largest value on show: rows and columns folded away do not count.
  const max = useMemo(() => {
    const shownRows = new Uint8Array(matrix.rows.length);
    for (const r of rows) shownRows[r] = 1;
    const shownColumns = new Uint8Array(matrix.columns.length);
    for (const c of columns) shownColumns[c] = 1;
    let most = 0;
    for (const [r, c, v] of matrix.cells) if (v > most && shownRows[r] && shownColumns[c]) most = v;
    return most;
  }, [matrix, rows, columns]);

  // TanStack Virtual measures on every render; the React compiler leaves this component unmemoised, as it must.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rowVirtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8 });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => columnWidth,
    overscan: 4,
  });
  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const top = virtualRows[0]?.start ?? 0;
  const bottom = rowVirtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const left = virtualColumns[0]?.start ?? 0;
  const right = columnVirtualizer.getTotalSize() - (virtualColumns.at(-1)?.end ?? 0);
  const totals = matrix.rowTotals !== null;
  const measure = matrix.spec.measure;
  const unit = matrixMeasureLabels[measure].toLowerCase();
  const columnLabel = (head: MatrixHead) => head.label;
  const width = labelWidth + columnVirtualizer.getTotalSize() + (totals ? totalWidth : 0);
  const span = virtualColumns.length + 1 + (left > 0 ? 1 : 0) + (right > 0 ? 1 : 0) + (totals ? 1 : 0);
  const isOpen = (row: string, column: string) => open?.row === row && open.column === column;

  const cell = (rowHead: MatrixHead | null, columnHead: MatrixHead | null, v: number | null, scaled: boolean, key: string, colIndex: number) => {
    const row = rowHead?.key ?? totalKey;
    const column = columnHead?.key ?? totalKey;
    if (v === null) {
      return (
        <td key={key} className="matrix__cell matrix__cell--blank" aria-colindex={colIndex} title="A code and its own sub-codes are not compared">
          —
        </td>
      );
    }
    const colour = scaled ? heatColour(v, max) : null;
    const where = `${rowHead?.label ?? 'all codes'} × ${columnHead ? columnLabel(columnHead) : 'all columns'}`;
    return (
      <td
        key={key}
        className={`matrix__cell${scaled ? '' : ' matrix__total'}${isOpen(row, column) ? ' is-open' : ''}`}
        aria-colindex={colIndex}
        style={colour ? { background: colour.fill, color: colour.text } : undefined}
      >
        {v > 0 ? (
          <button type="button" className="matrix__open" aria-label={`${formatValue(v, measure)} ${measureUnit(measure, v)}: ${where}`} onClick={() => onOpen({ row, column, label: where })}>
            {formatValue(v, measure)}
          </button>
        ) : (
          <span className="matrix__zero">{formatValue(0, measure)}</span>
        )}
      </td>
    );
  };

  return (
    <div ref={scroller} className="matrix-scroll" role="region" aria-label="Matrix" tabIndex={0}>
      <table className="matrix" style={{ width }} aria-rowcount={rows.length + (totals ? 2 : 1)} aria-colcount={columns.length + (totals ? 2 : 1)}>
        <caption className="visually-hidden">
          {unit} of each code (rows) in each column{totals ? ', with totals' : ''}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="matrix__corner" style={{ width: labelWidth }} aria-colindex={1}>
              Code
            </th>
            {left > 0 && <td aria-hidden="true" style={{ width: left }} />}
            {virtualColumns.map((vc) => {
              const head = matrix.columns[columns[vc.index]!]!;
              return (
                <th key={head.key} scope="col" className="matrix__head" style={{ width: columnWidth }} title={head.label} aria-colindex={vc.index + 2}>
                  <span className="matrix__head-label" style={{ paddingLeft: head.depth * 8 }}>
                    {head.aggregate && <span aria-hidden="true">Σ </span>}
                    {head.label}
                  </span>
                </th>
              );
            })}
            {right > 0 && <td aria-hidden="true" style={{ width: right }} />}
            {totals && (
              <th scope="col" className="matrix__total matrix__head" style={{ width: totalWidth }} aria-colindex={columns.length + 2}>
                <span className="matrix__head-label">Total</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          )}
          {virtualRows.map((vr) => {
            const r = rows[vr.index]!;
            const head = matrix.rows[r]!;
            return (
              <tr key={head.key} aria-rowindex={vr.index + 2} style={{ height: rowHeight }}>
                <th scope="row" className={`matrix__code${head.aggregate ? ' matrix__code--aggregate' : ''}`} aria-colindex={1}>
                  <span className="matrix__code-inner" style={{ paddingLeft: 8 + head.depth * 16 }}>
                    {head.aggregate ? (
                      <button
                        type="button"
                        className="matrix__toggle"
                        aria-expanded={!collapsed.has(head.key)}
                        aria-label={`${collapsed.has(head.key) ? 'Expand' : 'Collapse'} ${head.label}`}
                        onClick={() => onToggle(head.key)}
                      >
                        {collapsed.has(head.key) ? '▸' : '▾'}
                      </button>
                    ) : (
                      <span className="matrix__toggle-space" />
                    )}
                    <span className="swatch" style={{ background: head.color ?? undefined }} aria-hidden="true" />
                    <span className="matrix__code-name" title={head.aggregate ? `${head.label}, with its sub-codes` : head.label}>
                      {head.label}
                    </span>
                  </span>
                </th>
                {left > 0 && <td aria-hidden="true" />}
                {virtualColumns.map((vc) => {
                  const c = columns[vc.index]!;
                  return cell(head, matrix.columns[c]!, value(r, c), true, matrix.columns[c]!.key, vc.index + 2);
                })}
                {right > 0 && <td aria-hidden="true" />}
                {totals && cell(head, null, matrix.rowTotals![r]!, false, totalKey, columns.length + 2)}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
        {totals && (
          <tfoot>
            <tr aria-rowindex={rows.length + 2}>
              <th scope="row" className="matrix__code" aria-colindex={1}>
                <span className="matrix__code-inner">All codes</span>
              </th>
              {left > 0 && <td aria-hidden="true" />}
              {virtualColumns.map((vc) => {
                const c = columns[vc.index]!;
                return cell(null, matrix.columns[c]!, matrix.columnTotals![c]!, false, matrix.columns[c]!.key, vc.index + 2);
              })}
              {right > 0 && <td aria-hidden="true" />}
              {cell(null, null, matrix.total, false, totalKey, columns.length + 2)}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
