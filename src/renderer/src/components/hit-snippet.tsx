import type { SearchHitView } from '../../../shared/domain/search';
import './hit-snippet.css';
import { snippetParts } from '../lib/snippet-parts';

export const kindLabels: Record<SearchHitView['kind'], string> = {
  passage: 'Passage',
  memo: 'Memo',
  code: 'Code',
  claim: 'Claim',
  reference: 'Reference',
};

/** A hit's snippet with the matched words in <mark>. */
export function HitSnippet({ hit }: { hit: SearchHitView }) {
  return (
    <span className="search-hit__snippet">
      {snippetParts(hit.snippet, hit.snippetHighlights).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
