import { useEffect, useRef, type RefObject } from 'react';
import type { ReaderFocus } from '../../state/workspace';
import { rangeFromSpan } from '../reader/reader-dom';

/** The CSS Custom Highlight the reader paints search matches with (styled in search.css). */
export const searchHighlight = 'quarry-search';

/**
 * Paints the matched words of the search hit the reader was opened at, without touching the
 * rendered text (codings own the <mark>s there), and scrolls to the first match once per hit.
 * `rendered` changes whenever the reader re-renders its passages, so ranges are rebuilt then.
 */
export function useSearchHighlights(article: RefObject<HTMLElement | null>, focus: ReaderFocus, rendered: unknown): void {
  const scrolledTo = useRef<ReaderFocus['highlights'] | null>(null);
  useEffect(() => {
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    CSS.highlights.delete(searchHighlight);
    const root = article.current;
    if (!root || focus.highlights.length === 0) return;
    const ranges = focus.highlights.flatMap(([start, end]) => rangeFromSpan(root, { start, end }) ?? []);
    const first = ranges[0];
    if (!first) return;
    CSS.highlights.set(searchHighlight, new Highlight(...ranges));
    if (scrolledTo.current !== focus.highlights) {
      scrolledTo.current = focus.highlights;
      const element = first.startContainer instanceof Element ? first.startContainer : first.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center' });
    }
    return () => {
      CSS.highlights.delete(searchHighlight);
    };
  }, [article, focus, rendered]);
}
