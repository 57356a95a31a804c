import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { MatrixSpec } from '../../../../shared/domain/display/matrix';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { useWorkspace } from '../../state/workspace';
import type { CellChoice } from './matrix-grid';

/**
 * The coded segments one cell counts, as a list that draws only the rows in view (a code's
 * whole row may hold thousands). Each opens the reader at its passage.
 */
export function CellSegments({ spec, cell, onClose }: { spec: MatrixSpec; cell: CellChoice; onClose(): void }) {
  const segments = useQuery('display.cellSegments', { matrix: spec, row: cell.row, column: cell.column });
  const { openSource } = useWorkspace();
  const scroller = useRef<HTMLDivElement>(null);
  const list = segments.data ?? [];
  // TanStack Virtual measures on every render; the React compiler leaves this component unmemoised, as it must.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: list.length, getScrollElement: () => scroller.current, estimateSize: () => 92, overscan: 6 });

  return (
    <section className="cell-segments" aria-label="Segments in this cell">
      <header className="cell-segments__header">
        <h3 className="cell-segments__title">
          {cell.label} <span className="count">{segments.data ? list.length : '…'}</span>
        </h3>
        <button type="button" className="icon-button" aria-label="Close the segments" onClick={onClose}>
          ×
        </button>
      </header>
      <InlineError message={segments.error} />
      {segments.data && list.length === 0 && <p className="muted">No segments here any more.</p>}
      <div ref={scroller} className="cell-segments__scroll">
        <ol className="cell-segments__list" aria-label="Segments" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const s = list[item.index]!;
            return (
              <li
                key={s.codingId}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="cell-segment"
                style={{ transform: `translateY(${item.start}px)` }}
                aria-setsize={list.length}
                aria-posinset={item.index + 1}
              >
                <blockquote className="cell-segment__text">{s.text}</blockquote>
                {s.summary && <p className="cell-segment__summary small">Summary: {s.summary}</p>}
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => openSource(s.sourceId, { codeId: null, codingId: s.codingId, view: 'reduce' })}
                >
                  {s.sourceTitle}, characters {s.start}–{s.end}: open in the reader →
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
