import { useEffect, useRef, useState } from 'react';
import type { BackupInfo, BackupReason } from '../../../../shared/domain/backups';
import type { ProjectInfo } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { formatWhen } from '../../lib/dates';
import { announce } from '../../state/status';
import { restoreBackup } from './project-actions';

const reasons: Record<BackupReason, string> = {
  open: 'On opening',
  timed: 'After editing',
  manual: 'Backed up by hand',
  replaced: 'As it was before a restore',
};

const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`);

/** Takes a backup of the open project now and says so. */
export async function backUpNow(): Promise<void> {
  const backup = await mutate('backups.create', {});
  announce(`Backed up the project (${formatWhen(backup.at)}).`);
}

/**
 * Restores `backup` over `project` (the open one unless given) and says what was kept; nothing
 * when the person chose to stay with unsaved work.
 */
export async function restoreAndSay(backup: BackupInfo, project?: string, asking?: Element | null): Promise<void> {
  const restored = await restoreBackup(backup.path, project, asking);
  if (!restored) return;
  const kept = restored.kept ? ` How it was is kept among the backups (${formatWhen(restored.kept.at)}).` : '';
  announce(`Restored the backup of ${formatWhen(backup.at)}.${kept}`);
}

/** The open project's backups, newest first: take one now, or restore one after a question. */
export function BackupsPanel({ project, onClose }: { project: ProjectInfo; onClose(): void }) {
  const backups = useQuery('backups.list', {});
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  /** The Restore… button that asked, for focus to go back to once the question is answered. */
  const asking = useRef<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<BackupInfo | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const answered = () => {
    setAsked(null);
    const target = asking.current?.isConnected ? asking.current : heading.current;
    requestAnimationFrame(() => target?.focus());
  };

  const list = backups.data ?? [];
  return (
    <dialog ref={dialog} className="history-panel" aria-labelledby="backups-panel-title" onClose={onClose}>
      <header className="history-panel__header">
        <h2 id="backups-panel-title" ref={heading} tabIndex={-1} className="history-panel__title">
          Backups
        </h2>
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </header>
      <p className="muted small">
        Kept in the folder <code>{`${project.path}-backups`}</code>: taken on opening, after every ten minutes of editing, and when you back up now. The ten newest
        stay, then one a day for a month. Restoring never overwrites the project: how it is now is kept among the backups first.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void run(backUpNow)}>
          Back up now
        </button>
      </div>
      <InlineError message={backups.error ?? error} />
      {backups.data && list.length === 0 && <p className="empty-state">No backups yet.</p>}
      {list.length > 0 && (
        <ol className="history-panel__list" aria-label="Backups, newest first">
          {list.map((backup) => (
            <li key={backup.name} className="history-panel__step">
              <span className="history-panel__label">
                <time dateTime={backup.at}>{formatWhen(backup.at)}</time> <span className="muted small">· {reasons[backup.reason]}</span>
              </span>
              <span className="muted small">{size(backup.bytes)}</span>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                aria-label={`Restore the backup of ${formatWhen(backup.at)} (${reasons[backup.reason].toLowerCase()})`}
                onClick={(event) => {
                  asking.current = event.currentTarget;
                  setAsked(backup);
                }}
              >
                Restore…
              </button>
            </li>
          ))}
        </ol>
      )}
      <ConfirmDialog
        open={asked !== null}
        title="Restore this backup?"
        message={
          asked
            ? `${project.name} goes back to how it was at ${formatWhen(asked.at)}. The project as it is now is not overwritten: Quarry keeps it among the backups first, so you can restore it again.`
            : ''
        }
        confirmLabel="Restore"
        tone="primary"
        onCancel={answered}
        onConfirm={() => {
          const backup = asked!;
          answered();
          void run(() => restoreAndSay(backup, undefined, dialog.current));
        }}
      />
    </dialog>
  );
}
