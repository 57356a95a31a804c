import type { AuditView } from '../../../../shared/domain/audit-view';
import { findingKinds } from './labels';

interface Props {
  view: AuditView;
  onJump(span: { start: number; end: number }): void;
}

/** Findings grouped by kind, with counts; each finding is a button that shows its place in the text. */
export function FindingsPanel({ view, onJump }: Props) {
  const groups = findingKinds
    .map(({ kind, label }) => ({ kind, label, findings: view.findings.filter((finding) => finding.kind === kind) }))
    .filter((group) => group.findings.length > 0);
  return (
    <section className="panel audit-findings" aria-labelledby="audit-findings-title">
      <div className="panel__header">
        <h2 className="panel__title" id="audit-findings-title">
          Findings
        </h2>
        <span className="count">{view.findings.length}</span>
      </div>
      {groups.length === 0 && <p className="empty-state">No findings: every citation resolves and every entry is cited.</p>}
      {groups.length > 0 && (
        <ul className="audit-counts" aria-label="Findings per kind">
          {groups.map((group) => (
            <li key={group.kind} className={`audit-count audit-count--${group.kind}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => document.getElementById(`findings-${group.kind}`)?.scrollIntoView({ block: 'start' })}
              >
                {group.label}
              </button>
              <span className="count">{group.findings.length}</span>
            </li>
          ))}
        </ul>
      )}
      {groups.map((group) => (
        <section key={group.kind} id={`findings-${group.kind}`} className="audit-finding-group" aria-label={`${group.label} (${group.findings.length})`}>
          <h3 className="audit-finding-group__title">
            {group.label} <span className="count">{group.findings.length}</span>
          </h3>
          <ul className="audit-finding-list">
            {group.findings.map((finding) => (
              <li key={finding.id} data-kind={finding.kind}>
                {finding.start !== null && finding.end !== null ? (
                  <button
                    type="button"
                    className="link-button audit-finding"
                    title="Show this place in the manuscript"
                    onClick={() => onJump({ start: finding.start!, end: finding.end! })}
                  >
                    {finding.message}
                  </button>
                ) : (
                  <span className="audit-finding">{finding.message}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
