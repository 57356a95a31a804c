import { useEffect, useId, useRef, useState } from 'react';
import type { ExportFile } from '../../../../shared/api/areas/exports';
import type { RefiImportSummary } from '../../../../shared/domain/refi/import-plan';
import { api } from '../../api/client';
import { errorMessage, mutate } from '../../api/use-api';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { readAsBase64 } from '../../lib/files';
import { downloadFile } from '../../lib/download';
import { useCommands, type Command } from '../../state/commands';
import { announce } from '../../state/status';
import './exchange.css';

const accepted = '.qdpx,.qdc,.qde';

interface Pending {
  fileName: string;
  dataBase64: string;
  preview: RefiImportSummary;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What an import brings, in a sentence per kind of thing. */
function summaryLines(s: RefiImportSummary): string[] {
  const codes = s.codes.created + s.codes.merged;
  return [
    `${plural(codes, 'code')}${s.codes.merged ? ` (${s.codes.merged} merged by name with codes already here)` : ''}`,
    s.kind === 'project' ? `${plural(s.sources, 'source')} with ${plural(s.codings, 'coding')}` : '',
    s.memos ? plural(s.memos, 'memo') : '',
    s.cases.created + s.cases.merged ? `${plural(s.cases.created + s.cases.merged, 'case')}${s.cases.merged ? ` (${s.cases.merged} merged)` : ''}` : '',
    s.themes.created + s.themes.merged ? `${plural(s.themes.created + s.themes.merged, 'theme')}${s.themes.merged ? ` (${s.themes.merged} merged)` : ''}` : '',
    s.attributes ? plural(s.attributes, 'attribute value') : '',
  ].filter(Boolean);
}

/**
 * Exchange with other QDA tools through REFI-QDA: import a project or codebook (.qdpx, .qdc)
 * after a preview of what it brings and which codes merge, and export the project (.qdpx) or
 * its codebook (.qdc). A menu in the top bar and commands in the palette.
 */
export function ExchangeMenu() {
  const ids = useId();
  // Held as state, not a ref, so the commands that open it may be built during render.
  const [input, setInput] = useState<HTMLInputElement | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  // Closes the menu on a click elsewhere.
  useEffect(() => {
    if (!open) return;
    const away = (event: MouseEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const chooseFile = () => {
    setError(null);
    input?.click();
  };

  const preview = async (file: File) => {
    setOpen(true);
    setBusy(`Reading ${file.name}…`);
    setError(null);
    try {
      const dataBase64 = await readAsBase64(file);
      setPending({ fileName: file.name, dataBase64, preview: await api.call('refi.previewImport', { fileName: file.name, dataBase64 }) });
      setOpen(false);
    } catch (err) {
      setError(`Could not import ${file.name}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };

  /** Imports into the open project, or into a new project in Quarry's folder named after the file's project. */
  const confirmImport = async (into: 'open' | 'new') => {
    if (!pending) return;
    setBusy(`Importing ${pending.fileName}…`);
    try {
      if (into === 'new') {
        const { projectsFolder } = await api.call('project.getAccess', {});
        // A new file: the time of the import makes its name unique (creating opens a file that exists).
        const stamp = new Date().toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
        const name = pending.preview.projectName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Imported project';
        await mutate('project.create', { path: `${projectsFolder}/${name} (imported ${stamp}).quarry`, name: pending.preview.projectName || name });
      }
      const result = await mutate('refi.import', { fileName: pending.fileName, dataBase64: pending.dataBase64, adoptProjectDetails: into === 'new' });
      announce(`Imported ${result.fileName}: ${summaryLines(result).join(', ')}. Undo takes it all back.`);
      setPending(null);
    } catch (err) {
      setPending(null);
      setOpen(true);
      setError(`Could not import ${pending.fileName}: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const exportAs = async (kind: 'project' | 'codebook') => {
    setBusy(kind === 'project' ? 'Exporting the project…' : 'Exporting the codebook…');
    setError(null);
    try {
      const file: ExportFile = kind === 'project' ? await api.call('refi.exportProject', {}) : await api.call('refi.exportCodebook', {});
      downloadFile(file);
      announce(`Exported ${file.fileName}.`);
      setOpen(false);
    } catch (err) {
      setOpen(true);
      setError(`Could not export: ${errorMessage(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const actions = [
    { id: 'exchange.import', title: 'Import a REFI-QDA project or codebook (.qdpx, .qdc)…', run: chooseFile },
    { id: 'exchange.exportProject', title: 'Export the project as REFI-QDA (.qdpx)', run: () => exportAs('project') },
    { id: 'exchange.exportCodebook', title: 'Export the codebook as REFI-QDA (.qdc)', run: () => exportAs('codebook') },
  ];
  useCommands(actions.map((action): Command => ({ ...action, category: 'File', when: () => !busy })));

  return (
    <div className="exchange" ref={root}>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={`${ids}-menu`}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
      >
        Import / Export
      </button>
      <input
        ref={setInput}
        type="file"
        className="visually-hidden"
        accept={accepted}
        aria-label="REFI-QDA file to import"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void preview(file);
        }}
      />
      {open && (
        <div id={`${ids}-menu`} className="popover exchange__menu" role="region" aria-label="Import and export" onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
          <p className="popover__title">REFI-QDA — NVivo, ATLAS.ti, MAXQDA, QualCoder</p>
          <div className="exchange__actions">
            {actions.map((action) => (
              <button key={action.id} type="button" className="button button--quiet exchange__action" disabled={Boolean(busy)} onClick={() => void action.run()}>
                {action.title}
              </button>
            ))}
          </div>
          {busy && (
            <p className="muted small" role="status">
              {busy}
            </p>
          )}
          <InlineError message={error} />
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={`Import ${pending?.fileName ?? ''}`}
        message={
          pending
            ? `${pending.preview.kind === 'codebook' ? 'A codebook' : `“${pending.preview.projectName}”`}${pending.preview.origin ? `, written by ${pending.preview.origin}` : ''}, brings:`
            : ''
        }
        confirmLabel="Import into this project"
        tone="primary"
        busy={Boolean(busy)}
        alternative={{ label: 'Import as a new project', onSelect: () => void confirmImport('new') }}
        onConfirm={() => void confirmImport('open')}
        onCancel={() => setPending(null)}
      >
        {pending && <ImportPreview summary={pending.preview} busy={busy} />}
      </ConfirmDialog>
    </div>
  );
}

function ImportPreview({ summary, busy }: { summary: RefiImportSummary; busy: string | null }) {
  return (
    <div className="exchange__preview">
      <ul aria-label="What the import brings">
        {summaryLines(summary).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {summary.codes.mergedPaths.length > 0 && (
        <details>
          <summary>Codes merged with codes already here ({summary.codes.mergedPaths.length})</summary>
          <ul className="exchange__paths">
            {summary.codes.mergedPaths.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
        </details>
      )}
      {summary.notes.length > 0 && (
        <>
          <p className="exchange__notes-title">To know before importing</p>
          <ul className="exchange__notes" aria-label="To know before importing">
            {summary.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted small">Into this project, the import is one step that undo takes back whole; as a new project, it leaves this one as it is.</p>
      {busy && (
        <p className="muted small" role="status">
          {busy}
        </p>
      )}
    </div>
  );
}
