import { useState } from 'react';
import type { ReferenceImportPreview, ReferenceImportResult } from '../../../../shared/domain/library-import';
import { api } from '../../api/client';
import { errorMessage, mutate } from '../../api/use-api';
import { readAsBase64, readAsText, relativePath } from '../../lib/files';
import { dropTask } from '../../state/status';
import { InlineError } from '../../components/inline-error';

const referenceFiles = /\.(bib|bibtex|biblatex|ris|json)$/i;
const lines = (part: { line: number; endLine: number }) => (part.line === part.endLine ? `line ${part.line}` : `lines ${part.line}–${part.endLine}`);

interface Pending {
  fileName: string;
  text: string;
  /** The other files of a chosen folder, by their path in it: a Zotero export's attachments. */
  files: File[];
  preview: ReferenceImportPreview;
}

/**
 * Importing a reference file, or a Zotero export's folder with its files: a preview first, where
 * each record that is a work already in the library is merged only if the user leaves it ticked.
 */
export function LibraryImport() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [keepApart, setKeepApart] = useState<Set<number>>(new Set());
  const [result, setResult] = useState<ReferenceImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const choose = async (chosen: File[]) => {
    setError(null);
    setResult(null);
    const bib = chosen.find((file) => referenceFiles.test(file.name));
    if (!bib) {
      setError('Choose a BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) file, or a folder that holds one.');
      return;
    }
    try {
      const text = await readAsText(bib);
      const files = chosen.filter((file) => file !== bib);
      const preview = await api.call('library.previewImport', { fileName: bib.name, text, attachmentPaths: files.map(relativePath) });
      setKeepApart(new Set());
      setPending({ fileName: bib.name, text, files, preview });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const wanted = new Set(pending.preview.records.flatMap((record) => record.attachments.filter((a) => a.found).map((a) => a.path.split(/[\\/]/).pop())));
      const attachments = await Promise.all(
        pending.files.filter((file) => wanted.has(file.name)).map(async (file) => ({ path: relativePath(file), dataBase64: await readAsBase64(file) })),
      );
      setResult(await mutate('library.import', { fileName: pending.fileName, text: pending.text, attachments, keepApart: [...keepApart] }));
      setPending(null);
    } catch (failure) {
      dropTask(`references:${pending.fileName}`);
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const duplicates = pending?.preview.records.filter((record) => record.duplicateOf || record.repeats !== null) ?? [];
  return (
    <section className="library-import" aria-label="Reference import">
      <div className="button-row">
        <label className="button button--primary file-button">
          <input
            type="file"
            className="visually-hidden"
            accept=".bib,.bibtex,.biblatex,.ris,.json"
            aria-label="Import references"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length) void choose(files);
            }}
          />
          <span aria-hidden="true">+ Import references…</span>
        </label>
        <label className="button file-button">
          <input
            type="file"
            className="visually-hidden"
            aria-label="Import a Zotero export folder"
            // A folder picker: a Zotero collection exported with its files is a .bib (or .json) beside files/.
            {...({ webkitdirectory: '' } as object)}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              if (files.length) void choose(files);
            }}
          />
          <span aria-hidden="true">Import a Zotero export with its files…</span>
        </label>
      </div>
      <p className="muted small">BibTeX, BibLaTeX, RIS or CSL-JSON. A Zotero export folder brings its attached PDFs in as sources, linked as each reference’s full text.</p>
      <InlineError message={error} />
      {pending && (
        <div className="library-preview" role="region" aria-label="Import preview">
          <h3>
            {pending.fileName}: {pending.preview.records.length} references to import
          </h3>
          {duplicates.length > 0 && (
            <>
              <p>
                {duplicates.length} {duplicates.length === 1 ? 'is a work' : 'are works'} already in the library (same DOI, or same authors, year and title). Ticked ones are merged: the
                library’s reference keeps its fields and gains those it lacks.
              </p>
              <ul className="library-preview__list">
                {duplicates.map((record) => (
                  <li key={record.index}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!keepApart.has(record.index)}
                        onChange={(event) => {
                          const next = new Set(keepApart);
                          if (event.target.checked) next.delete(record.index);
                          else next.add(record.index);
                          setKeepApart(next);
                        }}
                      />
                      Merge line {record.line} ({record.authors[0] ?? 'Anon.'} {record.year ?? 'n.d.'}, {record.title}) into{' '}
                      {record.duplicateOf ? `“${record.duplicateOf.label}”` : `the record on line ${pending.preview.records[record.repeats!]?.line}`}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {pending.preview.records.some((r) => r.attachments.length > 0) && (
            <p>
              Attached files found: {pending.preview.records.flatMap((r) => r.attachments).filter((a) => a.found).length} of{' '}
              {pending.preview.records.flatMap((r) => r.attachments).length}.
            </p>
          )}
          {pending.preview.skipped.length > 0 && (
            <>
              <p>Not imported, or imported with a problem:</p>
              <ul className="library-preview__list">
                {pending.preview.skipped.map((part, index) => (
                  <li key={index}>
                    {lines(part)}: {part.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={busy || pending.preview.records.length === 0} onClick={() => void confirm()}>
              {busy ? 'Importing…' : 'Import'}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {result && (
        <div className="library-result" role="status">
          <strong>
            {result.fileName}: {result.added.length} added, {result.merged.length} merged, {result.skipped.filter((s) => !s.kept).length} skipped
            {result.fullTexts.length > 0 ? `, ${result.fullTexts.length} full texts imported as sources` : ''}.
          </strong>
          {(result.skipped.length > 0 || result.missingFiles.length > 0) && (
            <ul className="library-preview__list">
              {result.skipped.map((part, index) => (
                <li key={`s${index}`}>
                  {lines(part)}: {part.reason}
                </li>
              ))}
              {result.missingFiles.map((missing, index) => (
                <li key={`m${index}`}>
                  line {missing.line}: {missing.path} — {missing.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
