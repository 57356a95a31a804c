import type { JobProgress } from '../workers/jobs';

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A heading or paragraph; offsets are UTF-16 code units into `ExtractedDocument.text`, end exclusive. */
export interface ExtractedPassage {
  kind: 'heading' | 'paragraph';
  /** Heading depth 1-6; 0 for paragraphs. */
  level: number;
  start: number;
  end: number;
}

export interface ExtractedDocument {
  format: SourceFormat;
  title: string;
  /** The passages joined by a blank line. */
  text: string;
  passages: ExtractedPassage[];
}

/** What each format reader produces before whitespace is normalised and offsets are assigned. */
export interface Block {
  kind: ExtractedPassage['kind'];
  level: number;
  text: string;
}

/** How a reader says how far it has come (a PDF, page by page). */
export type ReportProgress = (progress: JobProgress) => void;
