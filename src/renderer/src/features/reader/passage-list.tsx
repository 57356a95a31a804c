import { defaultRangeExtractor, useVirtualizer, type Range as VirtualRange } from '@tanstack/react-virtual';
import { memo, useCallback, useImperativeHandle, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type Ref, type RefObject } from 'react';
import type { Passage } from '../../../../shared/domain/model';
import { inlinePieces, type InlineMark } from '../../lib/text-marks';
import type { CodingPainter, PaintInput } from './paint';

export interface PassageListHandle {
  scrollToIndex(index: number, align: 'auto' | 'center'): void;
}

interface Props {
  passages: readonly Passage[];
  text: string;
  /** Each passage's emphasis and speaker label, by passage id. */
  marks: ReadonlyMap<string, readonly InlineMark[]>;
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

const markTags = { emphasis: 'em', strong: 'strong', code: 'code', link: 'span', speaker: 'span' } as const;
const noMarks: readonly InlineMark[] = [];

/** A passage's text with its emphasis drawn as elements around it; the text nodes together are exactly the source's text. */
function Emphasised({ text, start, marks }: { text: string; start: number; marks: readonly InlineMark[] }): ReactNode {
  if (marks.length === 0) return text;
  return inlinePieces(start, start + text.length, marks).map((piece) =>
    piece.marks.reduceRight<ReactNode>((inner, mark) => {
      const Tag = markTags[mark.kind];
      return (
        <Tag key={piece.start} className={`text-mark text-mark--${mark.kind}`} title={mark.href ?? undefined}>
          {inner}
        </Tag>
      );
    }, text.slice(piece.start - start, piece.end - start)),
  );
}

/** One passage drawn as what it is (heading, quotation, list item, speaker turn, paragraph), beside a gutter for its coding stripes (painted by CodingPainter). */
const PassageRow = memo(function PassageRow({
  passage,
  text,
  marks,
  index,
  top,
  gutter,
  measure,
}: {
  passage: Passage;
  text: string;
  marks: readonly InlineMark[];
  index: number;
  top: number;
  gutter: number;
  measure(el: HTMLElement | null): void;
}) {
  const props = { 'data-start': passage.start, 'data-end': passage.end, 'data-passage-id': passage.id };
  const body = <Emphasised text={text} start={passage.start} marks={marks} />;
  let element: ReactNode;
  if (passage.kind === 'heading') {
    const Heading = `h${Math.min(6, passage.level + 2)}` as 'h3';
    element = (
      <Heading className="passage passage--heading" {...props}>
        {body}
      </Heading>
    );
  } else if (passage.kind === 'quote') {
    element = (
      <blockquote className="passage passage--quote" {...props}>
        {body}
      </blockquote>
    );
  } else {
    // A bullet is drawn by CSS from data-marker, so the element's text stays exactly the source's.
    element = (
      <p
        className={`passage passage--${passage.kind}`}
        {...props}
        data-marker={passage.marker ?? undefined}
        data-speaker={passage.speaker ?? undefined}
        style={passage.kind === 'list-item' ? ({ '--level': passage.level } as CSSProperties) : undefined}
      >
        {body}
      </p>
    );
  }
  return (
    <div className="passage-row" data-index={index} ref={measure} style={{ transform: `translateY(${top}px)`, paddingLeft: gutter }}>
      <div className="gutter" style={{ width: gutter }} />
      {element}
    </div>
  );
});

/**
 * The passages in view, and only those (@tanstack/react-virtual): scrolling re-renders this
 * list alone, never the reader around it, and codings are painted on rows as they mount.
 */
export function PassageList({ passages, text, marks, scroller, scrollMargin, pinned, gutter, painter, paintInput, onRendered, handle }: Props) {
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
    // Two passages either side: enough that none is missing at the screen's edge even scrolling 240 px a frame
    // (bench:ui), and every passage mounted has its highlights painted on each frame the DOM changes (Chromium
    // rebuilds all custom highlight markers then), so four either side cost about 2 ms a frame for nothing.
    overscan: 2,
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
            marks={marks.get(passage.id) ?? noMarks}
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
