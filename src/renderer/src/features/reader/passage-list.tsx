import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useRef, type Ref, type RefObject } from 'react';
import type { Passage } from '../../../../shared/domain/model';
import type { CodingPainter, PaintInput } from './paint';

export interface PassageListHandle {
  scrollToIndex(index: number, align: 'auto' | 'center'): void;
}

interface Props {
  passages: readonly Passage[];
  text: string;
  scroller: RefObject<HTMLDivElement | null>;
  scrollMargin: number;
  /** Passages kept in the DOM although off screen (where the selection starts and ends, say). */
  pinned: readonly number[];
  gutter: number;
  painter: CodingPainter;
  paintInput: PaintInput;
  /** Called after every render of the rows, once codings are painted on them. */
  onRendered(): void;
  handle: Ref<PassageListHandle>;
}

/** A first guess at a passage's height before it is measured: lines of about 78 characters. */
const estimateHeight = (passage: Passage) => 28 + Math.ceil(Math.max(1, passage.end - passage.start) / 78) * 28;

/** One passage: a gutter for its coding stripes (painted by CodingPainter) and its text as one text node. */
const PassageRow = memo(function PassageRow({ passage, text, index, top, gutter, measure }: { passage: Passage; text: string; index: number; top: number; gutter: number; measure(el: HTMLElement | null): void }) {
  const props = { 'data-start': passage.start, 'data-end': passage.end };
  const Heading = `h${Math.min(6, passage.level + 2)}` as 'h3';
  return (
    <div className="passage-row" data-index={index} ref={measure} style={{ transform: `translateY(${top}px)`, paddingLeft: gutter }}>
      <div className="gutter" style={{ width: gutter }} />
      {passage.kind === 'heading' ? (
        <Heading className="passage passage--heading" {...props}>
          {text}
        </Heading>
      ) : (
        <p className="passage" {...props}>
          {text}
        </p>
      )}
    </div>
  );
});

/**
 * The passages in view, and only those (@tanstack/react-virtual): scrolling re-renders this
 * list alone, never the reader around it, and codings are painted on rows as they mount.
 */
export function PassageList({ passages, text, scroller, scrollMargin, pinned, gutter, painter, paintInput, onRendered, handle }: Props) {
  const rangeExtractor = useCallback((range: VirtualRange) => [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b), [pinned]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler runs here; the rows are memoised by hand (PassageRow)
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimateHeight(passages[index]!),
    getItemKey: (index) => passages[index]!.id,
    overscan: 4,
    scrollMargin,
    rangeExtractor,
  });
  useImperativeHandle(handle, () => ({ scrollToIndex: (index, align) => virtualizer.scrollToIndex(index, { align }) }), [virtualizer]);

  const rows = useRef<HTMLDivElement>(null);
  // Paint after every render: rows that mounted, or every row when the codings changed.
  useLayoutEffect(() => {
    painter.setInput(paintInput);
    painter.paint(rows.current ? (Array.from(rows.current.children) as HTMLElement[]) : []);
    onRendered();
  });

  return (
    <div className="reader__rows" ref={rows} style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const passage = passages[item.index]!;
        return (
          <PassageRow
            key={item.key}
            passage={passage}
            text={text.slice(passage.start, passage.end)}
            index={item.index}
            top={item.start - scrollMargin}
            gutter={gutter}
            measure={virtualizer.measureElement}
          />
        );
      })}
    </div>
  );
}
