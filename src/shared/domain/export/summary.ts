// The annotated summary students hand in and supervisors read: per source its reference, the
// passages coded in it grouped by code (with memos and condensed summaries), the claims it makes
// with their citations and verdicts; then the conclusions with their evidence, and a
// bibliography of everything cited.
import { plain, type Block, type ExportDocument, type Inline } from './document';

export interface SummaryPassage {
  text: string;
  /** Where it stands: "¶ 4". */
  where: string;
  memos: string[];
  summary: string;
}

export interface SummarySource {
  title: string;
  kind: string;
  /** Its reference formatted in the chosen style, or null when no library reference is linked to it. */
  reference: Inline[] | null;
  /** How it is cited in the text: (Lim & Tan, 2020). */
  citation: string | null;
  /** Authors and year the source itself records, for a source without a reference. */
  byline: string | null;
  memos: Array<{ title: string; body: string }>;
  codes: Array<{ path: string; colour: string; passages: SummaryPassage[] }>;
  claims: Array<{ text: string; citations: Array<{ text: string; verdict: string | null; note: string }> }>;
}

export interface SummaryEvidence {
  stance: 'supports' | 'contradicts';
  kind: string;
  excerpt: string;
  source: string | null;
  note: string;
  tactic: string;
}

export interface SummaryInput {
  project: string;
  date: string;
  style: string;
  /** What the reader chose to include, said on the title page. */
  scope: string[];
  sources: SummarySource[];
  conclusions: Array<{ statement: string; status: string; evidence: SummaryEvidence[] }>;
  bibliography: Inline[][];
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function sourceBlocks(source: SummarySource): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: source.title }];
  if (source.reference) {
    blocks.push({ kind: 'paragraph', runs: source.reference });
    if (source.citation) blocks.push({ kind: 'paragraph', tone: 'muted', runs: plain(`Cited as ${source.citation}`) });
  } else blocks.push({ kind: 'paragraph', tone: 'muted', runs: plain(`${source.kind}${source.byline ? ` · ${source.byline}` : ''} · not linked to a reference in the library`) });
  for (const memo of source.memos) blocks.push({ kind: 'paragraph', runs: [{ text: `${memo.title}: `, bold: true }, { text: memo.body }] });

  if (source.codes.length > 0) {
    const passages = source.codes.reduce((n, code) => n + code.passages.length, 0);
    blocks.push({ kind: 'heading', level: 2, text: `Coded passages (${count(passages, 'passage')}, ${count(source.codes.length, 'code')})` });
    for (const code of source.codes) {
      blocks.push({ kind: 'heading', level: 3, text: code.path, colour: code.colour });
      for (const passage of code.passages) {
        const notes = [...passage.memos.map((memo) => ({ label: 'Memo', text: memo })), ...(passage.summary ? [{ label: 'Summary', text: passage.summary }] : [])];
        blocks.push({ kind: 'passage', colour: code.colour, text: passage.text, where: passage.where, notes });
      }
    }
  }
  if (source.claims.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: `Claims and their citations (${source.claims.length})` });
    blocks.push({
      kind: 'list',
      items: source.claims.map((claim) => ({
        runs: plain(claim.text),
        details: claim.citations.map((citation) => [
          { text: `${citation.text}: ` },
          { text: citation.verdict ?? 'no verdict yet', bold: citation.verdict !== null, italic: citation.verdict === null },
          ...(citation.note ? [{ text: ` — ${citation.note}` }] : []),
        ]),
      })),
    });
  }
  if (source.codes.length === 0 && source.claims.length === 0) blocks.push({ kind: 'paragraph', tone: 'muted', runs: plain('Nothing in this source is coded with the chosen codes yet.') });
  return blocks;
}

export function buildSummary(input: SummaryInput): ExportDocument {
  const title = `${input.project}: annotated summary`;
  const blocks: Block[] = [
    {
      kind: 'title',
      title: input.project,
      subtitle: 'Annotated summary',
      lines: [input.date, `References in ${input.style}`, ...input.scope],
    },
  ];
  for (const source of input.sources) blocks.push(...sourceBlocks(source));
  if (input.conclusions.length > 0) {
    blocks.push({ kind: 'heading', level: 1, text: 'Conclusions' });
    for (const conclusion of input.conclusions) {
      blocks.push({ kind: 'heading', level: 2, text: conclusion.statement });
      blocks.push({ kind: 'paragraph', tone: 'muted', runs: plain(`${conclusion.status} · ${count(conclusion.evidence.length, 'piece')} of evidence`) });
      if (conclusion.evidence.length > 0) {
        blocks.push({
          kind: 'list',
          items: conclusion.evidence.map((evidence) => ({
            runs: [
              { text: evidence.stance === 'supports' ? 'Supports' : 'Contradicts', bold: true },
              { text: ` (${evidence.kind}${evidence.source ? `, ${evidence.source}` : ''}${evidence.tactic ? `; ${evidence.tactic}` : ''}): ` },
              { text: `“${evidence.excerpt}”` },
            ],
            details: evidence.note ? [[{ text: evidence.note, italic: true }]] : [],
          })),
        });
      }
    }
  }
  blocks.push({ kind: 'heading', level: 1, text: 'Bibliography' });
  blocks.push(input.bibliography.length > 0 ? { kind: 'references', entries: input.bibliography } : { kind: 'paragraph', tone: 'muted', runs: plain('No source in this summary is linked to a reference, and none of them cites one.') });
  return { title, blocks };
}
