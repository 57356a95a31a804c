// Errors cross every boundary as data. The set of codes is deliberately small: each one
// tells the user (and the UI) what kind of thing went wrong and so what they can do.
export const errorCodes = [
  'VALIDATION', // the request itself is malformed: a bug in the caller, or a hand-made request
  'NOT_FOUND', // the thing asked for does not exist (any more)
  'CONFLICT', // the request clashes with the project's state (a duplicate name, an overlapping edit)
  'UNSUPPORTED', // a file format, version or feature Quarry cannot handle
  'UNREADABLE', // a file exists but cannot be read or parsed (broken, wrong encoding, empty)
  'PROJECT_TOO_NEW', // the project file was written by a newer Quarry
  'NO_PROJECT', // no project is open
  'UNAUTHORIZED', // a transport refused the caller
  'CANCELLED', // the caller stopped the work (an import of many files) before it ended
  'INTERNAL', // anything else: details go to the main-process log, never to the user
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown by services and handlers; dispatch turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
