import { useEffect, useState } from 'react';
import type { SourceSummary } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { SourceImport } from '../../components/source-import';
import { AuditText, type AuditFocus } from './audit-text';
import { ClaimsTable } from './claims-table';
import { FindingsPanel } from './findings-panel';
import { statusLabels } from './labels';
import { ReferencesPanel } from './references-panel';
import './audit.css';
import { InlineError } from '../../components/inline-error';

// The last manuscript audited is remembered across reloads and restarts of the app.
const rememberedKey = 'quarry-audit-source';

/** Manuscripts first: they are what reviewers audit; any other source can be audited too. */
function defaultSource(sources: SourceSummary[]): string | null {
  const remembered = localStorage.getItem(rememberedKey);
  if (remembered && sources.some((source) => source.id === remembered)) return remembered;
  return (sources.find((source) => source.kind === 'manuscript') ?? sources[0])?.id ?? null;
}

export function AuditView() {
  const { sourceId: openedSourceId } = useWorkspace();
  const sources = useQuery('sources.list', {});
  const list = sources.data ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const sourceId = chosen && list.some((source) => source.id === chosen) ? chosen : defaultSource(list);

  // A file imported here (through the shell's import, which opens what it imported) becomes the one to audit.
  const [lastOpened, setLastOpened] = useState(openedSourceId);
  if (openedSourceId !== lastOpened) {
    setLastOpened(openedSourceId);
    if (openedSourceId) setChosen(openedSourceId);
  }
  useEffect(() => {
    if (sourceId) localStorage.setItem(rememberedKey, sourceId);
  }, [sourceId]);

  const audit = useQuery('audit.get', sourceId ? { sourceId } : null);
  const source = useQuery('sources.get', sourceId ? { id: sourceId } : null);
  const [running, setRunning] = useState<string | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const [focus, setFocus] = useState<AuditFocus | null>(null);
  const [tab, setTab] = useState<'claims' | 'references'>('claims');
  const view = audit.data ?? null;

  const run = async () => {
    if (!sourceId) return;
    setRunning(sourceId);
    setRunError(null);
    try {
      await mutate('audit.run', { sourceId });
    } catch (error) {
      setRunError(errorMessage(error));
    } finally {
      setRunning(null);
    }
  };
  const jump = (span: { start: number; end: number }) => setFocus((current) => ({ start: span.start, end: span.end, request: (current?.request ?? 0) + 1 }));
  const isRunning = running !== null && running === sourceId;

  return (
    <div className="layout audit-layout">
      <aside className="pane" aria-label="Audit controls and findings">
        <div className="pane__header">
          <h2 className="pane__title">Citation audit</h2>
        </div>
        <label className="field">
          <span className="field__label">Manuscript</span>
          <select className="input" aria-label="Manuscript to audit" value={sourceId ?? ''} onChange={(event) => setChosen(event.target.value || null)}>
            {list.length === 0 && <option value="">No sources yet</option>}
            {list.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
                {item.kind === 'manuscript' ? '' : ` (${item.kind})`}
              </option>
            ))}
          </select>
        </label>
        <SourceImport />
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={!sourceId || isRunning} onClick={() => void run()}>
            Run audit
          </button>
          {isRunning && (
            <span className="audit-progress" role="status">
              <progress aria-label="Audit in progress" /> Auditing…
            </span>
          )}
        </div>
        {view && !isRunning && (
          <p className="muted small" role="status">
            Audited {new Date(view.auditedAt).toLocaleString()}: {view.counts.citations} citations, {view.counts.references} references,{' '}
            {view.counts.verdicts} verdicts.
          </p>
        )}
        <InlineError message={runError} />
        <InlineError message={audit.error} />
        {view && <FindingsPanel view={view} onJump={jump} />}
        {view && view.orphanedVerdicts.length > 0 && (
          <p className="notice small">
            {view.orphanedVerdicts.length} earlier verdict{view.orphanedVerdicts.length === 1 ? '' : 's'} no longer match a claim of this text; they are kept in the
            project.
          </p>
        )}
      </aside>

      <section className="audit-reading" aria-label="Manuscript">
        <header className="reader__header">
          <div className="reader__heading">
            <h2 className="reader__title">{source.data?.title ?? 'No manuscript chosen'}</h2>
            {view && (
              <ul className="audit-legend" aria-label="Citation statuses">
                {Object.entries(statusLabels).map(([status, label]) => (
                  <li key={status} className={`audit-status audit-status--${status}`} data-status={status}>
                    {label.icon} {label.text} <span className="count">{view.counts.citationsByStatus[status as keyof typeof statusLabels] ?? 0}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </header>
        <div className="reader__scroll">
          {sourceId && !view && !audit.loading && !isRunning && (
            <p className="empty-state audit-empty">This source has not been audited yet. Run the audit to check its citations against its reference list.</p>
          )}
          {source.data && (
            <AuditText text={source.data.text} passages={source.data.passages} citations={view?.citations ?? []} focus={focus} />
          )}
        </div>
      </section>

      <aside className="pane pane--side audit-side" aria-label="Claims and references">
        {view ? (
          <>
            <div className="audit-tabs" role="group" aria-label="Show">
              <button type="button" className="button button--small" aria-pressed={tab === 'claims'} onClick={() => setTab('claims')}>
                Claims <span className="count">{view.claims.filter((claim) => claim.links.length > 0).length}</span>
              </button>
              <button type="button" className="button button--small" aria-pressed={tab === 'references'} onClick={() => setTab('references')}>
                References <span className="count">{view.references.length}</span>
              </button>
            </div>
            {tab === 'claims' ? <ClaimsTable view={view} sources={list} onJump={jump} /> : <ReferencesPanel view={view} sources={list} onJump={jump} />}
          </>
        ) : (
          <p className="empty-state">Claims and references appear here after the audit.</p>
        )}
      </aside>
    </div>
  );
}
