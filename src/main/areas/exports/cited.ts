// Which references an export holds: the library, chosen references, or the works chosen sources
// cite — an audited manuscript's reference list, each entry taken as the library's reference for
// the same work (by DOI, else authors + year + title) or, where the library has none, as the
// audit read it.
import { AppError } from '../../../shared/api/errors';
import { cslFromParsed, identityOf, sameWork, type CslItem } from '../../../shared/domain/library';
import type { Db } from '../../services/store/database';
import { loadAudit } from '../audit/repository';
import { listReferences } from '../library/repository';

export interface ChosenReference {
  id: string;
  csl: CslItem;
}

/** The works one audited source cites, in the order of its reference list. */
export function citedBySource(db: Db, sourceId: string, library = listReferences(db)): ChosenReference[] {
  const audit = loadAudit(db, sourceId);
  if (!audit) return [];
  const identities = library.map((reference) => ({ reference, identity: identityOf(reference.csl) }));
  return audit.references.map((entry) => {
    const csl = cslFromParsed({ ...entry, editors: [] });
    const identity = identityOf(csl);
    const known = identities.find((candidate) => sameWork(candidate.identity, identity));
    return known ? { id: known.reference.id, csl: known.reference.csl } : { id: `entry-${entry.id}`, csl };
  });
}

/** Each work once, in first-seen order. */
export function uniqueReferences(references: readonly ChosenReference[]): ChosenReference[] {
  const seen = new Set<string>();
  return references.filter((reference) => !seen.has(reference.id) && seen.add(reference.id));
}

export function chooseReferences(db: Db, choice: { referenceIds?: string[]; citedBy?: string[] }): ChosenReference[] {
  const library = listReferences(db);
  let chosen: ChosenReference[];
  if (choice.citedBy) {
    chosen = uniqueReferences(choice.citedBy.flatMap((sourceId) => citedBySource(db, sourceId, library)));
    if (chosen.length === 0) throw new AppError('NOT_FOUND', 'None of the chosen sources cites a reference Quarry knows of: audit a manuscript first, so its reference list is read.');
  } else if (choice.referenceIds) {
    const wanted = new Set(choice.referenceIds);
    chosen = library.filter((reference) => wanted.has(reference.id));
    if (chosen.length === 0) throw new AppError('NOT_FOUND', 'None of the chosen references is in the library any more.');
  } else {
    chosen = library;
    if (chosen.length === 0) throw new AppError('NOT_FOUND', 'The reference library is empty: import a BibTeX, RIS or CSL-JSON file, or take in an audited manuscript’s references, first.');
  }
  return chosen.map(({ id, csl }) => ({ id, csl }));
}
