import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref, type RefObject } from 'react';
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

/** The reader's line height (16px × 1.75) and the padding under a passage (0.9em), in pixels. */
const lineHeight = 28;
const passageGap = 14.4;
/** An average character of the reading font, in pixels, to guess how many fit on a line. */
const charWidth = 8.1;

/** A guess at a passage's height before it is measured; the closer it is, the less the list moves as rows mount. */
const estimateHeight = (passage: Passage, textWidth: number) => {
  const perLine = Math.max(20, Math.floor(textWidth / charWidth));
  const lines = Math.max(1, Math.ceil((passage.end - passage.start) / perLine));
  return lines * lineHeight + passageGap + (passage.kind === 'heading' ? 24 : 0);
};

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
  const rows = useRef<HTMLDivElement>(null);
  const [textWidth, setTextWidth] = useState(560);
  useLayoutEffect(() => {
    const element = rows.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setTextWidth(Math.max(200, element.clientWidth - gutter)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [gutter]);
  const rangeExtractor = useCallback((range: VirtualRange) => [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b), [pinned]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler runs here; the rows are memoised by hand (PassageRow)
  const virtualizer = useVirtualizer({
    count: passages.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => estimateHeight(passages[index]!, textWidth),
    getItemKey: (index) => passages[index]!.id,
    overscan: 4,
    scrollMargin,
    rangeExtractor,
    // Rows measured while scrolling update the list on the next render, not synchronously inside the scroll handler.
    useFlushSync: false,
  });
  useImperativeHandle(handle, () => ({ scrollToIndex: (index, align) => virtualizer.scrollToIndex(index, { align }) }), [virtualizer]);

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
