import type { Code, Coding } from '../../../../shared/domain/model';
import { locateOffset } from '../../lib/text-offsets';

// Paints codings over the reader's text without re-rendering it: each code's highlighted
// words are ranges in a CSS Custom Highlight (styled by ::highlight rules), and each
// coding's extent is a stripe in the margin beside its passages, in its own lane, named.
// Only passages on screen are in the DOM (the reader is virtualised), so painting is done
// passage by passage as they mount, and undone as they leave.

/** The CSS highlight name of a code; a valid identifier whatever the code's id. */
export const highlightName = (codeId: string): string => `qc-${codeId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/** ::highlight rules for every code: a tint of its colour behind the words and a line in its colour under them. */
export function highlightRules(codes: ReadonlyArray<Pick<Code, 'id'>>, colourOf: (id: string) => string): string {
  return codes
    .map((code) => {
      const colour = colourOf(code.id);
      return `::highlight(${highlightName(code.id)}) { background-color: ${colour}2e; text-decoration: underline 2px ${colour}; text-underline-offset: 3px; }`;
    })
    .join('\n');
}

/** Each lane of stripes, and the column of code names to their left. */
export const laneWidth = 11;
export const maxLanes = 8;
export const labelWidth = 96;
const labelHeight = 15;

export interface PaintInput {
  /** Codings sorted by start. */
  codings: readonly Coding[];
  lanes: ReadonlyMap<string, number>;
  colourOf(codeId: string): string;
  /** The code's place in the codebook ("Barriers › Shipping"), for the stripe's accessible name. */
  nameOf(codeId: string): string;
  /** The code's own name, for its label in the margin. */
  labelOf(codeId: string): string;
  /** How many lanes the source's codings take (as many as its deepest overlap). */
  laneCount: number;
  /** The source's text, for naming a coding's words. */
  text: string;
  /** Changes when the text reflows (a new width, fonts loaded), so stripes are measured again. */
  layoutVersion: number;
}

interface Painted {
  ranges: Array<[name: string, range: Range]>;
  version: object;
  /** What the row was painted from (see rowKey): a row whose key has not changed is left as it is. */
  key: string;
}

/** The codings that overlap [start, end), found by binary search on starts (codings sorted by start, none longer than `longest`). */
function overlapping(codings: readonly Coding[], start: number, end: number, longest: number): Coding[] {
  let lo = 0;
  let hi = codings.length;
  const from = start - longest;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codings[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const found: Coding[] = [];
  for (let i = lo; i < codings.length && codings[i]!.start < end; i++) {
    const c = codings[i]!;
    if (c.end > start) found.push(c);
  }
  return found;
}

/** The cssText last written to a mark: writing even the same text again makes the browser restyle the mark. */
const writtenStyle = new WeakMap<HTMLElement, string>();

function setStyle(element: HTMLElement, css: string): void {
  if (writtenStyle.get(element) === css) return;
  element.style.cssText = css;
  writtenStyle.set(element, css);
}

function setAttribute(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function highlightFor(name: string): Highlight {
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    CSS.highlights.set(name, highlight);
  }
  return highlight;
}

/**
 * Keeps highlights and stripes in step with the passages in the DOM. `paint` is called after
 * every render of the reader; it paints passages that are new or whose input changed, and
 * clears passages that left.
 */
export class CodingPainter {
  private painted = new Map<HTMLElement, Painted>();
  private input: PaintInput | null = null;
  private version: object = {};
  private textVersion = 0;
  private longest = 0;
  private names = new Set<string>();
  private readonly supported = typeof CSS !== 'undefined' && 'highlights' in CSS;

  setInput(input: PaintInput): void {
    if (input === this.input) return;
    // Another text (a source opened in its place) makes every row's key stale.
    if (input.text !== this.input?.text) this.textVersion++;
    this.input = input;
    this.version = {};
    this.longest = input.codings.reduce((max, c) => Math.max(max, c.end - c.start), 0);
  }

  /**
   * Paints every mounted passage row (elements with a [data-start] paragraph and a .gutter) not
   * painted for the current input. A new input (a coding applied, the codings fetched again)
   * repaints only the rows whose codings, as drawn, changed: repainting every row on screen
   * rebuilt hundreds of ranges and marks, and restyled them, for the one coding that was new.
   */
  paint(rows: Iterable<HTMLElement>): void {
    const input = this.input;
    if (!input) return;
    const mounted = new Set<HTMLElement>();
    const todo: Array<{ row: HTMLElement; key: string; codings: Coding[] }> = [];
    for (const row of rows) {
      mounted.add(row);
      const painted = this.painted.get(row);
      if (painted?.version === this.version) continue;
      const { key, codings } = this.rowKey(row, input);
      if (painted && painted.key === key) painted.version = this.version;
      else todo.push({ row, key, codings });
    }
    if (!todo.length && this.painted.size === mounted.size) return;
    // Read all geometry first, then write, so the browser lays out once.
    const plans = todo.map(({ row, codings }) => this.plan(row, codings));
    const focused = document.activeElement instanceof HTMLElement && document.activeElement.matches('.stripe') ? document.activeElement.dataset.codingId : undefined;
    const again = new Set(todo.map(({ row }) => row));
    // Rows painted again keep their marks until apply() reuses or removes them.
    for (const [row, painted] of this.painted) if (!mounted.has(row) || again.has(row)) this.clear(row, painted, mounted.has(row));
    plans.forEach((plan, i) => this.apply(todo[i]!.row, todo[i]!.key, plan));
    // A stripe repainted while it had focus gives focus to its successor, never to <body>.
    if (focused && (document.activeElement === document.body || document.activeElement === null)) {
      for (const { row } of todo) row.querySelector<HTMLElement>(`button.stripe[data-coding-id="${CSS.escape(focused)}"]`)?.focus({ preventScroll: true });
    }
  }

  /** Everything a row's painting depends on, as text, and the codings over its passage. */
  private rowKey(row: HTMLElement, input: PaintInput): { key: string; codings: Coding[] } {
    const paragraph = row.querySelector<HTMLElement>('[data-start]');
    if (!paragraph) return { key: '', codings: [] };
    const pStart = Number(paragraph.dataset.start);
    const pEnd = Number(paragraph.dataset.end);
    const codings = overlapping(input.codings, pStart, pEnd, this.longest);
    let key = `${this.textVersion}|${input.layoutVersion}|${input.laneCount}|${pStart}|${pEnd}`;
    for (const c of codings) key += `|${c.id},${c.codeId},${c.start},${c.end},${input.lanes.get(c.id)},${input.colourOf(c.codeId)},${input.nameOf(c.codeId)},${input.labelOf(c.codeId)}`;
    return { key, codings };
  }

  /** Forgets everything painted (the reader unmounted or changed source). */
  dispose(): void {
    for (const [row, painted] of this.painted) this.clear(row, painted);
    if (this.supported) for (const name of this.names) CSS.highlights.delete(name);
    this.names.clear();
  }

  private clear(row: HTMLElement, painted: Painted, keepMarks = false): void {
    if (this.supported) for (const [name, range] of painted.ranges) CSS.highlights.get(name)?.delete(range);
    if (!keepMarks) row.querySelector('.gutter')?.replaceChildren();
    this.painted.delete(row);
  }

  private plan(row: HTMLElement, codings: readonly Coding[]) {
    const paragraph = row.querySelector<HTMLElement>('[data-start]');
    if (!paragraph) return null;
    const pStart = Number(paragraph.dataset.start);
    const pEnd = Number(paragraph.dataset.end);
    const rowTop = row.getBoundingClientRect().top;
    const rowHeight = row.offsetHeight;
    const textTop = paragraph.getBoundingClientRect().top - rowTop;
    const textBottom = textTop + paragraph.offsetHeight;
    return codings.map((coding) => {
      const from = Math.max(coding.start, pStart) - pStart;
      const to = Math.min(coding.end, pEnd) - pStart;
      const start = locateOffset(paragraph, from);
      const end = locateOffset(paragraph, to);
      let range: Range | null = null;
      let top = coding.start < pStart ? 0 : textTop;
      let bottom = coding.end > pEnd ? rowHeight : textBottom;
      if (start && end && to > from) {
        range = document.createRange();
        range.setStart(start.node as Node, start.offset);
        range.setEnd(end.node as Node, end.offset);
        const rects = range.getClientRects();
        if (rects.length) {
          if (coding.start >= pStart) top = rects[0]!.top - rowTop;
          if (coding.end <= pEnd) bottom = rects[rects.length - 1]!.bottom - rowTop;
        }
      }
      return { coding, range, top, bottom, first: coding.start >= pStart, last: coding.end <= pEnd };
    });
  }

  private apply(row: HTMLElement, key: string, plan: ReturnType<CodingPainter['plan']>): void {
    const input = this.input!;
    const painted: Painted = { ranges: [], version: this.version, key };
    this.painted.set(row, painted);
    if (!plan) {
      row.querySelector('.gutter')?.replaceChildren();
      return;
    }
    const gutter = row.querySelector<HTMLElement>('.gutter');
    // A repaint updates the marks already there, so a stripe being clicked or focused stays the same element.
    const reusable = new Map<string, HTMLElement>();
    for (const old of gutter?.querySelectorAll<HTMLElement>(':scope > [data-coding-id]') ?? []) reusable.set(`${old.tagName}:${old.classList[0]}:${old.dataset.codingId}`, old);
    const make = (tag: 'button' | 'div' | 'span', kind: string, codingId: string): HTMLElement => {
      const key = `${tag.toUpperCase()}:${kind}:${codingId}`;
      const old = reusable.get(key);
      reusable.delete(key);
      return old ?? document.createElement(tag);
    };
    const marks: HTMLElement[] = [];
    let labelsReach = -Infinity;
    for (const { coding, range, top, bottom, first, last } of plan) {
      const name = highlightName(coding.codeId);
      if (range && this.supported) {
        highlightFor(name).add(range);
        this.names.add(name);
        painted.ranges.push([name, range]);
      }
      const lane = input.lanes.get(coding.id) ?? 0;
      if (!gutter || lane >= maxLanes) continue;
      const colour = input.colourOf(coding.codeId);
      const codeName = input.nameOf(coding.codeId);
      // Where a coding starts its stripe is a button naming it; in later passages the line only continues.
      // A mark reused from the last paint is written only where it differs: every write restyles it.
      const stripe = make(first ? 'button' : 'div', 'stripe', coding.id);
      setAttribute(stripe, 'class', `stripe${first ? ' stripe--start' : ''}${last ? ' stripe--end' : ''}`);
      setAttribute(stripe, 'data-coding-id', coding.id);
      setStyle(stripe, `top:${top}px;height:${Math.max(6, bottom - top)}px;right:${lane * laneWidth}px;--stripe:${colour}`);
      marks.push(stripe);
      if (!first) {
        setAttribute(stripe, 'aria-hidden', 'true');
        continue;
      }
      const words = input.text.slice(coding.start, Math.min(coding.end, coding.start + 60)).replace(/\s+/g, ' ');
      setAttribute(stripe, 'type', 'button');
      setAttribute(stripe, 'tabindex', '-1');
      setAttribute(stripe, 'title', codeName);
      const labelRight = Math.min(input.laneCount, maxLanes) * laneWidth + 4;
      setAttribute(stripe, 'aria-label', `Coding ${codeName}: “${words}${coding.end - coding.start > 60 ? '…' : ''}”`);
      // Its code's name in the column left of the lanes, moved down below the name before it so none overlap.
      const label = make('span', 'stripe-label', coding.id);
      setAttribute(label, 'class', 'stripe-label');
      setAttribute(label, 'data-coding-id', coding.id);
      setAttribute(label, 'aria-hidden', 'true');
      const labelText = input.labelOf(coding.codeId);
      if (label.textContent !== labelText) label.textContent = labelText;
      setAttribute(label, 'title', codeName);
      const labelTop = Math.max(top, labelsReach);
      labelsReach = labelTop + labelHeight;
      setStyle(label, `top:${labelTop}px;right:${labelRight}px;max-width:${labelWidth + (maxLanes * laneWidth - labelRight)}px;--stripe:${colour}`);
      marks.push(label);
    }
    for (const old of reusable.values()) old.remove();
    // Only new marks are inserted: moving one that is in place would blur it and lose a click half made on it.
    for (const mark of marks) if (mark.parentNode !== gutter) gutter?.append(mark);
  }
}
