import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  /** More to say under the message, such as a list of what is affected. */
  children?: ReactNode;
}

/** A modal question for destructive actions; the native dialog traps focus and closes on Escape. */
export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, children }: Props) {
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
        <button type="button" className="button button--danger-solid" onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
