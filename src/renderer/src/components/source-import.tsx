import { useEffect, useRef } from 'react';
import { keysOf } from '../../../shared/app-menu';
import { formatChord } from '../state/commands';
import { cancelImports, dismissImports, importableExtensions, importFiles, registerFileChooser, summarise, useImports } from '../state/imports';
import { useWorkspace } from '../state/workspace';
import './source-import.css';

/** The import button, and the batch under way or just finished: one progress bar, each file's outcome, and a summary. */
export function SourceImport() {
  const { openSource } = useWorkspace();
  const batch = useImports();
  const input = useRef<HTMLInputElement>(null);
  const keys = keysOf('sources.importFiles');

  // While mounted, the Import sources command opens this input's file dialog.
  useEffect(() => registerFileChooser(input), []);

  const failed = batch?.outcomes.filter((o) => !o.ok) ?? [];
  return (
    <div className="source-import">
      <label className="button button--primary file-button" title={keys ? `Import sources (${formatChord(keys[0]!)})` : undefined}>
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          multiple
          accept={importableExtensions.join(',')}
          aria-label="Import sources"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            importFiles(files, (source) => openSource(source.id));
          }}
        />
        <span aria-hidden="true">+ Import sources…</span>
      </label>
      <p className="muted small">Text, Markdown, HTML, Word (.docx) or PDF — or drop files anywhere on the window</p>
      {batch && (
        <section className="import-batch" aria-label="Import">
          <div className="import-batch__head">
            <strong>{batch.running ? `${batch.cancelling ? 'Cancelling' : 'Importing'}: ${batch.done} of ${batch.total} done` : summarise(batch.outcomes)}</strong>
            {batch.running && (
              <button type="button" className="button button--small button--quiet" onClick={cancelImports} disabled={batch.cancelling}>
                Cancel import
              </button>
            )}
            {!batch.running && (
              <button type="button" className="icon-button" aria-label="Dismiss the import summary" onClick={dismissImports}>
                ×
              </button>
            )}
          </div>
          <progress max={batch.total} value={batch.done} aria-label={`Files imported: ${batch.done} of ${batch.total}`} />
          {batch.reading.length > 0 && <p className="muted small import-batch__reading">Reading {batch.reading.join(', ')}</p>}
          {failed.length > 0 && (
            <ul className="import-log" aria-label="Files not imported">
              {failed.map((outcome, index) => (
                <li key={index} className="import-log__row import-log__row--failed">
                  <strong>{outcome.name}</strong> <span>{outcome.message}</span>
                </li>
              ))}
            </ul>
          )}
          {!batch.running && batch.outcomes.some((o) => o.ok) && (
            <ul className="import-log" aria-label="Files imported">
              {batch.outcomes
                .filter((o) => o.ok)
                .map((outcome, index) => (
                  <li key={index} className="import-log__row import-log__row--done">
                    <strong>{outcome.name}</strong> <span>{outcome.message}</span>
                  </li>
                ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
