// The full texts the library holds for works an audited manuscript cites: an entry of its
// reference list is the library's reference when it is the same work (by DOI, else authors +
// year + title), so a Zotero import's PDFs serve Find support and verdicts' evidence without
// linking each entry by hand.
import type { ParsedReference } from '../../../shared/domain/audit';
import { cslFromParsed, identityOf, sameWork } from '../../../shared/domain/library';
import type { Db } from '../../services/store/database';
import { fullTextReferences } from './repository';

export function libraryFullTextsOf(db: Db, entries: ReadonlyArray<Omit<ParsedReference, 'editors'>>): Array<{ id: string; title: string }> {
  const linked = fullTextReferences(db);
  if (linked.length === 0 || entries.length === 0) return [];
  const found = new Map<string, string>();
  for (const entry of entries) {
    const identity = identityOf(cslFromParsed({ ...entry, editors: [] }));
    for (const reference of linked) if (sameWork(reference, identity)) found.set(reference.id, reference.title);
  }
  return [...found].map(([id, title]) => ({ id, title }));
}
