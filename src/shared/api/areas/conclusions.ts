import { z } from 'zod';
import { change, quoted, read } from '../method';
import { tacticLabels, verificationTactics } from '../../domain/conclude/tactics';
import type { Trail } from '../../domain/conclude/trail';
import { conclusionStatusLabels, conclusionStatuses, evidenceKinds, type Conclusion, type EvidenceCandidate } from '../../domain/model';

const id = z.string().min(1).max(100);
const statement = z.string().trim().min(1).max(5000);
const note = z.string().trim().max(5000);
const stance = z.enum(['supports', 'contradicts']);
/** An evidence link: the item, and the tactic it was gathered under (none: evidence for the conclusion itself). */
const evidenceRef = { kind: z.enum(evidenceKinds), id, tactic: z.enum(verificationTactics).nullable().default(null) };

/** What reads evidence also reads every kind of item evidence can be. */
const evidenceReads = ['conclusions', 'codings', 'codes', 'sources', 'memos', 'displays', 'audit'] as const;

export const conclusionsContract = {
  'conclusions.list': read<Conclusion[]>(evidenceReads)(z.object({}).strict()),
  'conclusions.create': change<Conclusion>()(z.object({ statement, status: z.enum(conclusionStatuses).optional() }).strict(), {
    touches: ['conclusions'],
    label: (input) => `State conclusion ${quoted(input.statement)}`,
  }),
  'conclusions.update': change<Conclusion>()(z.object({ id, statement: statement.optional(), status: z.enum(conclusionStatuses).optional() }).strict(), {
    touches: ['conclusions'],
    label: (input, c) =>
      input.statement === undefined && input.status ? `Mark conclusion ${quoted(c.statement)} ${conclusionStatusLabels[c.status].toLowerCase()}` : `Edit conclusion ${quoted(c.statement)}`,
  }),
  'conclusions.remove': change<{ removed: true; statement: string }>()(z.object({ id }).strict(), {
    touches: ['conclusions'],
    label: (_input, out) => `Delete conclusion ${quoted(out.statement)}`,
  }),
  /** Puts a conclusion at `position` (from 0) in the researcher's order. */
  'conclusions.move': change<Conclusion>()(z.object({ id, position: z.number().int().min(0).max(100_000) }).strict(), {
    touches: ['conclusions'],
    label: (_input, c) => `Move conclusion ${quoted(c.statement)}`,
  }),
  /** Links evidence (or changes its stance and note when already linked); the sources it comes from reach the concluded stage. */
  'conclusions.linkEvidence': change<Conclusion>()(z.object({ id, evidence: z.object({ ...evidenceRef, stance, note: note.default('') }).strict() }).strict(), {
    touches: ['conclusions', 'sources'],
    label: (input, c) =>
      `Link ${input.evidence.stance === 'supports' ? 'supporting' : 'contradicting'} ${input.evidence.kind} to ${quoted(c.statement)}${input.evidence.tactic ? ` under ${tacticLabels[input.evidence.tactic].name.toLowerCase()}` : ''}`,
  }),
  'conclusions.updateEvidence': change<Conclusion>()(
    z.object({ id, evidence: z.object(evidenceRef).strict(), stance: stance.optional(), note: note.optional() }).strict(),
    { touches: ['conclusions'], label: (_input, c) => `Edit evidence of ${quoted(c.statement)}` },
  ),
  'conclusions.unlinkEvidence': change<Conclusion>()(z.object({ id, evidence: z.object(evidenceRef).strict() }).strict(), {
    touches: ['conclusions'],
    label: (input, c) => `Unlink ${input.evidence.kind} from ${quoted(c.statement)}`,
  }),
  /** Marks a verification tactic done or not and writes its note. */
  'conclusions.setTactic': change<Conclusion>()(
    z.object({ id, tactic: z.enum(verificationTactics), done: z.boolean().optional(), note: note.optional() }).strict(),
    {
      touches: ['conclusions'],
      label: (input, c) =>
        `${input.done === undefined ? 'Note' : input.done ? 'Check' : 'Uncheck'} ${tacticLabels[input.tactic].name.toLowerCase()} for ${quoted(c.statement)}`,
    },
  ),
  /** The conclusions for which these items are evidence: what removing them would take away. */
  'conclusions.affectedBy': read<Array<{ id: string; statement: string; links: number }>>(['conclusions', 'codings'])(
    z
      .object({
        codingIds: z.array(id).max(100_000).default([]),
        codeIds: z.array(id).max(10_000).default([]),
        sourceIds: z.array(id).max(10_000).default([]),
        memoIds: z.array(id).max(10_000).default([]),
      })
      .strict(),
  ),
  /** Items that can be linked as evidence of one kind, matching a few words (all when empty), at most `limit`. */
  'conclusions.evidenceCandidates': read<EvidenceCandidate[]>(['codings', 'codes', 'sources', 'memos', 'displays', 'audit'])(
    z.object({ kind: z.enum(evidenceKinds), query: z.string().max(500).default(''), limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ),
  /** Conclusion → evidence → codes → segments → sources → references. */
  'conclusions.trail': read<Trail>([...evidenceReads, 'source-text'])(z.object({ id }).strict()),
  /** The trail as Markdown. */
  'conclusions.trailMarkdown': read<{ fileName: string; markdown: string }>([...evidenceReads, 'source-text', 'project'])(z.object({ id }).strict()),
};
