import { useState } from 'react';
import { matrixColumnLabels, type MatrixSpec } from '../../../../shared/domain/display/matrix';
import { defaultNetworkFilter, type NetworkPositions } from '../../../../shared/domain/display/network';
import { chartKindLabels, exportFormats, type DisplayConfig, type DisplayKind, type ExportFormat, type SavedDisplay } from '../../../../shared/domain/display/saved';
import { api } from '../../api/client';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { downloadFile } from '../../lib/download';
import { useCommands } from '../../state/commands';
import { announce } from '../../state/status';
import { ChartsPanel } from './charts-panel';
import { MatrixPanel } from './matrix-panel';
import { NetworkPanel, type NetworkConfig } from './network-panel';
import './display.css';

const kindLabels: Record<DisplayKind, string> = { matrix: 'Matrix', network: 'Network', chart: 'Charts' };

const starting: Record<DisplayKind, DisplayConfig> = {
  matrix: { kind: 'matrix', matrix: { columns: 'sources', measure: 'segments' }, collapsed: [] },
  chart: { kind: 'chart', chart: 'frequency', matrix: { columns: 'sources', measure: 'segments' }, collapsed: [] },
  network: { kind: 'network', network: { ...defaultNetworkFilter, cooccurrence: 'overlap' } },
};

/** A name for what is on screen, until the researcher gives one. */
function describe(config: DisplayConfig): string {
  if (config.kind === 'network') return 'Network';
  const spec: MatrixSpec = config.matrix;
  const cut = spec.filter ? ` (${spec.filter.name} = ${spec.filter.value})` : '';
  if (config.kind === 'chart') return `${config.chart === 'frequency' ? chartKindLabels.frequency : `Codes by ${spec.attribute ?? 'attribute'}`}${cut}`;
  const columns = spec.columns === 'attribute' ? `Code × ${spec.attribute ?? 'attribute'}` : matrixColumnLabels[spec.columns];
  return `${columns}${cut}`;
}

interface Current {
  /** The saved display on screen, or null for one not saved yet. */
  saved: { id: string; name: string } | null;
  config: DisplayConfig;
  layout: NetworkPositions;
}

/**
 * The Display stage: matrices (code × source, case, attribute value or code), the network and
 * charts, each savable in the project, reopened from the list of saved displays, and exported
 * as CSV, SVG and PNG.
 */
export function DisplayView() {
  const [current, setCurrent] = useState<Current>({ saved: null, config: starting.matrix, layout: {} });
  /** What each kind of display last showed, so switching back finds it as it was left. */
  const [lastOfKind, setLastOfKind] = useState<Record<DisplayKind, DisplayConfig>>(starting);
  /** Where the network's nodes stand now, once the researcher has moved any. */
  const [draft, setDraft] = useState<NetworkPositions | null>(null);
  const moved = draft !== null;
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<SavedDisplay | null>(null);
  const saved = useQuery('display.list', {});
  const kind = current.config.kind;

  const show = (config: DisplayConfig) => {
    setLastOfKind((last) => ({ ...last, [config.kind]: config }));
    setCurrent((c) => ({ ...c, config }));
  };
  const switchTo = (next: DisplayKind) => {
    if (next === kind) return;
    setCurrent({ saved: null, config: lastOfKind[next], layout: {} });
    setDraft(null);
  };
  const open = (display: SavedDisplay) => {
    setLastOfKind((last) => ({ ...last, [display.config.kind]: display.config }));
    setCurrent({ saved: { id: display.id, name: display.name }, config: display.config, layout: display.layout });
    setName(display.name);
    setDraft(null);
    announce(`Opened ${display.name}`);
  };
  const layoutNow = () => (kind === 'network' ? (draft ?? current.layout) : {});

  const save = async (asNew: boolean) => {
    setError(null);
    const displayName = name.trim() || current.saved?.name || describe(current.config);
    try {
      const layout = layoutNow();
      const result = await mutate('display.save', {
        ...(current.saved && !asNew ? { id: current.saved.id } : {}),
        name: displayName,
        config: current.config,
        ...(kind === 'network' ? { layout } : {}),
      });
      setCurrent((c) => ({ ...c, saved: { id: result.id, name: result.name }, layout: result.layout }));
      setName(result.name);
      setDraft(null);
      announce(`Saved ${result.name}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const exportAs = async (format: ExportFormat) => {
    setError(null);
    try {
      const file = await api.call('display.export', { name: current.saved?.name ?? (name.trim() || describe(current.config)), config: current.config, layout: layoutNow(), format });
      downloadFile(file);
      announce(`Exported ${file.fileName}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  /** A matrix as a spreadsheet: the values unrounded, every row open. */
  const exportXlsx = async () => {
    if (current.config.kind !== 'matrix') return;
    setError(null);
    try {
      const file = await api.call('exports.matrix', { format: 'xlsx', matrix: current.config.matrix });
      downloadFile(file);
      announce(`Exported ${file.fileName}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  useCommands([
    ...(['matrix', 'network', 'chart'] as const).map((k) => ({ id: `display.show.${k}`, title: `Show the ${kindLabels[k].toLowerCase()}`, category: 'Display', run: () => switchTo(k) })),
    { id: 'display.save', title: 'Save this display', category: 'Display', run: () => save(false) },
    ...exportFormats.map((format) => ({ id: `display.export.${format}`, title: `Export this display as ${format.toUpperCase()}`, category: 'Display', run: () => exportAs(format) })),
    { id: 'display.export.xlsx', title: 'Export this matrix as XLSX', category: 'Display', when: () => current.config.kind === 'matrix', run: () => exportXlsx() },
  ]);

  return (
    <div className="display-view">
      <aside className="pane display-saved" aria-label="Saved displays">
        <div className="pane__header">
          <h2 className="pane__title">Saved displays</h2>
          <span className="count">{saved.data?.length ?? 0}</span>
        </div>
        <InlineError message={saved.error} />
        {saved.data && saved.data.length === 0 && <p className="muted small display-saved__empty">Save a matrix, network or chart to keep it, cite it as evidence, and find it here.</p>}
        <ul className="display-saved__list" aria-label="Saved displays">
          {(saved.data ?? []).map((d) => (
            <li key={d.id} className={current.saved?.id === d.id ? 'is-current' : undefined}>
              <button type="button" className="display-saved__open" aria-current={current.saved?.id === d.id ? 'true' : undefined} onClick={() => open(d)}>
                <span className="display-saved__kind">{kindLabels[d.config.kind]}</span>
                {d.name}
              </button>
              <button type="button" className="icon-button" aria-label={`Delete display ${d.name}`} onClick={() => setRemoving(d)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="display-main" aria-label="Display">
        <header className="view-header display-header">
          <div role="tablist" aria-label="Kind of display" className="segmented">
            {(['matrix', 'network', 'chart'] as const).map((k) => (
              <button key={k} type="button" role="tab" aria-selected={kind === k} className="segmented__item" onClick={() => switchTo(k)}>
                {kindLabels[k]}
              </button>
            ))}
          </div>
          <form
            className="display-save"
            onSubmit={(event) => {
              event.preventDefault();
              void save(false);
            }}
          >
            <label className="field field--inline">
              <span className="field__label">Name</span>
              <input className="input input--compact" value={name} placeholder={describe(current.config)} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit" className="button button--small button--primary">
              {current.saved ? 'Save' : 'Save display'}
            </button>
            {current.saved && (
              <button type="button" className="button button--small" onClick={() => void save(true)}>
                Save as new
              </button>
            )}
            {moved && <span className="muted small">Moved since saved</span>}
          </form>
          <div className="button-row" role="group" aria-label="Export">
            {exportFormats.map((format) => (
              <button key={format} type="button" className="button button--small" onClick={() => void exportAs(format)}>
                Export {format.toUpperCase()}
              </button>
            ))}
            {current.config.kind === 'matrix' && (
              <button type="button" className="button button--small" onClick={() => void exportXlsx()}>
                Export XLSX
              </button>
            )}
          </div>
        </header>
        <InlineError message={error} />
        <div role="tabpanel" aria-label={kindLabels[kind]} className="display-body">
          {current.config.kind === 'matrix' && (
            <MatrixPanel spec={current.config.matrix} collapsed={current.config.collapsed} onChange={(matrix, collapsed) => show({ kind: 'matrix', matrix, collapsed })} />
          )}
          {current.config.kind === 'chart' && (
            <ChartsPanel
              chart={current.config.chart}
              spec={current.config.matrix}
              collapsed={current.config.collapsed}
              onChange={(chart, matrix, collapsed) => show({ kind: 'chart', chart, matrix, collapsed })}
            />
          )}
          {current.config.kind === 'network' && (
            <NetworkPanel
              key={current.saved?.id ?? 'new'}
              config={current.config.network}
              layout={current.layout}
              onMoved={setDraft}
              onChange={(network: NetworkConfig) => show({ kind: 'network', network })}
            />
          )}
        </div>
      </section>
      <ConfirmDialog
        open={removing !== null}
        title="Delete this display?"
        message={`“${removing?.name ?? ''}” will be deleted, and unlinked from any conclusion that cites it. Undo brings it back.`}
        confirmLabel="Delete display"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const target = removing!;
          setRemoving(null);
          mutate('display.remove', { id: target.id }).then(
            () => {
              if (current.saved?.id === target.id) setCurrent((c) => ({ ...c, saved: null }));
              announce(`Deleted ${target.name}`);
            },
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      />
    </div>
  );
}
