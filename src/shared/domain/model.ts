import type { VerificationTactic } from './conclude/tactics';

// The domain as the UI, the CLI and exports see it. Offsets are UTF-16 code units into a
// source's text, end exclusive.

export const stages = ['collected', 'reduced', 'displayed', 'concluded'] as const;
export type Stage = (typeof stages)[number];

export const sourceKinds = ['paper', 'transcript', 'note', 'document', 'manuscript', 'other'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const sourceKindLabels: Record<SourceKind, string> = {
  paper: 'Paper',
  transcript: 'Interview or transcript',
  note: 'Field note',
  document: 'Document',
  manuscript: 'Manuscript under review',
  other: 'Other',
};

export const sourceFormats = ['txt', 'md', 'html', 'docx', 'pdf'] as const;
export type SourceFormat = (typeof sourceFormats)[number];

export interface SourceSummary {
  id: string;
  title: string;
  kind: SourceKind;
  format: SourceFormat;
  fileName: string | null;
  stage: Stage;
  length: number;
  codingCount: number;
  createdAt: string;
}

export interface Passage {
  id: string;
  ordinal: number;
  kind: 'heading' | 'paragraph';
  level: number;
  start: number;
  end: number;
}

/** What never changes after import: the text and how it divides into passages. */
export interface SourceText {
  id: string;
  text: string;
  passages: Passage[];
}

export interface Source extends SourceSummary {
  text: string;
  passages: Passage[];
  attributes: Record<string, string>;
}

export interface Code {
  id: string;
  parentId: string | null;
  name: string;
  color: string;
  definition: string;
  position: number;
  codingCount: number;
}

export interface Coding {
  id: string;
  sourceId: string;
  codeId: string;
  start: number;
  end: number;
  coder: string;
  createdAt: string;
}

export const memoTargetKinds = ['project', 'source', 'code', 'coding'] as const;
export type MemoTargetKind = (typeof memoTargetKinds)[number];

export interface Memo {
  id: string;
  title: string;
  body: string;
  targetKind: MemoTargetKind;
  targetId: string | null;
  createdAt: string;
  updatedAt: string;
}

export const conclusionStatuses = ['tentative', 'supported', 'verified', 'refuted', 'abandoned'] as const;
export type ConclusionStatus = (typeof conclusionStatuses)[number];

export const conclusionStatusLabels: Record<ConclusionStatus, string> = {
  tentative: 'Tentative',
  supported: 'Supported',
  verified: 'Verified',
  refuted: 'Refuted',
  abandoned: 'Abandoned',
};

/** What can be cited as evidence: a coding, a coded segment's summary, an audited claim, a memo, a saved display. */
export const evidenceKinds = ['coding', 'summary', 'claim', 'memo', 'display'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  coding: 'Coded segment',
  summary: 'Segment summary',
  claim: 'Claim',
  memo: 'Memo',
  display: 'Display',
};

export type Stance = 'supports' | 'contradicts';

/** A link from a conclusion to one item of evidence, for the conclusion itself or gathered under a verification tactic. */
export interface ConclusionEvidence {
  kind: EvidenceKind;
  id: string;
  stance: Stance;
  /** Why it supports or contradicts the conclusion. */
  note: string;
  /** The tactic it was gathered under, or null for evidence on the conclusion itself. */
  tactic: VerificationTactic | null;
  /** What it says: the coded text, the summary, the claim, the memo, the display's name. */
  excerpt: string;
  /** The source of a coding, summary or claim; null for memos and displays. */
  sourceId: string | null;
  /** The code of a coding or summary. */
  codeId: string | null;
  /** Where a coding, summary or claim stands in its source. */
  span: { start: number; end: number } | null;
}

export interface ConclusionTactic {
  tactic: VerificationTactic;
  done: boolean;
  note: string;
}

export interface Conclusion {
  id: string;
  statement: string;
  status: ConclusionStatus;
  /** Its place in the researcher's order, from 0. */
  position: number;
  evidence: ConclusionEvidence[];
  /** Every tactic of the checklist, in Miles & Huberman's order, marked or not. */
  tactics: ConclusionTactic[];
  createdAt: string;
  updatedAt: string;
}

/** Something that can be linked as evidence, as a picker lists it. */
export interface EvidenceCandidate {
  kind: EvidenceKind;
  id: string;
  /** "Shipping costs — Interview 1", "Memo ‘On trust’". */
  title: string;
  excerpt: string;
}

/** One attribute value in use, e.g. country = Indonesia, with how many sources carry it. */
export interface AttributeValue {
  name: string;
  value: string;
  sourceCount: number;
}

export interface ProjectInfo {
  path: string;
  name: string;
  description: string;
  schemaVersion: number;
  /** The search language code (see search-languages.ts): how words are stemmed when indexed and searched. */
  language: string;
  counts: { sources: number; codes: number; codings: number; memos: number; claims: number; conclusions: number };
}

/** Where projects may be opened and created: everywhere in the desktop app, only in chosen folders in browser mode. */
export interface ProjectAccessInfo {
  /** False where any path may be used (the desktop app, the CLI). */
  restricted: boolean;
  /** Quarry's own folder, where new projects belong; always allowed. */
  projectsFolder: string;
  /** Folders whose projects may be opened and created (with restricted false: no limit). */
  allowedFolders: string[];
  /** Project files given when Quarry started, allowed wherever they are. */
  allowedProjects: string[];
  /** A sentence telling the person how to allow another folder ('' when nothing is restricted). */
  howToAllow: string;
}
