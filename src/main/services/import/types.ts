import type { JobProgress } from '../workers/jobs';
import type { Passage, PassageKind, TextMark, TextMarkKind } from '../../../shared/domain/model';

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf';

/** A passage of the text; offsets are UTF-16 code units into `ExtractedDocument.text`, end exclusive. */
export type ExtractedPassage = Omit<Passage, 'id' | 'ordinal'>;

export interface ExtractedDocument {
  format: SourceFormat;
  title: string;
  /** The passages joined by a blank line. */
  text: string;
  passages: ExtractedPassage[];
  /** Inline emphasis, as offsets into `text`, in text order. */
  marks: TextMark[];
}

/** Emphasis inside a block, as offsets into the block's text before it is normalised. */
export interface BlockMark {
  kind: TextMarkKind;
  start: number;
  end: number;
  href?: string;
}

/**
 * What each format reader produces before whitespace is normalised and offsets are assigned.
 * A line break (\n) in `text` is kept as one; readers turn line breaks that only wrap text into spaces.
 */
export interface Block {
  kind: PassageKind;
  level: number;
  text: string;
  marker?: string;
  speaker?: string;
  timestamp?: string;
  marks?: BlockMark[];
}

/** How a reader says how far it has come (a PDF, page by page). */
export type ReportProgress = (progress: JobProgress) => void;
