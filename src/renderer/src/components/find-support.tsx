import { useState } from 'react';
import './find-support.css';
import { useQuery } from '../api/use-api';
import { HitSnippet } from './hit-snippet';
import { useOpenHit } from '../state/open-hit';
import { InlineError } from './inline-error';

/**
 * "Find support": the passages of the works a claim cites (those linked to a full text in
 * the project), ranked by how much they share with the claim. A click opens the passage.
 */
export function FindSupport({ claimId, onOpened }: { claimId: string; onOpened?(): void }) {
  const support = useQuery('search.findSupport', { claimId });
  const openHit = useOpenHit();
  const data = support.data;
  return (
    <section className="find-support" aria-label="Find support">
      {support.loading && !data && <p className="muted">Looking for support…</p>}
      <InlineError message={support.error} />
      {data && (
        <>
          <blockquote className="find-support__claim">{data.claim.text}</blockquote>
          {data.searchedSources.length > 0 && <p className="muted small">Searched: {data.searchedSources.map((s) => s.title).join('; ')}</p>}
          {data.reason && (
            <p className="notice" role="status">
              {data.reason}
            </p>
          )}
          <ol className="find-support__hits" aria-label="Supporting passages">
            {data.groups.flatMap((group) =>
              group.hits.map((hit) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    className="search-hit"
                    onClick={() => {
                      openHit(group, hit);
                      onOpened?.();
                    }}
                  >
                    <span className="search-hit__title">{group.sourceTitle}</span>
                    <HitSnippet hit={hit} />
                  </button>
                </li>
              )),
            )}
          </ol>
        </>
      )}
    </section>
  );
}

/** A "Find support" button for a claim, opening the ranked passages beside it; for the Audit view's claim list. */
export function FindSupportButton({ claimId }: { claimId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="find-support-button">
      <button type="button" className="button button--small" aria-expanded={open} onClick={() => setOpen(!open)}>
        Find support
      </button>
      {open && (
        <div className="popover find-support__popover" role="dialog" aria-label="Support for this claim">
          <FindSupport claimId={claimId} onOpened={() => setOpen(false)} />
        </div>
      )}
    </span>
  );
}
