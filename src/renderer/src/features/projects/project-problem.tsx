import { useState } from 'react';
import type { ProjectFileIssue } from '../../../../shared/domain/backups';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { formatWhen } from '../../lib/dates';
import { restoreAndSay } from './backups-panel';

/** What is wrong with a project file Quarry refused (damaged, not a project, open elsewhere), when the error says. */
export function projectIssue(error: unknown): ProjectFileIssue | null {
  const details = error instanceof ApiError ? (error.details as Partial<ProjectFileIssue> | undefined) : undefined;
  return details?.problem && typeof details.path === 'string' ? (details as ProjectFileIssue) : null;
}

/**
 * Why a project is not open, as a banner; for a damaged project with a good backup, the offer to
 * restore it (the damaged file is kept among the backups, and the project opens).
 */
export function ProjectProblem({ message, failure, hidden }: { message: string; failure: unknown; hidden?: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issue = projectIssue(failure);
  const backup = issue?.problem === 'damaged' ? issue.backup : null;
  const restore = async (button: HTMLElement) => {
    setBusy(true);
    setError(null);
    try {
      await restoreAndSay(backup!, issue!.path, button);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner banner--error" role="alert" hidden={hidden}>
      <p>{message}</p>
      {backup && (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy} onClick={(event) => void restore(event.currentTarget)}>
            Restore the backup of {formatWhen(backup.at)}
          </button>
        </div>
      )}
      {error && <p>{error}</p>}
    </div>
  );
}

/** Why a project did not open, where it was asked to: with the offer to restore its backup when it is damaged. */
export function OpenFailure({ error }: { error: unknown }) {
  if (!error) return null;
  const issue = projectIssue(error);
  if (issue?.problem === 'damaged' && issue.backup) return <ProjectProblem message={errorMessage(error)} failure={error} />;
  return <InlineError message={errorMessage(error)} />;
}
