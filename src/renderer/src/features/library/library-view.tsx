import { useState } from 'react';
import { citationStyles, type CitationStyle } from '../../../../shared/domain/citation-styles';
import { referenceLabel, referenceTypeLabels, referenceTypes, type LibraryReference, type ReferenceType } from '../../../../shared/domain/library';
import type { ReferenceFileFormat } from '../../../../shared/domain/library-import';
import { api } from '../../api/client';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { downloadFile } from '../../lib/download';
import { announce } from '../../state/status';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { InlineError } from '../../components/inline-error';
import { LibraryImport } from './library-import';
import './library.css';

const emptyFields = { type: 'article-journal' as ReferenceType, title: '', authors: '', year: '', container: '', volume: '', issue: '', pages: '', publisher: '', doi: '', url: '' };

/** Adding a reference by hand: authors one per line, "Family, Given" or an organisation's name. */
function AddReference({ onDone }: { onDone(): void }) {
  const [fields, setFields] = useState(emptyFields);
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof typeof emptyFields) => (event: { target: { value: string } }) => setFields({ ...fields, [name]: event.target.value });
  const text = (name: keyof typeof emptyFields, label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input className="input" value={fields[name]} onChange={set(name)} />
    </label>
  );
  const save = async () => {
    try {
      const added = await mutate('library.add', { fields: { ...fields, authors: fields.authors.split('\n').map((a) => a.trim()).filter(Boolean) } });
      announce(`Added ${referenceLabel(added)}.`);
      setFields(emptyFields);
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form
      className="library-add"
      aria-label="Add a reference"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="library-add__grid">
        <label className="field">
          <span className="field__label">Type</span>
          <select className="input" value={fields.type} onChange={set('type')}>
            {referenceTypes.map((type) => (
              <option key={type} value={type}>
                {referenceTypeLabels[type]}
              </option>
            ))}
          </select>
        </label>
        {text('title', 'Title')}
        <label className="field">
          <span className="field__label">Authors, one per line (Family, Given — or an organisation)</span>
          <textarea className="input" rows={2} value={fields.authors} onChange={set('authors')} />
        </label>
        {text('year', 'Year')}
        {text('container', 'Journal or book')}
        {text('volume', 'Volume')}
        {text('issue', 'Issue')}
        {text('pages', 'Pages')}
        {text('publisher', 'Publisher')}
        {text('doi', 'DOI')}
        {text('url', 'Web address')}
      </div>
      <InlineError message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={!fields.title.trim()}>
          Add reference
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Duplicates({ library }: { library: LibraryReference[] }) {
  const groups = useQuery('library.duplicates', {});
  const [merging, setMerging] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map(library.map((r) => [r.id, r]));
  if (!groups.data?.length) return null;
  return (
    <section className="library-duplicates" aria-label="Possible duplicates">
      <h3>Possible duplicates ({groups.data.length})</h3>
      <ul>
        {groups.data.map((group) => (
          <li key={group.ids.join()}>
            {group.ids.map((id) => (byId.get(id) ? referenceLabel(byId.get(id)!) : id)).join(' · ')}{' '}
            <button type="button" className="button button--small" onClick={() => setMerging(group.ids)}>
              Merge…
            </button>
          </li>
        ))}
      </ul>
      <InlineError message={error} />
      <ConfirmDialog
        open={merging !== null}
        title="Merge references"
        message={`Keep “${merging && byId.get(merging[0]!) ? referenceLabel(byId.get(merging[0]!)!) : ''}” and fill its empty fields from the ${(merging?.length ?? 1) - 1} other(s), which are then removed?`}
        confirmLabel="Merge"
        onCancel={() => setMerging(null)}
        onConfirm={() => {
          const [keepId, ...mergeIds] = merging!;
          setMerging(null);
          mutate('library.merge', { keepId: keepId!, mergeIds }).then(
            (kept) => announce(`Merged into ${referenceLabel(kept)}.`),
            (failure: unknown) => setError(errorMessage(failure)),
          );
        }}
      />
    </section>
  );
}

function Bibliography({ style }: { style: CitationStyle }) {
  const formatted = useQuery('library.format', { style });
  if (formatted.error) return <InlineError message={formatted.error} />;
  return (
    <ol className="library-bibliography" aria-label="Bibliography">
      {formatted.data?.entries.map((entry) => (
        <li key={entry.id}>
          {entry.text} <span className="muted small">{entry.citation}</span>
        </li>
      ))}
    </ol>
  );
}

export function LibraryView() {
  const library = useQuery('library.list', {});
  const sources = useQuery('sources.list', {});
  const [adding, setAdding] = useState(false);
  const [style, setStyle] = useState<CitationStyle>('apa');
  const [filter, setFilter] = useState('');
  const [removing, setRemoving] = useState<LibraryReference | null>(null);
  const [error, setError] = useState<string | null>(null);
  const manuscripts = (sources.data ?? []).filter((s) => s.kind === 'manuscript');
  const references = (library.data ?? []).filter((r) => !filter || `${r.authors.join(' ')} ${r.year ?? ''} ${r.title}`.toLowerCase().includes(filter.toLowerCase()));
  const sourceTitle = new Map((sources.data ?? []).map((s) => [s.id, s.title]));

  const run = (work: Promise<unknown>) => work.catch((failure: unknown) => setError(errorMessage(failure)));
  const exportAs = (format: ReferenceFileFormat) =>
    run(api.call('exports.references', { format }).then((file) => (downloadFile(file), announce(`Saved ${file.fileName}.`))));
  const exportBibliography = (format: 'html' | 'md') =>
    run(api.call('exports.bibliography', { format, style }).then((file) => (downloadFile(file), announce(`Saved ${file.fileName}.`))));

  return (
    <div className="library-view">
      <header className="view-header">
        <div>
          <h2 className="view-header__title">Reference library</h2>
          <p className="muted">{library.data ? `${library.data.length} references` : 'Loading…'} · works the project reads and cites, kept once each.</p>
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setAdding(!adding)} aria-expanded={adding}>
            Add by hand…
          </button>
          {manuscripts.length > 0 && (
            <select
              className="input input--compact"
              aria-label="Take the references of an audited manuscript"
              value=""
              onChange={(event) => {
                const sourceId = event.target.value;
                if (sourceId) void run(mutate('library.takeFromAudit', { sourceId }).then((r) => announce(`Took ${r.added.length} new and ${r.merged.length} known references.`)));
              }}
            >
              <option value="">Take an audited manuscript’s references…</option>
              {manuscripts.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          )}
        </div>
      </header>
      <LibraryImport />
      {adding && <AddReference onDone={() => setAdding(false)} />}
      <InlineError message={error ?? library.error} />
      <Duplicates library={library.data ?? []} />
      <section className="library-table-wrap" aria-label="References">
        <div className="button-row library-toolbar">
          <input className="input input--compact" type="search" placeholder="Filter by author, year or title" aria-label="Filter references" value={filter} onChange={(event) => setFilter(event.target.value)} />
          <span className="library-toolbar__spacer" />
          <span className="muted small">Export the library:</span>
          {(['bibtex', 'ris', 'csl-json'] as const).map((format) => (
            <button key={format} type="button" className="button button--small" disabled={!library.data?.length} onClick={() => void exportAs(format)}>
              {format === 'bibtex' ? 'BibTeX' : format === 'ris' ? 'RIS' : 'CSL-JSON'}
            </button>
          ))}
        </div>
        {library.data?.length === 0 && <p className="empty-state">The library is empty. Import a .bib, .ris or CSL-JSON file, a Zotero export, or an audited manuscript’s references.</p>}
        {references.length > 0 && (
          <table className="library-table">
            <thead>
              <tr>
                <th scope="col">Authors</th>
                <th scope="col">Year</th>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Full text</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {references.map((reference) => (
                <tr key={reference.id}>
                  <td>{reference.authors.join(', ') || '—'}</td>
                  <td>{reference.year ?? 'n.d.'}</td>
                  <td>
                    {reference.title}
                    {reference.doi && <div className="muted small">doi:{reference.doi}</div>}
                  </td>
                  <td className="muted small">{referenceTypeLabels[reference.type as ReferenceType] ?? reference.type}</td>
                  <td>
                    <select
                      className="input input--compact"
                      aria-label={`Full text of ${referenceLabel(reference)}`}
                      value={reference.fullTextSourceId ?? ''}
                      onChange={(event) => void run(mutate('library.linkFullText', { referenceId: reference.id, sourceId: event.target.value || null }))}
                    >
                      <option value="">None</option>
                      {(sources.data ?? []).map((s) => (
                        <option key={s.id} value={s.id}>
                          {sourceTitle.get(s.id)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" className="button button--small button--quiet" aria-label={`Delete ${referenceLabel(reference)}`} onClick={() => setRemoving(reference)}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {(library.data?.length ?? 0) > 0 && (
        <section className="library-formatted" aria-label="Formatted bibliography">
          <div className="button-row">
            <h3>Bibliography</h3>
            <select className="input input--compact" aria-label="Citation style" value={style} onChange={(event) => setStyle(event.target.value as CitationStyle)}>
              {citationStyles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <button type="button" className="button button--small" onClick={() => void exportBibliography('html')}>
              Export as HTML
            </button>
            <button type="button" className="button button--small" onClick={() => void exportBibliography('md')}>
              Export as Markdown
            </button>
          </div>
          <Bibliography style={style} />
        </section>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Delete reference"
        message={`Delete ${removing ? referenceLabel(removing) : ''} from the library? Its full-text source stays in the project.`}
        confirmLabel="Delete"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing!.id;
          setRemoving(null);
          void run(mutate('library.remove', { ids: [id] }));
        }}
      />
    </div>
  );
}
