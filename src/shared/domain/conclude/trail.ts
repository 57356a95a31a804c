// The evidence trail of a conclusion: conclusion → evidence → codes → segments → sources →
// references, so a reader can check each step back to the data and the literature.
import { conclusionStatusLabels, evidenceKindLabels, type ConclusionStatus, type EvidenceKind, type Stance } from '../model';
import { tacticLabels, verificationTactics, type VerificationTactic } from './tactics';

export interface TrailReference {
  id: string;
  /** As written in the reference list. */
  text: string;
  doi: string | null;
  url: string | null;
}

export interface TrailSource {
  id: string;
  title: string;
  authors: string[];
  year: string | null;
  /** The works this source is the full text of. */
  references: TrailReference[];
}

export interface TrailSegment {
  sourceId: string;
  start: number;
  end: number;
  text: string;
  /** The passage around it, for context. */
  passage: string;
}

export interface TrailItem {
  kind: EvidenceKind;
  id: string;
  stance: Stance;
  note: string;
  tactic: VerificationTactic | null;
  /** "Memo ‘Shipping’", "Display ‘Code × country’"; for segments, the code path. */
  title: string;
  /** What the evidence itself says: a summary, a claim, a memo's body. Empty for a coding, whose text is its segment. */
  body: string;
  codes: Array<{ id: string; path: string }>;
  segments: TrailSegment[];
  sources: TrailSource[];
  /** The references a claim cites. */
  cited: TrailReference[];
}

export interface Trail {
  id: string;
  statement: string;
  status: ConclusionStatus;
  tactics: Array<{ tactic: VerificationTactic; done: boolean; note: string }>;
  items: TrailItem[];
}

const quote = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^/, '> ');

const escapeInline = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1').replace(/\s+/g, ' ').trim();

/** A reference's DOI (as a link) or URL, unless its text as written already gives it; null when there is none to add. */
export function referenceLink(ref: TrailReference): string | null {
  const link = ref.doi ? `https://doi.org/${ref.doi}` : ref.url;
  if (!link) return null;
  const written = ref.text.toLowerCase();
  return written.includes((ref.doi ?? link).toLowerCase()) ? null : link;
}

function reference(ref: TrailReference): string {
  const link = referenceLink(ref);
  return `${escapeInline(ref.text)}${link ? ` ${link}` : ''}`;
}

function itemMarkdown(item: TrailItem, index: number): string[] {
  const lines = [`### ${index + 1}. ${item.stance === 'supports' ? 'Supports' : 'Contradicts'}: ${evidenceKindLabels[item.kind]} — ${escapeInline(item.title)}`, ''];
  if (item.note) lines.push(`*Why:* ${escapeInline(item.note)}`, '');
  if (item.body) lines.push(quote(item.body), '');
  if (item.codes.length) lines.push(`**Codes:** ${item.codes.map((c) => escapeInline(c.path)).join('; ')}`, '');
  const sources = new Map(item.sources.map((s) => [s.id, s]));
  for (const segment of item.segments) {
    const source = sources.get(segment.sourceId);
    lines.push(`**Segment** (${escapeInline(source?.title ?? 'a removed source')}, characters ${segment.start}–${segment.end}):`, '', quote(segment.text), '');
    if (segment.passage && segment.passage !== segment.text) lines.push(`*In context:* ${escapeInline(segment.passage)}`, '');
  }
  for (const source of item.sources) {
    const by = [source.authors.join(', '), source.year ? `(${source.year})` : ''].filter(Boolean).join(' ');
    lines.push(`**Source:** ${escapeInline(source.title)}${by ? ` — ${escapeInline(by)}` : ''}`, '');
    for (const ref of source.references) lines.push(`- Reference: ${reference(ref)}`);
    if (source.references.length) lines.push('');
  }
  if (item.cited.length) {
    lines.push('**Cites:**', '', ...item.cited.map((ref) => `- ${reference(ref)}`), '');
  }
  return lines;
}

/** The trail as a Markdown document a supervisor can read without Quarry. */
export function trailMarkdown(trail: Trail, projectName: string): string {
  const lines = [`# Evidence trail: ${escapeInline(trail.statement)}`, '', `Project: ${escapeInline(projectName)} · Status: **${conclusionStatusLabels[trail.status]}**`, ''];
  const own = trail.items.filter((i) => i.tactic === null);
  lines.push('## Evidence', '');
  if (own.length === 0) lines.push('No evidence is linked to the conclusion itself yet.', '');
  own.forEach((item, i) => lines.push(...itemMarkdown(item, i)));
  lines.push('## Verification', '');
  for (const tactic of verificationTactics) {
    const state = trail.tactics.find((t) => t.tactic === tactic);
    const items = trail.items.filter((i) => i.tactic === tactic);
    if (!state?.done && !state?.note && items.length === 0) continue;
    lines.push(`### [${state?.done ? 'x' : ' '}] ${tacticLabels[tactic].name}`, '');
    if (state?.note) lines.push(escapeInline(state.note), '');
    items.forEach((item, i) => lines.push(...itemMarkdown(item, i).map((line) => line.replace(/^### /, '#### '))));
  }
  const open = verificationTactics.filter((t) => !trail.tactics.find((s) => s.tactic === t)?.done);
  if (open.length) lines.push(`Not yet applied: ${open.map((t) => tacticLabels[t].name).join(', ')}.`, '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
