import { useEffect, useMemo, useRef } from 'react';
import type { AuditViewCitation } from '../../../../shared/domain/audit-view';
import type { Passage } from '../../../../shared/domain/model';
import { segmentRange, type Span } from '../../lib/segments';
import { citationName, statusLabels } from './labels';

/** A place to show: `request` changes on every jump, so jumping twice to one place scrolls again. */
export interface AuditFocus extends Span {
  request: number;
}

interface Props {
  text: string;
  passages: Passage[];
  citations: AuditViewCitation[];
  focus: AuditFocus | null;
}

// segmentRange cuts text at the edges of coded spans; citations and the focused place are
// such spans here, told apart by `codeId`.
type Marked = Span & { id: string; codeId: 'citation' | 'focus' };

function PassageView({ passage, text, spans, citationById }: { passage: Passage; text: string; spans: Marked[]; citationById: Map<string, AuditViewCitation> }) {
  const children = segmentRange(passage, spans).map((segment) => {
    const piece = text.slice(segment.start, segment.end);
    const focused = segment.spans.some((span) => span.codeId === 'focus');
    const citation = segment.spans.find((span) => span.codeId === 'citation');
    const found = citation && citationById.get(citation.id);
    if (!found) {
      return focused ? (
        <mark key={segment.start} className="audit-focus" data-focus="true" tabIndex={-1}>
          {piece}
        </mark>
      ) : (
        piece
      );
    }
    const status = statusLabels[found.status];
    // The badge is CSS content after the citation's last piece, so the text stays the source's text.
    return (
      <mark
        key={segment.start}
        className={`cite cite--${found.status}${focused ? ' audit-focus' : ''}`}
        data-status={found.status}
        data-citation-id={found.id}
        data-badge={segment.end === found.end ? `${status.icon} ${status.text}` : undefined}
        data-focus={focused ? 'true' : undefined}
        title={`${citationName(found)}: ${status.text}`}
        tabIndex={-1}
      >
        {piece}
      </mark>
    );
  });
  if (passage.kind === 'heading') {
    const Heading = `h${Math.min(6, passage.level + 2)}` as 'h3';
    return <Heading className="passage passage--heading">{children}</Heading>;
  }
  return <p className="passage">{children}</p>;
}

/** The manuscript with each citation marked by its status, scrolled to the place a finding or claim points at. */
export function AuditText({ text, passages, citations, focus }: Props) {
  const article = useRef<HTMLElement>(null);
  const citationById = useMemo(() => new Map(citations.map((citation) => [citation.id, citation])), [citations]);
  const spans = useMemo<Marked[]>(
    () => [
      ...citations.map((citation) => ({ id: citation.id, codeId: 'citation' as const, start: citation.start, end: citation.end })),
      ...(focus && focus.end > focus.start ? [{ id: 'focus', codeId: 'focus' as const, start: focus.start, end: focus.end }] : []),
    ],
    [citations, focus],
  );
  // Passages cover the text; a text imported without passage data is shown as one.
  const shownPassages = useMemo<Passage[]>(
    () => (passages.length > 0 ? passages : [{ id: 'all', ordinal: 0, kind: 'paragraph', level: 0, start: 0, end: text.length, marker: null, speaker: null, timestamp: null }]),
    [passages, text.length],
  );

  useEffect(() => {
    if (!focus) return;
    const target = article.current?.querySelector<HTMLElement>('[data-focus="true"]');
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [focus]);

  return (
    <article ref={article} className="audit-text" tabIndex={0} aria-label="Manuscript with citations marked">
      {shownPassages.map((passage) => (
        <PassageView
          key={passage.id}
          passage={passage}
          text={text}
          spans={spans.filter((span) => span.start < passage.end && span.end > passage.start)}
          citationById={citationById}
        />
      ))}
    </article>
  );
}
