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
  /** When to apply the code, when not to, and a passage that shows it: the codebook's criteria. */
  inclusion: string;
  exclusion: string;
  example: string;
  /** The digit (1–9) given to the code to apply it from the keyboard; null when none was given (see rules/shortcuts.ts). */
  shortcut: number | null;
  position: number;
  /** Its own codings, not its sub-codes'. */
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
  /** The researcher's condensed summary of the segment (Miles & Huberman's data reduction); '' when none. */
  summary: string;
}

export const memoTargetKinds = ['project', 'source', 'code', 'coding', 'case', 'theme', 'conclusion', 'display'] as const;
export type MemoTargetKind = (typeof memoTargetKinds)[number];

export interface Memo {
  id: string;
  title: string;
  body: string;
  targetKind: MemoTargetKind;
  targetId: string | null;
  /** What the memo is about, named for a list: a source's title, a code's name, a coding's code and words; null for the project. */
  about: string | null;
  createdAt: string;
  updatedAt: string;
}

export const memoTargetLabels: Record<MemoTargetKind, string> = {
  project: 'Project',
  source: 'Source',
  code: 'Code',
  coding: 'Coding',
  case: 'Case',
  theme: 'Theme',
  conclusion: 'Conclusion',
  display: 'Display',
};

export const themeKinds = ['theme', 'category'] as const;
export type ThemeKind = (typeof themeKinds)[number];

/** A pattern code: codes grouped as a theme or category beside the hierarchy, each keeping its own codings. */
export interface Theme {
  id: string;
  name: string;
  kind: ThemeKind;
  description: string;
  position: number;
  codeIds: string[];
  createdAt: string;
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

export interface ConclusionEvidence {
  kind: 'coding' | 'claim';
  id: string;
  stance: 'supports' | 'contradicts';
  /** The evidence's text as it stands in its source, for display. */
  excerpt: string;
  sourceId: string;
}

export interface Conclusion {
  id: string;
  statement: string;
  status: ConclusionStatus;
  evidence: ConclusionEvidence[];
  createdAt: string;
  updatedAt: string;
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

/** Code-by-source counts for the Display stage. */
export interface CodeMatrix {
  sources: Array<{ id: string; title: string }>;
  rows: Array<{ codeId: string; counts: number[] }>;
}
