import { citationKey, claimKey, type AuditReport, type CitationStatus, type ClaimFlag, type FindingKind, type ParsedReference } from '../../../shared/domain/audit';
import type {
  AuditView,
  AuditViewCitation,
  AuditViewClaim,
  AuditViewFinding,
  AuditViewReference,
  ClaimCitationLink,
  EvidenceSpan,
  StoredVerdict,
  VerdictValue,
} from '../../../shared/domain/audit-view';
import type { Db } from '../../services/store/database';

/** Hands out the ids an earlier run used for the same key, so links made to them (conclusion evidence, full texts) hold. */
class IdReuse {
  private readonly free = new Map<string, string[]>();
  constructor(
    rows: Array<{ key: string; id: string }>,
    private readonly newId: () => string,
  ) {
    for (const row of rows) this.free.set(row.key, [...(this.free.get(row.key) ?? []), row.id]);
  }
  take(key: string): string {
    return this.free.get(key)?.shift() ?? this.newId();
  }
}

/**
 * Replaces the stored audit of a source with `report` in one transaction. Verdicts are
 * keyed by claim and citation keys, not by these rows, so they are left as they are.
 */
export function saveAudit(db: Db, sourceId: string, report: AuditReport, options: { newId: () => string; now: string }): void {
  db.transaction(() => {
    const previousReferences = db
      .prepare('SELECT raw AS key, id, full_text_source_id AS fullText FROM reference_entries WHERE source_id = ? ORDER BY ordinal')
      .all(sourceId) as Array<{ key: string; id: string; fullText: string | null }>;
    const fullTextByRaw = new Map(previousReferences.filter((r) => r.fullText !== null).map((r) => [r.key, r.fullText]));
    const referenceIds = new IdReuse(previousReferences, options.newId);
    const citationIds = new IdReuse(
      db.prepare('SELECT citation_key AS key, id FROM citations WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{ key: string; id: string }>,
      options.newId,
    );
    const claimIds = new IdReuse(
      db.prepare('SELECT claim_key AS key, id FROM claims WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{ key: string; id: string }>,
      options.newId,
    );

    // Link rows go with their citations and claims (ON DELETE CASCADE).
    for (const table of ['audit_findings', 'claims', 'citations', 'reference_entries']) {
      db.prepare(`DELETE FROM ${table} WHERE source_id = ?`).run(sourceId);
    }

    const insertReference = db.prepare(
      `INSERT INTO reference_entries (id, source_id, ordinal, authors, year, title, container, volume, issue, pages, doi, url, raw, start, end, full_text_source_id)
       VALUES (@id, @sourceId, @ordinal, @authors, @year, @title, @container, @volume, @issue, @pages, @doi, @url, @raw, @start, @end, @fullText)`,
    );
    const referenceIdOf = new Map<string, string>();
    report.references.forEach((reference, ordinal) => {
      const id = referenceIds.take(reference.raw);
      referenceIdOf.set(reference.id, id);
      insertReference.run({
        ...reference,
        id,
        sourceId,
        ordinal,
        authors: JSON.stringify(reference.authors),
        fullText: fullTextByRaw.get(reference.raw) ?? null,
      });
    });

    const insertCitation = db.prepare(
      `INSERT INTO citations (id, source_id, ordinal, text, authors, year, start, end, status, citation_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCitationReference = db.prepare('INSERT OR IGNORE INTO citation_references (citation_id, reference_id) VALUES (?, ?)');
    const citationIdOf: string[] = [];
    const citationIdAt = new Map<number, string>();
    report.citations.forEach((citation, ordinal) => {
      const key = citationKey(citation);
      const id = citationIds.take(key);
      citationIdOf.push(id);
      citationIdAt.set(citation.start, id);
      insertCitation.run(id, sourceId, ordinal, citation.text, JSON.stringify(citation.authors), citation.year, citation.start, citation.end, citation.status, key);
      for (const referenceId of citation.referenceIds) {
        const stored = referenceIdOf.get(referenceId);
        if (stored) insertCitationReference.run(id, stored);
      }
    });

    const insertClaim = db.prepare('INSERT INTO claims (id, source_id, ordinal, text, start, end, flags, claim_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertClaimCitation = db.prepare('INSERT OR IGNORE INTO claim_citations (claim_id, citation_id) VALUES (?, ?)');
    report.claims.forEach((claim, ordinal) => {
      const key = claimKey(claim);
      const id = claimIds.take(key);
      insertClaim.run(id, sourceId, ordinal, claim.text, claim.start, claim.end, JSON.stringify(claim.flags), key);
      for (const index of claim.citationIndexes) {
        const citationId = citationIdOf[index];
        if (citationId) insertClaimCitation.run(id, citationId);
      }
    });

    const insertFinding = db.prepare(
      `INSERT INTO audit_findings (id, source_id, ordinal, kind, message, citation_id, reference_id, suggested_reference_id, start, end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    report.findings.forEach((finding, ordinal) => {
      // The engine names a finding's citation by its text and place; the place identifies the row.
      const citationId = finding.citation !== undefined && finding.start !== undefined ? (citationIdAt.get(finding.start) ?? null) : null;
      const stored = (id: string | undefined) => (id === undefined ? null : (referenceIdOf.get(id) ?? null));
      insertFinding.run(
        options.newId(),
        sourceId,
        ordinal,
        finding.kind,
        finding.message,
        citationId,
        stored(finding.referenceId),
        stored(finding.suggestedReferenceId),
        finding.start ?? null,
        finding.end ?? null,
      );
    });

    const list = report.referenceList;
    db.prepare(
      `INSERT INTO audit_runs (source_id, audited_at, reference_list_start, reference_list_end, reference_list_heading) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (source_id) DO UPDATE SET audited_at = excluded.audited_at, reference_list_start = excluded.reference_list_start,
         reference_list_end = excluded.reference_list_end, reference_list_heading = excluded.reference_list_heading`,
    ).run(sourceId, options.now, list?.start ?? null, list?.end ?? null, list?.heading ?? null);
  })();
}

interface VerdictRow {
  claim_key: string;
  citation_key: string;
  verdict: VerdictValue;
  note: string;
  evidence_source_id: string | null;
  evidence_start: number | null;
  evidence_end: number | null;
  decided_at: string;
}

const verdictSelect = 'SELECT claim_key, citation_key, verdict, note, evidence_source_id, evidence_start, evidence_end, decided_at FROM verdicts';

function toVerdict(row: VerdictRow): StoredVerdict {
  const evidence: EvidenceSpan | null =
    row.evidence_source_id !== null && row.evidence_start !== null && row.evidence_end !== null
      ? { sourceId: row.evidence_source_id, start: row.evidence_start, end: row.evidence_end }
      : null;
  return { claimKey: row.claim_key, citationKey: row.citation_key, verdict: row.verdict, note: row.note, evidence, decidedAt: row.decided_at };
}

const verdictKey = (claim: string, citation: string) => `${claim}\u0000${citation}`;

interface ReferenceRow {
  id: string;
  ordinal: number;
  authors: string;
  year: string | null;
  title: string | null;
  container: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  url: string | null;
  raw: string;
  start: number | null;
  end: number | null;
  full_text_source_id: string | null;
}

function toReference(row: ReferenceRow, use: { cited: number; suggested: number; uncited: boolean }): AuditViewReference {
  return {
    id: row.id,
    ordinal: row.ordinal,
    authors: JSON.parse(row.authors) as string[],
    year: row.year,
    title: row.title,
    container: row.container,
    volume: row.volume,
    issue: row.issue,
    pages: row.pages,
    doi: row.doi,
    url: row.url,
    raw: row.raw,
    start: row.start ?? 0,
    end: row.end ?? 0,
    citedCount: use.cited,
    suggestedCount: use.suggested,
    uncited: use.uncited,
    fullTextSourceId: row.full_text_source_id,
  };
}

/** The stored audit of a source with its verdicts, or null when it was never audited. */
export function loadAudit(db: Db, sourceId: string): AuditView | null {
  const run = db
    .prepare(
      `SELECT r.audited_at, r.reference_list_start, r.reference_list_end, r.reference_list_heading, s.title, s.text
       FROM audit_runs r JOIN sources s ON s.id = r.source_id WHERE r.source_id = ?`,
    )
    .get(sourceId) as
    | { audited_at: string; reference_list_start: number | null; reference_list_end: number | null; reference_list_heading: string | null; title: string; text: string }
    | undefined;
  if (!run) return null;

  const referencesOf = new Map<string, string[]>();
  for (const row of db
    .prepare(
      `SELECT cr.citation_id, cr.reference_id FROM citation_references cr JOIN citations c ON c.id = cr.citation_id
       JOIN reference_entries r ON r.id = cr.reference_id WHERE c.source_id = ? ORDER BY c.ordinal, r.ordinal`,
    )
    .all(sourceId) as Array<{ citation_id: string; reference_id: string }>) {
    referencesOf.set(row.citation_id, [...(referencesOf.get(row.citation_id) ?? []), row.reference_id]);
  }
  const citations: AuditViewCitation[] = (
    db.prepare('SELECT id, ordinal, citation_key, text, authors, year, start, end, status FROM citations WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{
      id: string;
      ordinal: number;
      citation_key: string;
      text: string;
      authors: string;
      year: string;
      start: number;
      end: number;
      status: CitationStatus;
    }>
  ).map((row) => ({
    id: row.id,
    index: row.ordinal,
    key: row.citation_key,
    text: row.text,
    authors: JSON.parse(row.authors) as string[],
    year: row.year,
    start: row.start,
    end: row.end,
    status: row.status,
    referenceIds: referencesOf.get(row.id) ?? [],
  }));
  const citationById = new Map(citations.map((citation) => [citation.id, citation]));

  const verdicts = (
    db
      .prepare(
`${verdictSelect} WHERE source_id = ? ORDER BY decided_at, rowid`)
      .all(sourceId) as VerdictRow[]
  ).map(toVerdict);
  const verdictByLink = new Map(verdicts.map((verdict) => [verdictKey(verdict.claimKey, verdict.citationKey), verdict]));

  const citationsOfClaim = new Map<string, string[]>();
  for (const row of db
    .prepare(
      `SELECT cc.claim_id, cc.citation_id FROM claim_citations cc JOIN claims cl ON cl.id = cc.claim_id
       JOIN citations c ON c.id = cc.citation_id WHERE cl.source_id = ? ORDER BY c.ordinal`,
    )
    .all(sourceId) as Array<{ claim_id: string; citation_id: string }>) {
    citationsOfClaim.set(row.claim_id, [...(citationsOfClaim.get(row.claim_id) ?? []), row.citation_id]);
  }
  const linked = new Set<string>();
  const claims: AuditViewClaim[] = (
    db.prepare('SELECT id, ordinal, claim_key, text, start, end, flags FROM claims WHERE source_id = ? ORDER BY ordinal').all(sourceId) as Array<{
      id: string;
      ordinal: number;
      claim_key: string;
      text: string;
      start: number;
      end: number;
      flags: string;
    }>
  ).map((row) => ({
    id: row.id,
    index: row.ordinal,
    key: row.claim_key,
    text: row.text,
    start: row.start,
    end: row.end,
    flags: JSON.parse(row.flags) as ClaimFlag[],
    links: (citationsOfClaim.get(row.id) ?? []).flatMap((citationId) => {
      const citation = citationById.get(citationId);
      if (!citation) return [];
      const key = verdictKey(row.claim_key, citation.key);
      linked.add(key);
      return [{ citationId, citationIndex: citation.index, citationKey: citation.key, verdict: verdictByLink.get(key) ?? null }];
    }),
  }));

  const findings: AuditViewFinding[] = (
    db
      .prepare(
        `SELECT f.id, f.kind, f.message, f.citation_id, c.text AS citation, f.reference_id, f.suggested_reference_id, f.start, f.end
         FROM audit_findings f LEFT JOIN citations c ON c.id = f.citation_id WHERE f.source_id = ? ORDER BY f.ordinal`,
      )
      .all(sourceId) as Array<{
      id: string;
      kind: FindingKind;
      message: string;
      citation_id: string | null;
      citation: string | null;
      reference_id: string | null;
      suggested_reference_id: string | null;
      start: number | null;
      end: number | null;
    }>
  ).map((row) => ({
    id: row.id,
    kind: row.kind,
    message: row.message,
    citation: row.citation,
    citationId: row.citation_id,
    referenceId: row.reference_id,
    suggestedReferenceId: row.suggested_reference_id,
    start: row.start,
    end: row.end,
  }));

  // Counted here from rows already read: per-entry subqueries made a 300-entry list take 100 ms.
  const use = new Map<string, { cited: number; suggested: number; uncited: boolean }>();
  const useOf = (id: string) => use.get(id) ?? use.set(id, { cited: 0, suggested: 0, uncited: false }).get(id)!;
  for (const citation of citations) {
    for (const id of citation.referenceIds) useOf(id)[citation.status === 'matched' ? 'cited' : 'suggested'] += 1;
  }
  for (const finding of findings) if (finding.kind === 'uncited-reference' && finding.referenceId) useOf(finding.referenceId).uncited = true;
  const references = (db.prepare('SELECT * FROM reference_entries WHERE source_id = ? ORDER BY ordinal').all(sourceId) as ReferenceRow[]).map((row) =>
    toReference(row, useOf(row.id)),
  );

  const tally = <K extends string>(keys: K[]): Partial<Record<K, number>> => {
    const counts: Partial<Record<K, number>> = {};
    for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  };
  const orphanedVerdicts = verdicts.filter((verdict) => !linked.has(verdictKey(verdict.claimKey, verdict.citationKey)));
  return {
    sourceId,
    title: run.title,
    text: run.text,
    auditedAt: run.audited_at,
    referenceList:
      run.reference_list_start !== null && run.reference_list_end !== null
        ? { start: run.reference_list_start, end: run.reference_list_end, heading: run.reference_list_heading }
        : null,
    references,
    citations,
    claims,
    findings,
    orphanedVerdicts,
    counts: {
      references: references.length,
      citations: citations.length,
      claims: claims.length,
      findings: findings.length,
      verdicts: verdicts.length - orphanedVerdicts.length,
      citationsByStatus: tally(citations.map((citation) => citation.status)),
      findingsByKind: tally(findings.map((finding) => finding.kind)),
    },
  };
}

/** The claim–citation link as the latest audit of the source has it, with its verdict; undefined if the audit has no such link. */
export function findLink(db: Db, sourceId: string, claimKeyValue: string, citationKeyValue: string): ClaimCitationLink | undefined {
  const row = db
    .prepare(
      `SELECT c.id, c.ordinal FROM claim_citations cc JOIN claims cl ON cl.id = cc.claim_id JOIN citations c ON c.id = cc.citation_id
       WHERE cl.source_id = ? AND cl.claim_key = ? AND c.citation_key = ? LIMIT 1`,
    )
    .get(sourceId, claimKeyValue, citationKeyValue) as { id: string; ordinal: number } | undefined;
  if (!row) return undefined;
  const verdict = db
    .prepare(`${verdictSelect} WHERE source_id = ? AND claim_key = ? AND citation_key = ?`)
    .get(sourceId, claimKeyValue, citationKeyValue) as VerdictRow | undefined;
  return { citationId: row.id, citationIndex: row.ordinal, citationKey: citationKeyValue, verdict: verdict ? toVerdict(verdict) : null };
}

export function upsertVerdict(
  db: Db,
  verdict: { id: string; sourceId: string; claimKey: string; citationKey: string; verdict: VerdictValue; note: string; evidence: EvidenceSpan | null; now: string },
): void {
  db.prepare(
    `INSERT INTO verdicts (id, source_id, claim_key, citation_key, verdict, note, evidence_source_id, evidence_start, evidence_end, decided_at)
     VALUES (@id, @sourceId, @claimKey, @citationKey, @verdict, @note, @evidenceSourceId, @evidenceStart, @evidenceEnd, @now)
     ON CONFLICT (source_id, claim_key, citation_key) DO UPDATE SET verdict = excluded.verdict, note = excluded.note,
       evidence_source_id = excluded.evidence_source_id, evidence_start = excluded.evidence_start, evidence_end = excluded.evidence_end,
       decided_at = excluded.decided_at`,
  ).run({
    ...verdict,
    evidenceSourceId: verdict.evidence?.sourceId ?? null,
    evidenceStart: verdict.evidence?.start ?? null,
    evidenceEnd: verdict.evidence?.end ?? null,
  });
}

export function deleteVerdict(db: Db, sourceId: string, claimKeyValue: string, citationKeyValue: string): boolean {
  return db.prepare('DELETE FROM verdicts WHERE source_id = ? AND claim_key = ? AND citation_key = ?').run(sourceId, claimKeyValue, citationKeyValue).changes > 0;
}

/** The sources linked as the full text of the works a citation resolves to. */
export function fullTextsOfCitation(db: Db, citationId: string): string[] {
  return db
    .prepare('SELECT r.full_text_source_id FROM citation_references cr JOIN reference_entries r ON r.id = cr.reference_id WHERE cr.citation_id = ?')
    .pluck()
    .all(citationId) as string[];
}

/** The reference-list entries a citation, or every citation of a claim, resolves to, as the audit read them. */
export function citedEntries(db: Db, by: { citationId: string } | { claimId: string }): Array<Omit<ParsedReference, 'editors'>> {
  const rows = (
    'citationId' in by
      ? db.prepare('SELECT DISTINCT r.* FROM citation_references cr JOIN reference_entries r ON r.id = cr.reference_id WHERE cr.citation_id = ?').all(by.citationId)
      : db
          .prepare(
            `SELECT DISTINCT r.* FROM claim_citations cc JOIN citation_references cr ON cr.citation_id = cc.citation_id
             JOIN reference_entries r ON r.id = cr.reference_id WHERE cc.claim_id = ?`,
          )
          .all(by.claimId)
  ) as ReferenceRow[];
  return rows.map(({ authors, year, title, container, volume, issue, pages, doi, url }) => ({ authors: JSON.parse(authors) as string[], year, title, container, volume, issue, pages, doi, url }));
}
