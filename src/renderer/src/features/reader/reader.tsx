import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref, type RefObject } from 'react';
import { sourceKindLabels, type Coding } from '../../../../shared/domain/model';
import { legibleCodeColour } from '../../../../shared/domain/rules/palette';
import { passageIndexAt } from '../../../../shared/domain/segments/context';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { codePaths } from '../../lib/code-tree';
import { stripeLanes } from '../../lib/stripe-lanes';
import { marksByPassage, speakerLabel } from '../../lib/text-marks';
import { nextWordEnd, nextWordStart, previousWordEnd, previousWordStart } from '../../lib/word-bounds';
import { useCommands, type Command } from '../../state/commands';
import { announce, reportError } from '../../state/status';
import { useWorkspace } from '../../state/workspace';
import { CodePicker } from './code-picker';
import { applyCode, codeInVivo, createCodeAndApply, useAppliedCodings, type TextSelection } from './coding-actions';
import { CodingMenu } from './coding-menu';
import { CodingPainter, highlightRules, labelWidth, laneWidth, maxLanes } from './paint';
import { PassageList, type PassageListHandle } from './passage-list';
import { caretAtFirstVisiblePassage, offsetAtPoint, rangeFromSpan, spanFromRange } from './reader-dom';
import { useSearchHighlights } from './search-highlights';
import { useCodeShortcuts } from './shortcuts';
import './reader.css';

interface Props {
  sourceId: string | null;
  selection: TextSelection | null;
  onSelectionChange(selection: TextSelection | null): void;
  /** 'popover': coding tools appear next to the selection. 'panel': a panel beside the reader holds them, and C calls onCodeKey. */
  codingTools: 'popover' | 'panel';
  onCodeKey?(): void;
  /** Controls placed in the reader's header, such as a source switcher. */
  toolbar?: ReactNode;
  /** Lets a view return focus to the text, for example after coding from a side panel. */
  textRef?: RefObject<HTMLElement | null>;
}

interface Anchor {
  top: number;
  left: number;
}

const pendingHighlight = 'quarry-pending';
const resizeHighlight = 'quarry-resize';

/** Selection keys of the text: arrows move a caret (Ctrl by word, or by sentence up and down), Shift extends a selection. */
const moveKeys: Record<string, [direction: 'forward' | 'backward', plain: string, withCtrl: string]> = {
  ArrowRight: ['forward', 'character', 'word'],
  ArrowLeft: ['backward', 'character', 'word'],
  ArrowDown: ['forward', 'line', 'sentence'],
  ArrowUp: ['backward', 'line', 'sentence'],
  End: ['forward', 'lineboundary', 'lineboundary'],
  Home: ['backward', 'lineboundary', 'lineboundary'],
};

/** A source, passage by passage, with its codings painted over it; only the passages on screen are in the DOM. */
export function Reader({ sourceId, selection, onSelectionChange, codingTools, onCodeKey, toolbar, textRef }: Props) {
  const { readerFocus, setCodeFilter, codeId: selectedCodeId } = useWorkspace();
  // The text never changes after import, so edits elsewhere never fetch it again; the summary (title, stage, counts) is light.
  const source = useQuery('sources.text', sourceId ? { id: sourceId } : null);
  const sources = useQuery('sources.list', {});
  const codings = useQuery('codings.list', sourceId ? { sourceId } : null);
  const codesQuery = useQuery('codes.list', {});
  const codes = useMemo(() => codesQuery.data ?? [], [codesQuery.data]);
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const scroller = useRef<HTMLDivElement>(null);
  const ownText = useRef<HTMLElement>(null);
  const article = textRef ?? ownText;
  const list = useRef<PassageListHandle>(null);
  const handles = useRef<{ place(): void }>(null);
  const pickerInput = useRef<HTMLInputElement>(null);
  const menuOpener = useRef<HTMLElement | null>(null);
  const painter = useMemo(() => new CodingPainter(), []);
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [pointerDown, setPointerDown] = useState(false);
  const [menu, setMenu] = useState<{ codingIds: string[]; position: Anchor } | null>(null);
  const [caret, setCaret] = useState<{ top: number; left: number; height: number } | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [layoutVersion, setLayoutVersion] = useState(0);
  const [scrollMargin, setScrollMargin] = useState(0);

  const text = source.data?.text ?? '';
  const passages = useMemo(() => (source.data && source.data.id === sourceId ? source.data.passages : []), [source.data, sourceId]);
  // Emphasis and each turn's speaker label, by passage: drawn as elements around the text, never as imported markup.
  const marks = useMemo(() => {
    const own = marksByPassage(passages, source.data?.marks ?? []);
    for (const passage of passages) {
      const label = speakerLabel(text, passage);
      if (label) own.set(passage.id, [label, ...(own.get(passage.id) ?? [])]);
    }
    return own;
  }, [passages, source.data, text]);
  const filterCode = readerFocus.codeId && codeById.has(readerFocus.codeId) ? readerFocus.codeId : null;
  const applied = useAppliedCodings(sourceId, codings.data);
  const shown = useMemo(() => {
    const all = codings.data && codings.data.length && codings.data[0]!.sourceId !== sourceId ? [] : [...(codings.data ?? []), ...applied];
    return all.filter((c) => !filterCode || c.codeId === filterCode).sort((a, b) => a.start - b.start || b.end - a.end);
  }, [codings.data, applied, filterCode, sourceId]);
  const codingById = useMemo(() => new Map(shown.map((c) => [c.id, c])), [shown]);
  const { lanes, count: laneCount } = useMemo(() => stripeLanes(shown), [shown]);
  const colours = useMemo(() => new Map(codes.map((c) => [c.id, legibleCodeColour(c.color)])), [codes]);
  const colourOf = useCallback((id: string) => colours.get(id) ?? '#6b6b6b', [colours]);
  const paths = useMemo(() => codePaths(codes), [codes]);
  const nameOf = useCallback((id: string) => paths.get(id) ?? 'Unknown code', [paths]);
  const labelOf = useCallback((id: string) => codeById.get(id)?.name ?? 'Unknown code', [codeById]);
  // The margin holds the code names and the lanes of stripes; its width stays put as codings come and go.
  const gutter = labelWidth + maxLanes * laneWidth + 8;

  // Passages that must stay in the DOM although off screen: where the selection and the coding being resized start and end.
  const pinned = useMemo(() => {
    const offsets: number[] = [];
    if (selection && selection.sourceId === sourceId) offsets.push(selection.start, Math.max(selection.start, selection.end - 1));
    const activeCoding = active ? codingById.get(active) : undefined;
    if (activeCoding) offsets.push(activeCoding.start, activeCoding.end - 1);
    return [...new Set(offsets.map((o) => passageIndexAt(passages, o)).filter((i) => i >= 0))];
  }, [selection, sourceId, active, codingById, passages]);
  useLayoutEffect(() => {
    const box = scroller.current;
    const root = article.current;
    if (!box || !root) return;
    setScrollMargin(root.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop + parseFloat(getComputedStyle(root).paddingTop));
  }, [article, sourceId, passages]);

  // A new source starts at its top, with nothing painted, resized or open from the last one.
  const [shownSource, setShownSource] = useState(sourceId);
  if (shownSource !== sourceId) {
    setShownSource(sourceId);
    setActive(null);
    setMenu(null);
  }
  useLayoutEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    return () => painter.dispose();
  }, [sourceId, painter]);

  // Text reflows when the reader's width or its fonts change; stripes are then measured again.
  useEffect(() => {
    const root = article.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    let width = root.clientWidth;
    const observer = new ResizeObserver(() => {
      if (root.clientWidth === width) return;
      width = root.clientWidth;
      setLayoutVersion((v) => v + 1);
    });
    observer.observe(root);
    void document.fonts?.ready.then(() => setLayoutVersion((v) => v + 1));
    return () => observer.disconnect();
  }, [article, sourceId]);

  // ::highlight rules only for the codes this source's codings use: every rule costs style work on every element.
  // In a fixed order (by id), so a coding added or removed leaves the stylesheet as it was unless its code is new
  // here or gone: a changed stylesheet restyles the whole document, which cost 10–70 ms on every apply.
  const rules = useMemo(() => highlightRules([...new Set(shown.map((c) => c.codeId))].sort().map((id) => ({ id })), colourOf), [shown, colourOf]);
  const paintInput = useMemo(
    () => ({ codings: shown, lanes, laneCount, colourOf, nameOf, labelOf, text, layoutVersion }),
    [shown, lanes, laneCount, colourOf, nameOf, labelOf, text, layoutVersion],
  );

  // Follow the document selection: a selection inside the article becomes the pending span;
  // a selection that moves elsewhere (into the code picker, say) leaves the pending span alone.
  useEffect(() => {
    if (!sourceId || !text) return;
    let spoken: number | undefined;
    const onChange = () => {
      const sel = window.getSelection();
      const root = article.current;
      const box = scroller.current;
      if (!sel || !root || !box || !sel.rangeCount || !root.contains(sel.anchorNode)) {
        window.clearTimeout(spoken);
        setCaret(null);
        return;
      }
      const range = sel.getRangeAt(0);
      if (sel.isCollapsed) {
        window.clearTimeout(spoken);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const outer = box.getBoundingClientRect();
        setCaret(rect.height ? { top: rect.top - outer.top + box.scrollTop, left: rect.left - outer.left + box.scrollLeft, height: rect.height } : null);
        onSelectionChange(null);
        return;
      }
      setCaret(null);
      const span = spanFromRange(root, range, text);
      if (!span) {
        onSelectionChange(null);
        return;
      }
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      setAnchor(positionIn(last));
      setMenu(null);
      const words = text.slice(span.start, span.end);
      onSelectionChange({ sourceId, ...span, text: words });
      window.clearTimeout(spoken);
      spoken = window.setTimeout(() => announce(`Selected ${words.length.toLocaleString()} characters: ${words.length > 80 ? `${words.slice(0, 77)}…` : words}`), 600);
    };
    document.addEventListener('selectionchange', onChange);
    return () => {
      window.clearTimeout(spoken);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [sourceId, text, onSelectionChange, article]);

  // Keep the pending span visible (CSS Custom Highlight API) after focus leaves the text.
  useLayoutEffect(() => {
    const root = article.current;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    CSS.highlights.delete(pendingHighlight);
    if (!root || !selection || selection.sourceId !== sourceId) return;
    const range = rangeFromSpan(root, selection);
    if (range) CSS.highlights.set(pendingHighlight, new Highlight(range));
  });
  useEffect(() => () => void (typeof CSS !== 'undefined' && 'highlights' in CSS && CSS.highlights.delete(pendingHighlight)), []);

  const scrollToPassage = useCallback((index: number, align: 'auto' | 'center' = 'center') => list.current?.scrollToIndex(index, align), []);
  const paintSearch = useSearchHighlights(article, readerFocus, passages, scrollToPassage);

  // After the rows render (scrolling included): give focus to a stripe asked for once it is painted, and repaint what follows the rows.
  const focusRequest = useRef<string | null>(null);
  const onRowsRendered = useCallback(() => {
    paintSearch();
    handles.current?.place();
    const wanted = focusRequest.current;
    if (!wanted) return;
    const stripe = article.current?.querySelector<HTMLElement>(`button.stripe[data-coding-id="${CSS.escape(wanted)}"]`);
    if (!stripe) return;
    focusRequest.current = null;
    stripe.focus({ preventScroll: true });
    stripe.scrollIntoView({ block: 'nearest' });
    stripe.classList.add('stripe--flash');
    stripe.addEventListener('animationend', () => stripe.classList.remove('stripe--flash'), { once: true });
  }, [paintSearch, article]);
  /** Gives focus to a coding's stripe: now if it is painted, else as soon as it is. */
  const requestFocus = useCallback(
    (codingId: string) => {
      focusRequest.current = codingId;
      requestAnimationFrame(onRowsRendered);
    },
    [onRowsRendered],
  );

  // Scroll to the coding (or the filtered code's first coding) the workspace asked for, once per request.
  const scrolledFor = useRef(-1);
  useEffect(() => {
    if (!codings.data || !passages.length || scrolledFor.current === readerFocus.request) return;
    const target = readerFocus.codingId ? codingById.get(readerFocus.codingId) : filterCode ? shown[0] : undefined;
    scrolledFor.current = readerFocus.request;
    if (!target) return;
    scrollToPassage(passageIndexAt(passages, target.start));
    requestFocus(target.id);
  }, [readerFocus, filterCode, codings.data, passages, codingById, shown, scrollToPassage, requestFocus]);

  function positionIn(rect: DOMRect): Anchor | null {
    const box = scroller.current;
    if (!box) return null;
    const outer = box.getBoundingClientRect();
    const width = Math.min(360, box.clientWidth - 16);
    return {
      top: rect.bottom - outer.top + box.scrollTop + 6,
      left: Math.max(8, Math.min(rect.left - outer.left + box.scrollLeft, box.clientWidth - width - 8)),
    };
  }

  const clearSelection = () => {
    window.getSelection()?.removeAllRanges();
    onSelectionChange(null);
  };

  const openMenu = (codingIds: string[], rect: DOMRect, opener: HTMLElement | null) => {
    const position = positionIn(rect);
    if (!codingIds.length || !position) return;
    menuOpener.current = opener;
    setMenu({ codingIds, position });
  };

  /** Closes the coding menu and gives focus back to what opened it (a stripe, or the text), never to <body>. */
  const closeMenu = () => {
    setMenu(null);
    const opener = menuOpener.current;
    const target = opener?.isConnected ? opener : article.current;
    target?.focus({ preventScroll: true });
  };

  const afterCoding = (coded: Coding[]) => {
    clearSelection();
    article.current?.focus({ preventScroll: true });
    if (coded[0]) announceCoded(coded);
  };
  const announceCoded = (coded: Coding[]) => {
    const words = text.slice(coded[0]!.start, coded[0]!.end);
    announce(`Coded “${words.length > 60 ? `${words.slice(0, 57)}…` : words}” with ${coded.map((c) => nameOf(c.codeId)).join(', ')}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const sel = window.getSelection();
    const root = article.current;
    const box = scroller.current;
    if (!sel || !root || !box) return;
    const move = moveKeys[event.key];
    const target = event.target as HTMLElement;
    if (move && !event.altKey && !target.matches('.stripe')) {
      event.preventDefault();
      if (!sel.rangeCount || !root.contains(sel.anchorNode)) {
        if (!caretAtFirstVisiblePassage(root, box)) return;
      }
      sel.modify(event.shiftKey ? 'extend' : 'move', move[0], event.ctrlKey || event.metaKey ? move[2] : move[1]);
      keepInView(sel, box);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      clearSelection();
      setMenu(null);
      setActive(null);
    }
  };

  /** Scrolls so the selection's moving end stays on screen as the keyboard moves it. */
  const keepInView = (sel: Selection, box: HTMLElement) => {
    if (!sel.focusNode) return;
    const range = document.createRange();
    range.setStart(sel.focusNode, sel.focusOffset);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const outer = box.getBoundingClientRect();
    if (rect.bottom > outer.bottom - 24) box.scrollBy({ top: rect.bottom - outer.bottom + 48 });
    else if (rect.top < outer.top + 24) box.scrollBy({ top: rect.top - outer.top - 48 });
  };

  const onClick = (event: React.MouseEvent<HTMLElement>) => {
    const mark = (event.target as HTMLElement).closest<HTMLElement>('.stripe, .stripe-label');
    if (mark?.dataset.codingId) {
      const stripe = article.current?.querySelector<HTMLElement>(`button.stripe[data-coding-id="${CSS.escape(mark.dataset.codingId)}"]`) ?? mark;
      openMenu([mark.dataset.codingId], mark.getBoundingClientRect(), stripe);
      return;
    }
    const sel = window.getSelection();
    if (!sel?.isCollapsed || !sel.anchorNode || !article.current) return;
    const offset = offsetAtPoint(article.current, sel.anchorNode, sel.anchorOffset);
    const here = offset === null ? [] : shown.filter((c) => c.start <= offset && offset < c.end);
    if (here.length) {
      const range = sel.getRangeAt(0);
      openMenu(
        here.map((c) => c.id),
        range.getBoundingClientRect(),
        article.current,
      );
    } else setMenu(null);
  };

  /** Moves focus to the stripe of the next (or previous) coding after the one focused, scrolling it into the DOM when needed. */
  const stepCoding = (direction: 1 | -1) => {
    if (!shown.length) return;
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.codingId : undefined;
    const index = focused ? shown.findIndex((c) => c.id === focused) : -1;
    const next = direction === 1 ? shown[index + 1] : index < 0 ? shown.at(-1) : shown[index - 1];
    if (!next) return;
    scrollToPassage(passageIndexAt(passages, next.start), 'auto');
    requestFocus(next.id);
  };

  const focusedCoding = (): Coding | undefined => {
    const id = document.activeElement instanceof HTMLElement && document.activeElement.matches('.stripe') ? document.activeElement.dataset.codingId : (active ?? undefined);
    return id ? codingById.get(id) : undefined;
  };

  const resize = (change: (coding: Coding) => { start: number; end: number }) => {
    const coding = focusedCoding();
    if (!coding) return;
    const next = change(coding);
    if (next.end <= next.start || (next.start === coding.start && next.end === coding.end)) return;
    setActive(coding.id);
    requestFocus(coding.id);
    mutate('codings.update', { id: coding.id, start: next.start, end: next.end }).then(
      () => announce(`Coding of ${nameOf(coding.codeId)} now reads “${text.slice(next.start, Math.min(next.end, next.start + 60))}”`),
      (err: unknown) => reportError(errorMessage(err)),
    );
  };

  const inReader = () => Boolean(article.current?.contains(document.activeElement));
  const hasCodings = () => shown.length > 0;
  const onStripe = () => Boolean(focusedCoding());
  const hasSelection = () => Boolean(selection && selection.sourceId === sourceId);
  const shortcuts = useCodeShortcuts(codes);
  const codeWithSelection = (codeIds: string[]) => {
    if (!selection) return;
    const target = selection;
    applyCode(target, codeIds).then(afterCoding, (err: unknown) => reportError(errorMessage(err)));
  };
  const commands: Command[] = [
    {
      id: 'reader.codeSelection',
      title: 'Code the selected text (quick pick)',
      category: 'Coding',
      keys: ['C'],
      when: hasSelection,
      keyScope: inReader,
      run: () => {
        if (codingTools === 'popover') pickerInput.current?.focus();
        else onCodeKey?.();
      },
    },
    {
      id: 'reader.codeInVivo',
      title: 'Code the selected words in vivo (as a new code named by them)',
      category: 'Coding',
      keys: ['V'],
      when: hasSelection,
      keyScope: inReader,
      run: () => {
        if (!selection) return;
        codeInVivo(selection, selectedCodeId && codeById.has(selectedCodeId) ? selectedCodeId : null).then(
          (result) => afterCoding([result.coding]),
          (err: unknown) => reportError(errorMessage(err)),
        );
      },
    },
    ...[...shortcuts].map(
      ([digit, codeId]): Command => ({
        id: `reader.applyKey${digit}`,
        title: `Apply code ‘${nameOf(codeId)}’ to the selection`,
        category: 'Coding',
        keys: [String(digit)],
        when: hasSelection,
        keyScope: inReader,
        run: () => codeWithSelection([codeId]),
      }),
    ),
    { id: 'reader.nextCoding', title: 'Go to the next coding', category: 'Coding', keys: [']'], when: hasCodings, keyScope: inReader, run: () => stepCoding(1) },
    { id: 'reader.previousCoding', title: 'Go to the previous coding', category: 'Coding', keys: ['['], when: hasCodings, keyScope: inReader, run: () => stepCoding(-1) },
    {
      id: 'coding.extendEnd',
      title: 'Move the coding’s end a word later',
      category: 'Coding',
      keys: ['Alt+Shift+ArrowRight'],
      when: onStripe,
      run: () => resize((c) => ({ start: c.start, end: nextWordEnd(text, c.end) })),
    },
    {
      id: 'coding.shrinkEnd',
      title: 'Move the coding’s end a word earlier',
      category: 'Coding',
      keys: ['Alt+Shift+ArrowLeft'],
      when: onStripe,
      run: () => resize((c) => ({ start: c.start, end: previousWordEnd(text, c.end) })),
    },
    {
      id: 'coding.extendStart',
      title: 'Move the coding’s start a word earlier',
      category: 'Coding',
      keys: ['Alt+Shift+ArrowUp'],
      when: onStripe,
      run: () => resize((c) => ({ start: previousWordStart(text, c.start), end: c.end })),
    },
    {
      id: 'coding.shrinkStart',
      title: 'Move the coding’s start a word later',
      category: 'Coding',
      keys: ['Alt+Shift+ArrowDown'],
      when: onStripe,
      run: () => resize((c) => ({ start: nextWordStart(text, c.start), end: c.end })),
    },
    {
      id: 'coding.remove',
      title: 'Remove the focused coding',
      category: 'Coding',
      keys: ['Delete'],
      when: onStripe,
      keyScope: inReader,
      run: () => {
        const coding = focusedCoding();
        if (!coding) return;
        stepCoding(1);
        mutate('codings.remove', { ids: [coding.id] }).then(
          () => announce(`Removed the coding of ${nameOf(coding.codeId)}`),
          (err: unknown) => reportError(errorMessage(err)),
        );
      },
    },
  ];
  useCommands(commands);

  const info = source.data ? sources.data?.find((s) => s.id === source.data!.id) : undefined;
  const menuCodings = menu ? menu.codingIds.flatMap((id) => codingById.get(id) ?? []) : [];
  const showPopover = codingTools === 'popover' && selection && selection.sourceId === sourceId && anchor && !pointerDown;
  const activeCoding = active ? codingById.get(active) : undefined;

  return (
    <section className="reader" aria-label="Reader">
      <style>{rules}</style>
      <header className="reader__header">
        <div className="reader__heading">
          <h2 className="reader__title">{info?.title ?? (sourceId ? 'Loading…' : 'No source open')}</h2>
          {info && (
            <p className="reader__meta">
              <span className="badge">{sourceKindLabels[info.kind]}</span> <span className={`stage-badge stage-badge--${info.stage}`}>{info.stage}</span>{' '}
              <span className="muted">
                {info.format.toUpperCase()} · {info.length.toLocaleString()} characters · {info.codingCount} codings
              </span>
            </p>
          )}
        </div>
        <div className="reader__tools">
          {toolbar}
          <label className="field field--inline">
            <span className="field__label">Show codings</span>
            <select className="input" value={filterCode ?? ''} onChange={(event) => setCodeFilter(event.target.value || null)}>
              <option value="">All codes</option>
              {codes.map((code) => (
                <option key={code.id} value={code.id}>
                  {paths.get(code.id)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <InlineError message={source.error ?? sources.error ?? codings.error} />
      <div className="reader__scroll" ref={scroller}>
        {!sourceId && <p className="empty-state">Choose a source to read it here.</p>}
        {info && (
          <article
            ref={article}
            className="reader__text"
            tabIndex={0}
            aria-label={`Text of ${info.title}`}
            aria-describedby="reader-keys"
            aria-busy={codings.loading || source.loading}
            data-painted-codings={codings.data && source.data && !codings.loading ? shown.length : undefined}
            onKeyDown={onKeyDown}
            onPointerDown={() => setPointerDown(true)}
            onPointerUp={() => setPointerDown(false)}
            onClick={onClick}
            onFocus={(event) => {
              const id = (event.target as HTMLElement).dataset.codingId;
              if (id) setActive(id);
            }}
          >
            <PassageList
              handle={list}
              passages={passages}
              text={text}
              marks={marks}
              scroller={scroller}
              scrollMargin={scrollMargin}
              pinned={pinned}
              gutter={gutter}
              painter={painter}
              paintInput={paintInput}
              onRendered={onRowsRendered}
            />
            {passages.length === 0 && source.data && <p className="empty-state">This source has no text.</p>}
          </article>
        )}
        {caret && <div className="reader__caret" aria-hidden="true" style={{ top: caret.top, left: caret.left, height: caret.height }} />}
        {activeCoding && (
          <ResizeHandles
            key={`${activeCoding.id}:${activeCoding.start}:${activeCoding.end}:${layoutVersion}`}
            coding={activeCoding}
            article={article}
            scroller={scroller}
            handle={handles}
            onResize={(span) => {
              requestFocus(activeCoding.id);
              mutate('codings.update', { id: activeCoding.id, ...span }).catch((err: unknown) => reportError(errorMessage(err)));
            }}
          />
        )}
        {showPopover && (
          <div className="popover coding-popover" role="dialog" aria-label="Coding toolbar" style={{ top: anchor.top, left: anchor.left }}>
            <p className="coding-popover__quote">
              <q>{selection.text.length > 80 ? `${selection.text.slice(0, 77)}…` : selection.text}</q>
            </p>
            <CodePicker
              codes={codes}
              label="Choose code"
              enabled
              inputRef={pickerInput}
              onApply={(codeIds) => applyCode(selection, codeIds).then(afterCoding)}
              onCreate={(name) => createCodeAndApply(selection, name).then((coding) => afterCoding([coding]))}
              onCancel={() => afterCoding([])}
            />
          </div>
        )}
        {menu && info && <CodingMenu codings={menuCodings} codes={codes} text={text} position={menu.position} onClose={closeMenu} onResize={(id) => {
          setMenu(null);
          setActive(id);
          requestFocus(id);
        }} />}
      </div>
      <p id="reader-keys" className="reader__keys">
        Arrows move a caret (<kbd>Ctrl</kbd>: by word, or by sentence up and down), <kbd>Shift</kbd> selects · <kbd>C</kbd> codes, <kbd>1</kbd>–<kbd>9</kbd> apply a code,{' '}
        <kbd>V</kbd> codes in vivo · <kbd>]</kbd> <kbd>[</kbd> go to codings: <kbd>Enter</kbd> opens one, <kbd>Shift</kbd>+<kbd>Alt</kbd>+arrows resize it
      </p>
    </section>
  );
}

/** Drag handles at a coding's start and end; dragging one moves that boundary to where it is dropped. */
function ResizeHandles({ coding, article, scroller, handle, onResize }: { coding: Coding; article: RefObject<HTMLElement | null>; scroller: RefObject<HTMLDivElement | null>; handle: Ref<{ place(): void }>; onResize(span: { start: number; end: number }): void }) {
  const handles = useRef<Record<'start' | 'end', HTMLDivElement | null>>({ start: null, end: null });
  const dragging = useRef<'start' | 'end' | null>(null);

  // Placed from the text's layout when it renders and whenever the rows do (nothing React renders depends on it).
  function place() {
    const root = article.current;
    const box = scroller.current;
    if (!root || !box) return;
    const outer = box.getBoundingClientRect();
    for (const which of ['start', 'end'] as const) {
      const handle = handles.current[which];
      if (!handle) continue;
      const offset = coding[which];
      const range = which === 'start' ? rangeFromSpan(root, { start: offset, end: offset + 1 }) : rangeFromSpan(root, { start: Math.max(0, offset - 1), end: offset });
      const rect = range?.getClientRects()[0];
      handle.hidden = !rect;
      if (!rect) continue;
      handle.style.top = `${rect.top - outer.top + box.scrollTop}px`;
      handle.style.left = `${(which === 'start' ? rect.left : rect.right) - outer.left + box.scrollLeft}px`;
      handle.style.height = `${rect.height}px`;
    }
  }
  useLayoutEffect(place);
  useImperativeHandle(handle, () => ({ place }));

  const track = (which: 'start' | 'end') => (event: React.PointerEvent<HTMLElement>) => {
    event.preventDefault();
    dragging.current = which;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const offsetUnder = (event: React.PointerEvent<HTMLElement>): number | null => {
    const root = article.current;
    const point = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    return root && point ? offsetAtPoint(root, point.offsetNode, point.offset) : null;
  };
  const onMove = (event: React.PointerEvent<HTMLElement>) => {
    const root = article.current;
    const offset = dragging.current ? offsetUnder(event) : null;
    if (!root || offset === null || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const span = dragging.current === 'start' ? { start: Math.min(offset, coding.end - 1), end: coding.end } : { start: coding.start, end: Math.max(offset, coding.start + 1) };
    const range = rangeFromSpan(root, span);
    if (range) CSS.highlights.set(resizeHighlight, new Highlight(range));
  };
  const onUp = (event: React.PointerEvent<HTMLElement>) => {
    const which = dragging.current;
    dragging.current = null;
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(resizeHighlight);
    const offset = which ? offsetUnder(event) : null;
    if (offset === null) return;
    if (which === 'start' && offset < coding.end && offset !== coding.start) onResize({ start: offset, end: coding.end });
    if (which === 'end' && offset > coding.start && offset !== coding.end) onResize({ start: coding.start, end: offset });
  };

  return (
    <>
      {(['start', 'end'] as const).map((which) => (
        <div
          key={which}
          ref={(el) => {
            handles.current[which] = el;
          }}
          className={`resize-handle resize-handle--${which}`}
          aria-hidden="true"
          title={`Drag to move the coding’s ${which} (or Shift+Alt+arrows)`}
          onPointerDown={track(which)}
          onPointerMove={onMove}
          onPointerUp={onUp}
        />
      ))}
    </>
  );
}
