// Backups of a project file, and the problems that make Quarry refuse one: shared, so the UI
// can offer what helps (restoring the latest good backup of a damaged project).

/** Why Quarry refused to open a project file; carried in the error's details as `problem`. */
export type ProjectFileProblem = 'in-use' | 'damaged' | 'not-a-project';

export const backupReasons = ['open', 'timed', 'manual', 'replaced'] as const;
/** On opening, after some minutes of editing, by hand, or the project as it was before a restore replaced it. */
export type BackupReason = (typeof backupReasons)[number];

export interface BackupInfo {
  /** The file name, unique within the project's backups folder. */
  name: string;
  path: string;
  /** When it was taken (ISO 8601). */
  at: string;
  reason: BackupReason;
  bytes: number;
}

/** The details of an error refusing a project file. */
export interface ProjectFileIssue {
  problem: ProjectFileProblem;
  path: string;
  /** What is wrong with it, in a few words. */
  why?: string;
  /** For a damaged file: the newest backup that passes SQLite's check, if there is one. */
  backup?: BackupInfo | null;
}
