import { useMemo } from 'react';
import { useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { allNodes, buildCodeTree } from '../../lib/code-tree';
import './display.css';
import { InlineError } from '../../components/inline-error';

/** Cell shading: one hue for every code, so the eye compares counts rather than code colours. */
function heat(count: number, max: number): { background?: string; color?: string } {
  if (count === 0 || max === 0) return {};
  const strength = 0.12 + 0.78 * (count / max);
  return { background: `rgba(38, 92, 140, ${strength.toFixed(2)})`, color: strength > 0.55 ? '#fff' : undefined };
}

export function DisplayView() {
  const { openSource, codeId, selectCode } = useWorkspace();
  const matrix = useQuery('display.matrix', { columns: 'sources' });
  const codes = useQuery('codes.list', {});

  const rows = useMemo(() => {
    const width = matrix.data?.columns.length ?? 0;
    const counts = new Map<string, number[]>();
    for (const [r, c, v] of matrix.data?.cells ?? []) {
      const key = matrix.data!.rows[r]!.key;
      if (!counts.has(key)) counts.set(key, new Array<number>(width).fill(0));
      counts.get(key)![c] = v;
    }
    return allNodes(buildCodeTree(codes.data ?? [])).map((node) => ({ node, counts: counts.get(node.code.id) ?? [] }));
  }, [matrix.data, codes.data]);
  const sources = (matrix.data?.columns ?? []).map((c) => ({ id: c.key, title: c.label }));
  const max = Math.max(0, ...rows.flatMap((r) => r.counts));
  const columnTotals = sources.map((_, i) => rows.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0));

  return (
    <div className="display-view">
      <header className="view-header">
        <div>
          <h2 className="view-header__title">Code × source matrix</h2>
          <p className="muted">How often each code was applied in each source. Choose a count to read those passages.</p>
        </div>
        <div className="legend" aria-hidden="true">
          <span className="muted small">fewer</span>
          {[0.15, 0.35, 0.55, 0.75, 0.9].map((s) => (
            <span key={s} className="legend__step" style={{ background: `rgba(38, 92, 140, ${s})` }} />
          ))}
          <span className="muted small">more</span>
        </div>
      </header>
      <InlineError message={matrix.error ?? codes.error} />
      {matrix.data && rows.length === 0 && <p className="empty-state">There are no codes yet. Code some passages in the Reduce stage first.</p>}
      {matrix.data && rows.length > 0 && (
        <div className="matrix-scroll">
          <table className="matrix" aria-label="Codes by source">
            <caption className="visually-hidden">Number of codings of each code (rows) in each source (columns)</caption>
            <thead>
              <tr>
                <th scope="col" className="matrix__corner">
                  Code
                </th>
                {sources.map((source) => (
                  <th key={source.id} scope="col" className="matrix__source" title={source.title}>
                    <span>{source.title}</span>
                  </th>
                ))}
                <th scope="col" className="matrix__total">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ node, counts }) => {
                const total = counts.reduce((a, b) => a + b, 0);
                return (
                  <tr key={node.code.id} className={node.code.id === codeId ? 'is-selected' : undefined}>
                    <th scope="row" className="matrix__code" style={{ paddingLeft: `${0.6 + node.depth * 1.1}rem` }}>
                      <button type="button" className="link-button" onClick={() => selectCode(node.code.id)}>
                        <span className="swatch" style={{ background: node.code.color }} aria-hidden="true" />
                        {node.code.name}
                      </button>
                    </th>
                    {sources.map((source, i) => {
                      const count = counts[i] ?? 0;
                      return (
                        <td key={source.id} className="matrix__cell" style={heat(count, max)}>
                          {count > 0 ? (
                            <button
                              type="button"
                              className="matrix__open"
                              aria-label={`${count} ${count === 1 ? 'coding' : 'codings'} of ${node.code.name} in ${source.title}`}
                              onClick={() => openSource(source.id, { codeId: node.code.id, view: 'reduce' })}
                            >
                              {count}
                            </button>
                          ) : (
                            <span className="matrix__zero">0</span>
                          )}
                        </td>
                      );
                    })}
                    <td className="matrix__total">{total}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                {columnTotals.map((total, i) => (
                  <td key={sources[i]!.id} className="matrix__total">
                    {total}
                  </td>
                ))}
                <td className="matrix__total">{columnTotals.reduce((a, b) => a + b, 0)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
