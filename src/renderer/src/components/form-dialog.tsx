import { useEffect, useRef, type ReactNode } from 'react';
import { InlineError } from './inline-error';

interface Props {
  title: string;
  submitLabel: string;
  /** Disables the submit button while what is typed cannot be used. */
  canSubmit?: boolean;
  error?: string | null;
  onSubmit(dialog: HTMLDialogElement): void;
  onClose(): void;
  children: ReactNode;
  /** Wider dialogs for longer text (pasting a source). */
  wide?: boolean;
}

/** A modal form: the native dialog traps focus, Escape cancels, Enter in a field submits. */
export function FormDialog({ title, submitLabel, canSubmit = true, error, onSubmit, onClose, children, wide }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className={`confirm-dialog form-dialog${wide ? ' form-dialog--wide' : ''}`} aria-label={title} onClose={onClose}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSubmit && dialog.current) onSubmit(dialog.current);
        }}
      >
        <h2 className="confirm-dialog__title">{title}</h2>
        {children}
        <InlineError message={error} />
        <div className="button-row button-row--end">
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!canSubmit}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
