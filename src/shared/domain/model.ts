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
  /** The authors' names as written ("Lim, K."), in order; empty when not known. */
  authors: string[];
  /** As written: 2021, 2021a, n.d.; null when not known. */
  year: string | null;
  length: number;
  codingCount: number;
  createdAt: string;
}

/**
 * How a passage divides a text: a heading, a paragraph, an item of a list, a speaker's turn in
 * a transcript, or a quotation set off from the text.
 */
export const passageKinds = ['heading', 'paragraph', 'list-item', 'turn', 'quote'] as const;
export type PassageKind = (typeof passageKinds)[number];

export interface Passage {
  id: string;
  ordinal: number;
  kind: PassageKind;
  /** A heading's depth 1–6; a list item's nesting depth from 1; 0 otherwise. */
  level: number;
  start: number;
  end: number;
  /** A bulleted list item's bullet, shown before it ('•'); null where the text carries its own marker ('3.'). */
  marker: string | null;
  /** A turn's speaker as the transcript names them ('I', 'Rina'); null for anything else. */
  speaker: string | null;
  /** A turn's timestamp as written ('00:12:31'); null when it has none. */
  timestamp: string | null;
}

/** Inline emphasis of an imported document, kept as data (never as imported HTML) for the reader to show. */
export const textMarkKinds = ['emphasis', 'strong', 'code', 'link'] as const;
export type TextMarkKind = (typeof textMarkKinds)[number];

export interface TextMark {
  kind: TextMarkKind;
  start: number;
  end: number;
  /** A link's target as written; null for other marks. */
  href: string | null;
}

/** What never changes after import: the text, how it divides into passages, and its inline emphasis. */
export interface SourceText {
  id: string;
  text: string;
  passages: Passage[];
  marks: TextMark[];
}

/** One speaker of the project's transcripts, with how many turns they take in how many sources. */
export interface SpeakerSummary {
  speaker: string;
  turnCount: number;
  sourceCount: number;
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

/** How an attribute's values are read and compared (REFI-QDA's variable types fold into these). */
export const attributeTypes = ['text', 'number', 'date', 'boolean'] as const;
export type AttributeType = (typeof attributeTypes)[number];

export const attributeTypeLabels: Record<AttributeType, string> = { text: 'Text', number: 'Number', date: 'Date', boolean: 'Yes or no' };

/** A case attribute's name and type, with how many cases give it a value. */
export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  caseCount: number;
}

/** A source, or a stretch of one (start and end set), that belongs to a case. */
export interface CaseMember {
  id: string;
  sourceId: string;
  sourceTitle: string;
  start: number | null;
  end: number | null;
  /** The start of the segment's words, for lists; null for a whole source. */
  excerpt: string | null;
}

/**
 * A unit of analysis, such as a person, an organisation or a site: it groups sources or
 * segments of them and carries typed attributes, by which displays and searches can be cut.
 */
export interface Case {
  id: string;
  name: string;
  description: string;
  /** Attribute name to its stored value (see parseAttributeValue); the definitions give the types. */
  attributes: Record<string, string>;
  members: CaseMember[];
  createdAt: string;
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
  counts: { sources: number; codes: number; codings: number; memos: number; cases: number; claims: number; conclusions: number };
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

/** Where projects are chosen here: with the system's file dialogs (the desktop app), or by typing paths (browser mode). */
export interface ProjectPlaces extends ProjectAccessInfo {
  fileDialogs: boolean;
}

/** A project opened lately, as the start screen lists it. */
export interface RecentProject {
  path: string;
  /** Its name when it was last opened (the open project's as it is now). */
  name: string;
  openedAt: string;
  /** Its file is still where it was. */
  exists: boolean;
  /** It may be opened here (browser mode opens projects only in allowed folders). */
  allowed: boolean;
}

export interface RecentProjects {
  /** The open project's file; null when none is open. */
  openPath: string | null;
  projects: RecentProject[];
  /** Folders of recent projects that may be used here, newest first: where a new project likely belongs. */
  folders: string[];
}

/** The project files in a folder, for choosing one by its name. */
export interface FolderListing {
  folder: string;
  projects: Array<{ path: string; fileName: string; modifiedAt: string }>;
}
