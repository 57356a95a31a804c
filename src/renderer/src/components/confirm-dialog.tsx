import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** What the user is asked to confirm in detail, below the message. */
  children?: ReactNode;
  /** 'danger' (the default) for what destroys, 'primary' for what adds; 'busy' while the action runs. */
  tone?: 'danger' | 'primary';
  busy?: boolean;
  /** A second way to go ahead, offered beside the first ("Import as a new project"). */
  alternative?: { label: string; onSelect(): void };
}

/** A modal question before an action that cannot be taken back lightly; the native dialog traps focus and closes on Escape. */
export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, children, tone = 'danger', busy = false, alternative }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
  }, [open]);

  // Not rendered while closed, so its text does not linger in the page for find-in-page or tests.
  if (!open) return null;
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-label={title} onCancel={onCancel}>
      <h2 className="confirm-dialog__title">{title}</h2>
      <p>{message}</p>
      {children}
      <div className="button-row button-row--end">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        {alternative && (
          <button type="button" className="button" onClick={alternative.onSelect} disabled={busy}>
            {alternative.label}
          </button>
        )}
        <button type="button" className={`button ${tone === 'danger' ? 'button--danger-solid' : 'button--primary'}`} onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
