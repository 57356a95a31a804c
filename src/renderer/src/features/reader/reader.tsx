import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { sourceKindLabels, type Code, type Coding, type Passage } from '../../../../shared/domain/model';
import { useQuery } from '../../api/use-api';
import { useCommands } from '../../state/commands';
import { useWorkspace } from '../../state/workspace';
import { withAlpha } from '../../lib/colour';
import { codePath } from '../../lib/code-tree';
import { segmentRange, type Segment } from '../../lib/segments';
import { inlinePieces, marksByPassage, speakerLabel, type InlineMark } from '../../lib/text-marks';
import { CodePicker } from './code-picker';
import { applyCode, createCodeAndApply, type TextSelection } from './coding-actions';
import { useSearchHighlights } from './search-highlights';
import { CodingMenu } from './coding-menu';
import { caretAtFirstVisiblePassage, rangeFromSpan, spanFromRange } from './reader-dom';
import './reader.css';
import { InlineError } from '../../components/inline-error';

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
const extendKeys: Record<string, [direction: 'forward' | 'backward', granularity: string]> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'lineboundary'],
  Home: ['backward', 'lineboundary'],
};

/** Layered colour for a segment: the innermost code tints the background, every code adds a band underneath. */
function segmentStyle(segment: Segment<Coding>, codeById: Map<string, Code>): CSSProperties {
  const colours = segment.spans.map((s) => codeById.get(s.codeId)?.color ?? '#888888');
  const innermost = colours.at(-1)!;
  const bands = [...colours].reverse().map((colour, i) => `inset 0 -${(i + 1) * 3}px 0 ${colour}`);
  return { backgroundColor: withAlpha(innermost, 0.22), boxShadow: bands.join(', ') };
}

/** A segment with its text, so a passage renders without the whole source. */
type TextSegment = Segment<Coding> & { text: string };

const markTags = { emphasis: 'em', strong: 'strong', code: 'code', link: 'span', speaker: 'span' } as const;

/** A stretch of text with its emphasis drawn as elements around it: never as the imported document's markup. */
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

function PassageText({ passage, segments, marks, codeById, codes }: { passage: Passage; segments: TextSegment[]; marks: readonly InlineMark[]; codeById: Map<string, Code>; codes: Code[] }) {
  const children = segments.map((segment) => {
    const text = <Emphasised key={segment.start} text={segment.text} start={segment.start} marks={marks} />;
    if (segment.spans.length === 0) return text;
    const names = [...new Set(segment.spans.map((s) => (codeById.has(s.codeId) ? codePath(codes, s.codeId) : 'Unknown code')))];
    return (
      <mark
        key={segment.start}
        className={`coded${segment.spans.length > 1 ? ' coded--layered' : ''}`}
        style={segmentStyle(segment, codeById)}
        data-coding-ids={segment.spans.map((s) => s.id).join(' ')}
        data-code-ids={[...new Set(segment.spans.map((s) => s.codeId))].join(' ')}
        data-code-names={names.join(', ')}
        title={`Coded: ${names.join(', ')}`}
        tabIndex={-1}
      >
        {text}
      </mark>
    );
  });
  const props = { 'data-start': passage.start, 'data-end': passage.end, 'data-passage-id': passage.id };
  if (passage.kind === 'heading') {
    const Heading = `h${Math.min(6, passage.level + 2)}` as 'h3';
    return (
      <Heading className="passage passage--heading" {...props}>
        {children}
      </Heading>
    );
  }
  if (passage.kind === 'quote') {
    return (
      <blockquote className="passage passage--quote" {...props}>
        {children}
      </blockquote>
    );
  }
  // A bullet is drawn by CSS from data-marker, so the element's text stays exactly the source's.
  return (
    <p
      className={`passage passage--${passage.kind}`}
      {...props}
      data-marker={passage.marker ?? undefined}
      data-speaker={passage.speaker ?? undefined}
      style={passage.kind === 'list-item' ? ({ '--level': passage.level } as CSSProperties) : undefined}
    >
      {children}
    </p>
  );
}

/** A source, passage by passage, with its codings drawn in their codes' colours; selecting text starts coding. */
export function Reader({ sourceId, selection, onSelectionChange, codingTools, onCodeKey, toolbar, textRef }: Props) {
  const { readerFocus, setCodeFilter } = useWorkspace();
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
  const pickerInput = useRef<HTMLInputElement>(null);
  const scrolledFor = useRef(-1);
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [pointerDown, setPointerDown] = useState(false);
  const [menu, setMenu] = useState<{ codingIds: string[]; position: Anchor } | null>(null);

  const text = source.data?.text ?? '';
  const filterCode = readerFocus.codeId && codeById.has(readerFocus.codeId) ? readerFocus.codeId : null;
  const shown = useMemo(
    () => (codings.data ?? []).filter((c) => !filterCode || c.codeId === filterCode),
    [codings.data, filterCode],
  );
  const marks = useMemo(() => marksByPassage(source.data?.passages ?? [], source.data?.marks ?? []), [source.data]);
  const passages = useMemo(
    () =>
      (source.data?.passages ?? []).map((passage) => {
        const label = speakerLabel(text, passage);
        const own = marks.get(passage.id) ?? [];
        return {
          passage,
          marks: label ? [label, ...own] : own,
          segments: segmentRange(passage, shown).map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
        };
      }),
    [source.data, shown, text, marks],
  );

  const positionIn = (rect: DOMRect): Anchor | null => {
    const box = scroller.current;
    if (!box) return null;
    const outer = box.getBoundingClientRect();
    const width = Math.min(360, box.clientWidth - 16);
    return {
      top: rect.bottom - outer.top + box.scrollTop + 6,
      left: Math.max(8, Math.min(rect.left - outer.left + box.scrollLeft, box.clientWidth - width - 8)),
    };
  };

  // Follow the document selection: a selection inside the article becomes the pending span;
  // a selection that moves elsewhere (into the code picker, say) leaves the pending span alone.
  useEffect(() => {
    if (!sourceId || !text) return;
    const onChange = () => {
      const sel = window.getSelection();
      const root = article.current;
      if (!sel || !root || !sel.rangeCount || !root.contains(sel.anchorNode)) return;
      if (sel.isCollapsed) {
        onSelectionChange(null);
        return;
      }
      const range = sel.getRangeAt(0);
      const span = spanFromRange(root, range, text);
      if (!span) {
        onSelectionChange(null);
        return;
      }
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      setAnchor(positionIn(last));
      setMenu(null);
      onSelectionChange({ sourceId, ...span, text: text.slice(span.start, span.end) });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [sourceId, text, onSelectionChange, article]);

  // Keep the pending span visible (CSS Custom Highlight API) after focus leaves the text.
  useEffect(() => {
    const root = article.current;
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    CSS.highlights.delete(pendingHighlight);
    if (!root || !selection || selection.sourceId !== sourceId) return;
    const range = rangeFromSpan(root, selection);
    if (range) CSS.highlights.set(pendingHighlight, new Highlight(range));
    return () => {
      CSS.highlights.delete(pendingHighlight);
    };
  }, [selection, sourceId, passages, article]);

  useSearchHighlights(article, readerFocus, passages);

  // Scroll to the coding (or the filtered code's first coding) the workspace asked for, once per request.
  useEffect(() => {
    const root = article.current;
    if (!root || !codings.data || !source.data || scrolledFor.current === readerFocus.request) return;
    const target = readerFocus.codingId
      ? root.querySelector<HTMLElement>(`mark[data-coding-ids~="${CSS.escape(readerFocus.codingId)}"]`)
      : filterCode
        ? root.querySelector<HTMLElement>(`mark[data-code-ids~="${CSS.escape(filterCode)}"]`)
        : null;
    scrolledFor.current = readerFocus.request;
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    target.classList.add('coded--flash');
    target.addEventListener('animationend', () => target.classList.remove('coded--flash'), { once: true });
  }, [readerFocus, filterCode, codings.data, source.data, passages, article]);

  const clearSelection = () => {
    window.getSelection()?.removeAllRanges();
    onSelectionChange(null);
  };

  const openMenuFor = (mark: HTMLElement) => {
    const ids = (mark.dataset.codingIds ?? '').split(' ').filter(Boolean);
    const position = positionIn(mark.getBoundingClientRect());
    if (ids.length && position) setMenu({ codingIds: ids, position });
  };

  const afterCoding = () => {
    clearSelection();
    article.current?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const sel = window.getSelection();
    const root = article.current;
    const box = scroller.current;
    if (!sel || !root || !box) return;
    const extend = extendKeys[event.key];
    if (extend && event.shiftKey && !event.altKey) {
      event.preventDefault();
      if (!sel.rangeCount || !root.contains(sel.anchorNode)) {
        const focusedMark = (event.target as HTMLElement).closest('mark');
        if (focusedMark) sel.collapse(focusedMark, 0);
        else if (!caretAtFirstVisiblePassage(root, box)) return;
      }
      sel.modify('extend', extend[0], event.ctrlKey || event.metaKey ? (extend[1] === 'character' ? 'word' : 'paragraph') : extend[1]);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      clearSelection();
      setMenu(null);
    } else if ((event.key === 'Enter' || event.key === ' ') && target.matches('mark.coded')) {
      event.preventDefault();
      openMenuFor(target);
    }
  };

  /** Moves focus to the next (or previous) coded passage after the one focused, or to the first (last). */
  const stepCoding = (direction: 1 | -1) => {
    const root = article.current;
    if (!root) return;
    const marks = [...root.querySelectorAll<HTMLElement>('mark.coded')];
    const index = marks.indexOf(document.activeElement as HTMLElement);
    const next = direction === 1 ? marks[index + 1] : index < 0 ? marks.at(-1) : marks[index - 1];
    next?.focus();
  };
  const inReader = () => Boolean(article.current?.contains(document.activeElement));
  const hasCodings = () => (codings.data?.length ?? 0) > 0;
  useCommands([
    {
      id: 'reader.codeSelection',
      title: 'Code the selected text',
      category: 'Coding',
      keys: ['C'],
      when: () => Boolean(selection),
      keyScope: inReader,
      run: () => {
        if (codingTools === 'popover') pickerInput.current?.focus();
        else onCodeKey?.();
      },
    },
    { id: 'reader.nextCoding', title: 'Go to the next coded passage', category: 'Coding', keys: [']'], when: hasCodings, keyScope: inReader, run: () => stepCoding(1) },
    { id: 'reader.previousCoding', title: 'Go to the previous coded passage', category: 'Coding', keys: ['['], when: hasCodings, keyScope: inReader, run: () => stepCoding(-1) },
  ]);

  const info = source.data ? sources.data?.find((s) => s.id === source.data!.id) : undefined;
  const menuCodings = menu ? (codings.data ?? []).filter((c) => menu.codingIds.includes(c.id)) : [];
  const showPopover = codingTools === 'popover' && selection && selection.sourceId === sourceId && anchor && !pointerDown;

  return (
    <section className="reader" aria-label="Reader">
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
                  {codePath(codes, code.id)}
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
            onKeyDown={onKeyDown}
            onPointerDown={() => setPointerDown(true)}
            onPointerUp={() => setPointerDown(false)}
            onClick={(event) => {
              if (!window.getSelection()?.isCollapsed) return;
              const mark = (event.target as HTMLElement).closest<HTMLElement>('mark.coded');
              if (mark) openMenuFor(mark);
              else setMenu(null);
            }}
          >
            {passages.map(({ passage, segments, marks: inline }) => (
              <PassageText key={passage.id} passage={passage} segments={segments} marks={inline} codeById={codeById} codes={codes} />
            ))}
            {passages.length === 0 && <p className="empty-state">This source has no text.</p>}
          </article>
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
              onApply={(codeId) => applyCode(selection, codeId).then(afterCoding)}
              onCreate={(name) => createCodeAndApply(selection, name).then(afterCoding)}
              onCancel={afterCoding}
            />
          </div>
        )}
        {menu && info && (
          <CodingMenu codings={menuCodings} codes={codes} text={text} position={menu.position} onClose={() => setMenu(null)} />
        )}
      </div>
      <p id="reader-keys" className="reader__keys">
        Select text, then press <kbd>C</kbd> to code it · <kbd>Shift</kbd>+arrows select · <kbd>]</kbd> <kbd>[</kbd> next and previous coding ·{' '}
        <kbd>Enter</kbd> opens a coding
      </p>
    </section>
  );
}
