import { conclusionStatusLabels, conclusionStatuses, stages } from '../../../../shared/domain/model';
import { useQuery } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { useWorkspace } from '../../state/workspace';
import './dashboard.css';

const stageLabels = { collected: 'Collected', reduced: 'Reduced', displayed: 'Displayed', concluded: 'Concluded' } as const;
const stageHints = {
  collected: 'imported, not yet coded',
  reduced: 'coded',
  displayed: 'shown in a saved display',
  concluded: 'evidence for a conclusion',
} as const;

/** Where the project stands: sources per stage, what is left to code, conclusions by status. */
export function DashboardView() {
  const dashboard = useQuery('dashboard.get', {});
  const { openSource, showView } = useWorkspace();
  const d = dashboard.data;
  const total = d ? d.sources.length : 0;
  const uncoded = d ? d.sources.filter((s) => s.codings === 0) : [];
  return (
    <div className="dashboard">
      <header className="view-header">
        <div>
          <h2 className="view-header__title">Overview</h2>
          <p className="muted">Each source moves on as you work: coded (reduced), shown in a saved display, cited as evidence for a conclusion.</p>
        </div>
      </header>
      <InlineError message={dashboard.error} />
      {d && (
        <>
          <section className="dashboard__section" aria-labelledby="stages-heading">
            <h3 id="stages-heading" className="dashboard__heading">
              Sources by stage
            </h3>
            <ol className="stage-counts">
              {stages.map((stage) => (
                <li key={stage} className={`stage-count stage-count--${stage}`}>
                  <span className="stage-count__n">{d.stages[stage]}</span>
                  <span className="stage-count__label">{stageLabels[stage]}</span>
                  <span className="muted small">{stageHints[stage]}</span>
                </li>
              ))}
            </ol>
            <div className="stage-bar" role="img" aria-label={stages.map((s) => `${d.stages[s]} ${stageLabels[s].toLowerCase()}`).join(', ')}>
              {stages.map((stage) =>
                d.stages[stage] > 0 ? <span key={stage} className={`stage-bar__part stage-count--${stage}`} style={{ flexGrow: d.stages[stage] }} /> : null,
              )}
            </div>
          </section>
          <section className="dashboard__section" aria-labelledby="tocode-heading">
            <h3 id="tocode-heading" className="dashboard__heading">
              Left to code{' '}
              <span className="count">
                {uncoded.length} of {total} not coded yet
              </span>
            </h3>
            <table className="progress-table">
              <caption className="visually-hidden">Sources, the least coded first</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Codings</th>
                  <th scope="col">Coded</th>
                </tr>
              </thead>
              <tbody>
                {d.sources.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => openSource(s.id, { codeId: null, view: 'reduce' })}>
                        {s.title}
                      </button>
                    </th>
                    <td>
                      <span className={`stage-badge stage-badge--${s.stage}`}>{stageLabels[s.stage]}</span>
                    </td>
                    <td>{s.codings}</td>
                    <td>
                      <span className="coded-bar" aria-hidden="true">
                        <span style={{ width: `${Math.round(s.codedShare * 100)}%` }} />
                      </span>
                      {Math.round(s.codedShare * 100)}% of its text
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="dashboard__section" aria-labelledby="conclusions-heading">
            <h3 id="conclusions-heading" className="dashboard__heading">
              Conclusions by status
            </h3>
            <ul className="status-counts">
              {conclusionStatuses.map((status) => (
                <li key={status} className={`status-count status-select--${status}`}>
                  <span className="stage-count__n">{d.conclusions[status]}</span> {conclusionStatusLabels[status]}
                </li>
              ))}
            </ul>
            <p className="muted small">
              {d.tactics.done} of {d.tactics.total} verification tactics checked off ·{' '}
              <button type="button" className="link-button" onClick={() => showView('conclude')}>
                Go to Conclude →
              </button>
            </p>
            <p className="muted small">
              {d.counts.codes} codes · {d.counts.codings} codings · {d.counts.memos} memos · {d.counts.displays} saved displays
            </p>
          </section>
        </>
      )}
    </div>
  );
}
