// What the worker threads can be asked to do: each job kind, its input and its answer.
// Types only, so the main thread can name jobs without loading the code that runs them.
import type { AuditReport } from '../../../shared/domain/audit';
import type { ExtractedDocument } from '../import/types';
import type { IndexInput, Segment } from '../search/segment';
import type { StoredSegment } from '../search/segment-codec';

/** A segment built or merged in a worker, and (when asked for) its encoding for the project file. */
export interface BuiltSegment {
  segment: Segment;
  stored?: StoredSegment;
}

/** A set of jobs a worker can run: each kind's input and answer. */
export type JobMap = Record<string, { input: unknown; output: unknown }>;

export type Jobs = {
  /** One segment of a search-index build, encoded for storage too when it is to be stored as it is. */
  'search.build': { input: { language: string; inputs: IndexInput[]; store: boolean }; output: BuiltSegment };
  /** Search-index segments merged into one, leaving out dead docs, and encoded for storage. */
  'search.merge': { input: { segments: Segment[]; dead: (Uint8Array | null)[] }; output: BuiltSegment };
  /** The same, of segments stored in a project file, which the worker reads itself. */
  'search.mergeStored': { input: { path: string; rowIds: number[]; dead: (Uint8Array | null)[] }; output: BuiltSegment };
  /** The text of an imported file: untrusted bytes, parsed where a runaway cannot take the app down. */
  'import.extract': { input: { bytes: Uint8Array; fileName: string }; output: ExtractedDocument };
  /** The citation audit of a manuscript's text. */
  'audit.text': { input: { text: string }; output: AuditReport };
};

export type JobKind = keyof Jobs;
export type JobInput<K extends JobKind> = Jobs[K]['input'];
export type JobOutput<K extends JobKind> = Jobs[K]['output'];

/** How far a job has come; `label` says what it is doing, in words for the user. */
export interface JobProgress {
  done: number;
  total: number;
  label?: string;
}

export interface JobRequest {
  id: number;
  kind: string;
  input: unknown;
}

/** An error as it crosses from a worker: an AppError keeps its code, anything else its name and stack. */
export type SerializedError = { app: true; code: string; message: string; details?: unknown } | { app: false; name: string; message: string; stack?: string };

/**
 * What a worker sends: that it is ready for jobs (once, when started); while a job runs, its own
 * memory (heap and buffers, in bytes) now and then; and about a job, its progress and its end.
 */
export type JobReply =
  | { ready: true }
  | { memory: number }
  | { id: number; progress: JobProgress }
  | { id: number; value: unknown }
  | { id: number; error: SerializedError };
