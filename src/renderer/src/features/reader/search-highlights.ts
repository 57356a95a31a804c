import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Passage } from '../../../../shared/domain/model';
import { passageIndexAt } from '../../../../shared/domain/segments/context';
import type { ReaderFocus } from '../../state/workspace';
import { rangeFromSpan } from '../reader/reader-dom';

/** The CSS Custom Highlight the reader paints search matches with (styled in search.css). */
export const searchHighlight = 'quarry-search';

/**
 * Paints the matched words of the search hit the reader was opened at, without touching the
 * rendered text, and scrolls to the first match once per hit. Only passages on screen are in
 * the DOM, so the returned function paints the matches in them; call it after the rows render.
 */
export function useSearchHighlights(article: RefObject<HTMLElement | null>, focus: ReaderFocus, passages: readonly Passage[], scrollToPassage: (index: number) => void): () => void {
  const scrolledTo = useRef<ReaderFocus['highlights'] | null>(null);
  const supported = typeof CSS !== 'undefined' && 'highlights' in CSS;

  useEffect(() => {
    const first = focus.highlights[0];
    if (!first || !passages.length || scrolledTo.current === focus.highlights) return;
    scrolledTo.current = focus.highlights;
    scrollToPassage(passageIndexAt(passages, first[0]));
  }, [focus.highlights, passages, scrollToPassage]);

  useEffect(() => () => void (supported && CSS.highlights.delete(searchHighlight)), [supported]);
  return useCallback(() => {
    if (!supported) return;
    const root = article.current;
    if (!root || focus.highlights.length === 0) {
      CSS.highlights.delete(searchHighlight);
      return;
    }
    const ranges = focus.highlights.flatMap(([start, end]) => rangeFromSpan(root, { start, end }) ?? []);
    CSS.highlights.set(searchHighlight, new Highlight(...ranges));
  }, [supported, article, focus.highlights]);
}
