import { useState, type ReactNode } from 'react';
import type { MethodInput } from '../../../shared/api/contract';
import { api } from '../api/client';
import { ConfirmDialog } from './confirm-dialog';
import './evidence-guard.css';

type Items = MethodInput<'conclusions.affectedBy'>;
type Affected = Array<{ id: string; statement: string; links: number }>;

/** The conclusions that would lose evidence, listed under a warning. */
export function AffectedConclusions({ conclusions }: { conclusions: Affected }) {
  if (conclusions.length === 0) return null;
  return (
    <div className="affected-conclusions" role="note">
      <p>
        <strong>
          It is evidence for {conclusions.length === 1 ? 'a conclusion' : `${conclusions.length} conclusions`}, which will lose {conclusions.length === 1 && conclusions[0]!.links === 1 ? 'it' : 'those links'}:
        </strong>
      </p>
      <ul aria-label="Conclusions that lose evidence">
        {conclusions.map((c) => (
          <li key={c.id}>
            “{c.statement}”{c.links > 1 ? ` (${c.links} links)` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Guards removing items that may be evidence: when they are, it asks first and names the
 * conclusions that would lose them; otherwise it goes straight ahead.
 */
export function useEvidenceGuard(what: string): { guard(items: Items, proceed: () => void): Promise<void>; dialog: ReactNode } {
  const [pending, setPending] = useState<{ conclusions: Affected; proceed: () => void } | null>(null);
  const guard = async (items: Items, proceed: () => void) => {
    const conclusions = await api.call('conclusions.affectedBy', items);
    if (conclusions.length === 0) proceed();
    else setPending({ conclusions, proceed });
  };
  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title={`Remove ${what}?`}
      message={`You are removing ${what} that conclusions rest on. You can undo this.`}
      confirmLabel={`Remove ${what}`}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const go = pending?.proceed;
        setPending(null);
        go?.();
      }}
    >
      <AffectedConclusions conclusions={pending?.conclusions ?? []} />
    </ConfirmDialog>
  );
  return { guard, dialog };
}
