// Gathers what the annotated summary shows from the project, already narrowed to the chosen
// sources and codes and with references formatted in the chosen style.
import { AppError } from '../../../shared/api/errors';
import { verdictLabels } from '../../../shared/domain/audit-view';
import { citationStyle, type CitationStyle } from '../../../shared/domain/citation-styles';
import { allNodes, buildCodeTree, codePath } from '../../../shared/domain/code-tree';
import { runsFromCiteprocHtml } from '../../../shared/domain/export/document';
import type { SummaryEvidence, SummaryInput, SummarySource } from '../../../shared/domain/export/summary';
import { conclusionStatusLabels, sourceKindLabels, type Code, type ConclusionStatus, type SourceKind } from '../../../shared/domain/model';
import { formatReferences } from '../../services/references/format';
import type { Db } from '../../services/store/database';
import { loadAudit } from '../audit/repository';
import { listCodes } from '../codes/repository';
import { listReferences } from '../library/repository';
import { citedBySource, uniqueReferences, type ChosenReference } from './cited';
import { codedSegments, memosOn, conclusionsWithEvidence, evidenceTargets, passageStarts, sourcesWithText, type EvidenceRecord } from './repository';

/** The chosen codes with every code nested under them; all codes when none are chosen. */
export function codesWithin(codes: readonly Code[], chosen: readonly string[] | undefined): Set<string> {
  if (!chosen) return new Set(codes.map((code) => code.id));
  const result = new Set(chosen.filter((id) => codes.some((code) => code.id === id)));
  if (result.size === 0) throw new AppError('NOT_FOUND', 'None of the chosen codes is in the codebook any more.');
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of codes) {
      if (code.parentId && result.has(code.parentId) && !result.has(code.id)) {
        result.add(code.id);
        grew = true;
      }
    }
  }
  return result;
}

/** "¶ 4": the paragraph a passage starts in, counting the source's paragraphs from 1. */
function paragraphOf(starts: readonly number[] | undefined, offset: number): string {
  if (!starts || starts.length === 0) return `at character ${offset}`;
  let index = 0;
  while (index + 1 < starts.length && starts[index + 1]! <= offset) index++;
  return `¶ ${index + 1}`;
}

const EVIDENCE_KINDS: Record<EvidenceRecord['kind'], string> = { coding: 'coded passage', summary: 'summary', claim: 'claim', memo: 'memo', display: 'display' };

export function summaryInput(db: Db, options: { project: string; date: string; style: CitationStyle; sourceIds?: string[]; codeIds?: string[] }): SummaryInput {
  const codes = listCodes(db);
  const codeIds = codesWithin(codes, options.codeIds);
  const allSources = sourcesWithText(db);
  const sources = options.sourceIds ? allSources.filter((source) => options.sourceIds!.includes(source.id)) : allSources;
  if (sources.length === 0) throw new AppError('NOT_FOUND', options.sourceIds ? 'None of the chosen sources is in the project any more.' : 'The project has no sources to summarise yet.');
  const chosen = new Set(sources.map((source) => source.id));
  const library = listReferences(db);
  const referenceOf = new Map(library.filter((r) => r.fullTextSourceId).map((r) => [r.fullTextSourceId!, r]));

  // Everything the summary cites: the sources' own references, then the works the audited ones cite.
  const cited: ChosenReference[] = uniqueReferences([
    ...sources.flatMap((source) => {
      const own = referenceOf.get(source.id);
      return own ? [{ id: own.id, csl: own.csl }] : [];
    }),
    ...sources.flatMap((source) => citedBySource(db, source.id, library)),
  ]);
  const formatted = new Map(formatReferences(cited, options.style).map((entry) => [entry.id, entry]));

  const segments = codedSegments(db).filter((segment) => chosen.has(segment.sourceId) && codeIds.has(segment.codeId));
  const memos = memosOn(db, 'coding');
  const memosOfSources = memosOn(db, 'source');
  const paragraphs = passageStarts(db);
  const codeById = new Map(codes.map((code) => [code.id, code]));
  // Codes in the codebook's tree order: a parent, then its children.
  const codeOrder = allNodes(buildCodeTree(codes)).map((node) => node.code.id);

  const summarySources: SummarySource[] = sources.map((source) => {
    const own = referenceOf.get(source.id);
    const entry = own ? formatted.get(own.id) : undefined;
    const mine = segments.filter((segment) => segment.sourceId === source.id);
    const byCode = [...new Set(mine.map((segment) => segment.codeId))].sort((a, b) => codeOrder.indexOf(a) - codeOrder.indexOf(b));
    const audit = loadAudit(db, source.id);
    const citationText = new Map(audit?.citations.map((citation) => [citation.id, citation.text]) ?? []);
    return {
      title: source.title,
      kind: sourceKindLabels[source.kind as SourceKind] ?? source.kind,
      reference: entry ? runsFromCiteprocHtml(entry.html) : null,
      citation: entry && !citationStyle(options.style).numeric ? entry.citation : null,
      byline: source.authors.length > 0 || source.year ? `${source.authors.join('; ')}${source.year ? ` (${source.year})` : ''}` : null,
      memos: memosOfSources.get(source.id) ?? [],
      codes: byCode.map((codeId) => ({
        path: codePath(codes, codeId),
        colour: codeById.get(codeId)!.color,
        passages: mine
          .filter((segment) => segment.codeId === codeId)
          .map((segment) => ({
            text: source.text.slice(segment.start, segment.end),
            where: `${paragraphOf(paragraphs.get(source.id), segment.start)} · characters ${segment.start}–${segment.end} · coded by ${segment.coder}`,
            memos: (memos.get(segment.id) ?? []).map((memo) => (memo.title ? `${memo.title}: ${memo.body}` : memo.body)),
            summary: segment.summary,
          })),
      })),
      claims: (audit?.claims ?? [])
        .filter((claim) => claim.links.length > 0)
        .map((claim) => ({
          text: claim.text.replace(/\s+/g, ' ').trim(),
          citations: claim.links.map((link) => ({
            text: citationText.get(link.citationId) ?? '',
            verdict: link.verdict ? verdictLabels[link.verdict.verdict] : null,
            note: link.verdict?.note ?? '',
          })),
        })),
    };
  });

  // Conclusions, with the evidence each rests on; narrowed to those with evidence in the chosen sources.
  const targets = evidenceTargets(db);
  const segmentById = new Map(codedSegments(db).map((segment) => [segment.id, segment]));
  const titleOf = new Map(allSources.map((source) => [source.id, source.title]));
  const textOf = new Map(allSources.map((source) => [source.id, source.text]));
  const conclusions = conclusionsWithEvidence(db)
    .map((conclusion) => {
      const evidence = conclusion.evidence.flatMap((item): Array<SummaryEvidence & { sourceId: string | null }> => {
        const base = { stance: item.stance, kind: EVIDENCE_KINDS[item.kind], note: item.note, tactic: item.tactic };
        if (item.kind === 'coding' || item.kind === 'summary') {
          const segment = segmentById.get(item.evidenceId);
          if (!segment) return [];
          const excerpt = item.kind === 'summary' && segment.summary ? segment.summary : textOf.get(segment.sourceId)!.slice(segment.start, segment.end);
          return [{ ...base, excerpt, source: titleOf.get(segment.sourceId) ?? null, sourceId: segment.sourceId }];
        }
        if (item.kind === 'claim') {
          const claim = targets.claims.get(item.evidenceId);
          return claim ? [{ ...base, excerpt: claim.text.replace(/\s+/g, ' ').trim(), source: titleOf.get(claim.sourceId) ?? null, sourceId: claim.sourceId }] : [];
        }
        if (item.kind === 'memo') {
          const memo = targets.memos.get(item.evidenceId);
          return memo ? [{ ...base, excerpt: memo.title ? `${memo.title}: ${memo.body}` : memo.body, source: null, sourceId: null }] : [];
        }
        const display = targets.displays.get(item.evidenceId);
        return display ? [{ ...base, excerpt: display.name, source: null, sourceId: null }] : [];
      });
      return { conclusion, evidence };
    })
    .filter(({ evidence }) => !options.sourceIds || evidence.some((item) => item.sourceId !== null && chosen.has(item.sourceId)))
    .map(({ conclusion, evidence }) => ({
      statement: conclusion.statement,
      status: conclusionStatusLabels[conclusion.status as ConclusionStatus] ?? conclusion.status,
      evidence: evidence.map(({ sourceId: _sourceId, ...rest }) => rest),
    }));

  const bibliography = [...formatted.values()].map((entry) => runsFromCiteprocHtml(entry.html));
  const scope = [
    options.sourceIds ? `${sources.length} of ${allSources.length} sources` : `All ${allSources.length} sources`,
    options.codeIds ? `Codes: ${options.codeIds.map((id) => (codeById.has(id) ? codePath(codes, id) : null)).filter(Boolean).join(', ')} (with their sub-codes)` : `All ${codes.length} codes`,
  ];
  return { project: options.project, date: options.date, style: citationStyle(options.style).label, scope, sources: summarySources, conclusions, bibliography };
}
