// The citation audit as the app runs it: in a worker of the parser pool, so a long manuscript
// neither blocks the main thread nor, if it were built to, runs away with the app.
import { AppError } from '../../../shared/api/errors';
import type { AuditReport } from '../../../shared/domain/audit';
import { MAX_SOURCE_CHARS, count } from '../import/limits';
import type { JobProgress } from '../workers/jobs';
import { JobStopped, parserPool } from '../workers/pool';

/** The most text one audit reads: that of the longest source Quarry imports (about 4,000 pages). */
export const MAX_AUDIT_CHARS = MAX_SOURCE_CHARS;
/** Time for one audit. A 4,000-page manuscript takes a few seconds; an audit still busy after this is stuck. */
export const AUDIT_DEADLINE_MS = 30_000;

export interface AuditOptions {
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
}

/** Audits a manuscript's text in a worker, reporting progress; a refusal or stop is an AppError that says why. */
export async function auditInWorker(text: string, options: AuditOptions = {}): Promise<AuditReport> {
  if (text.length > MAX_AUDIT_CHARS) {
    throw new AppError('UNSUPPORTED', `This manuscript holds ${count(text.length)} characters; the audit reads up to ${count(MAX_AUDIT_CHARS)} (about 4,000 pages) at a time, so audit it in parts.`);
  }
  try {
    return await parserPool().run('audit.text', { text }, { deadlineMs: AUDIT_DEADLINE_MS, signal: options.signal, onProgress: options.onProgress });
  } catch (error) {
    if (!(error instanceof JobStopped) || error.reason === 'cancelled') throw error;
    const why = error.reason === 'deadline' ? `took longer than ${AUDIT_DEADLINE_MS / 1000} seconds` : error.reason === 'memory' ? 'needed more memory than an audit may use' : 'stopped unexpectedly';
    throw new AppError('UNREADABLE', `The audit of this manuscript ${why} and was stopped; audit it in parts (a chapter at a time, with its reference list).`);
  }
}
