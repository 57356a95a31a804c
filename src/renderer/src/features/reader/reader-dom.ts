import { trimSpan, type Span } from '../../lib/segments';
import { locateOffset, offsetWithin } from '../../lib/text-offsets';

// The reader renders each passage as an element carrying data-start, whose text is exactly
// the source's text between its offsets; these helpers turn DOM ranges into source offsets
// and back through that invariant.

function passageStart(el: HTMLElement): number {
  return Number(el.dataset.start);
}

function passagesIn(article: HTMLElement): HTMLElement[] {
  return [...article.querySelectorAll<HTMLElement>('[data-start]')];
}

/** The source span a DOM range covers, trimmed of surrounding whitespace; null when it covers no text of the article. */
export function spanFromRange(article: HTMLElement, range: Range, text: string): Span | null {
  const touched = passagesIn(article).filter((p) => range.intersectsNode(p));
  const first = touched[0];
  const last = touched.at(-1);
  if (!first || !last) return null;
  const startInFirst = first.contains(range.startContainer) ? offsetWithin(first, range.startContainer, range.startOffset) : 0;
  const endInLast = last.contains(range.endContainer)
    ? offsetWithin(last, range.endContainer, range.endOffset)
    : (last.textContent ?? '').length;
  if (startInFirst === null || endInLast === null) return null;
  const span = trimSpan(text, { start: passageStart(first) + startInFirst, end: passageStart(last) + endInLast });
  return span.end > span.start ? span : null;
}

function pointAt(article: HTMLElement, offset: number, preferNext: boolean): { node: Node; offset: number } | null {
  const passage = passagesIn(article).find((p) => {
    const start = passageStart(p);
    const end = Number(p.dataset.end);
    return preferNext ? offset >= start && offset < end : offset > start && offset <= end;
  });
  if (!passage) return null;
  const point = locateOffset(passage, offset - passageStart(passage));
  return point ? { node: point.node as Node, offset: point.offset } : null;
}

/** A DOM range over a source span, for drawing the pending selection and placing popovers. */
export function rangeFromSpan(article: HTMLElement, span: Span): Range | null {
  const start = pointAt(article, span.start, true);
  const end = pointAt(article, span.end, false);
  if (!start || !end) return null;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  return range;
}

/** Puts a collapsed selection at the start of the first passage in view, so Shift+arrows have somewhere to begin. */
export function caretAtFirstVisiblePassage(article: HTMLElement, viewport: HTMLElement): boolean {
  const top = viewport.getBoundingClientRect().top;
  const passage = passagesIn(article).find((p) => p.getBoundingClientRect().bottom > top) ?? passagesIn(article)[0];
  const point = passage ? locateOffset(passage, 0) : null;
  if (!point) return false;
  window.getSelection()?.collapse(point.node as Node, point.offset);
  return true;
}

/** The source offset of a DOM point inside the article's text (a click's caret, say); null outside any passage. */
export function offsetAtPoint(article: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  const passage = element?.closest<HTMLElement>('[data-start]');
  if (!passage || !article.contains(passage)) return null;
  const within = offsetWithin(passage, node, offset);
  return within === null ? null : passageStart(passage) + within;
}
