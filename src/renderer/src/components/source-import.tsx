import { useState } from 'react';
import { errorMessage, mutate } from '../api/use-api';
import { readAsBase64 } from '../lib/files';
import { dropTask } from '../state/status';
import { useWorkspace } from '../state/workspace';

const accepted = '.txt,.md,.markdown,.html,.htm,.docx,.pdf';

interface ImportRow {
  key: number;
  name: string;
  state: 'working' | 'done' | 'failed';
  message: string;
}

let nextKey = 1;

/** The import button and the outcome of each file; one broken file does not stop the others. */
export function SourceImport() {
  const { openSource } = useWorkspace();
  const [rows, setRows] = useState<ImportRow[]>([]);

  const update = (key: number, change: Partial<ImportRow>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const importFiles = async (files: File[]) => {
    const queued = files.map((file) => ({ file, key: nextKey++ }));
    setRows((all) => [...queued.map(({ file, key }) => ({ key, name: file.name, state: 'working' as const, message: 'Importing…' })), ...all].slice(0, 8));
    for (const { file, key } of queued) {
      try {
        const summary = await mutate('sources.import', { fileName: file.name, dataBase64: await readAsBase64(file) });
        update(key, { state: 'done', message: `Imported as “${summary.title}”.` });
        openSource(summary.id);
      } catch (error) {
        // The import handler names its progress task after the file; a failed one would otherwise stay "running".
        dropTask(`import:${file.name}`);
        update(key, { state: 'failed', message: errorMessage(error) });
      }
    }
  };

  return (
    <div className="source-import">
      <label className="button button--primary file-button">
        <input
          type="file"
          className="visually-hidden"
          multiple
          accept={accepted}
          aria-label="Import sources"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = '';
            if (files.length) void importFiles(files);
          }}
        />
        <span aria-hidden="true">+ Import sources…</span>
      </label>
      <p className="muted small">Text, Markdown, HTML, Word (.docx) or PDF</p>
      {rows.length > 0 && (
        <ul className="import-log" aria-label="Imports">
          {rows.map((row) => (
            <li key={row.key} className={`import-log__row import-log__row--${row.state}`} role={row.state === 'failed' ? 'alert' : 'status'}>
              <strong>{row.name}</strong> <span>{row.state === 'failed' ? `Could not import: ${row.message}` : row.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
