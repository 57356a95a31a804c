import { useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFile } from '../../../../shared/api/areas/exports';
import { citationStyles, type CitationStyle } from '../../../../shared/domain/citation-styles';
import { api } from '../../api/client';
import { errorMessage, useQuery } from '../../api/use-api';
import { allNodes, buildCodeTree } from '../../lib/code-tree';
import { downloadFile } from '../../lib/download';
import { useCommands, type Command } from '../../state/commands';
import { announce } from '../../state/status';
import { InlineError } from '../../components/inline-error';
import './exports.css';

/** What can be exported from the project (the reference library exports from its own view). */
const kinds = {
  summary: { label: 'Annotated summary', formats: { pdf: 'PDF', docx: 'Word (.docx)', html: 'Web page (.html)', md: 'Markdown' }, narrows: true },
  segments: { label: 'Coded segments', formats: { xlsx: 'Excel (.xlsx)', csv: 'CSV' }, narrows: true },
  codebook: { label: 'Codebook', formats: { csv: 'CSV', md: 'Markdown' }, narrows: false },
  matrix: { label: 'Code × source matrix', formats: { xlsx: 'Excel (.xlsx)', csv: 'CSV' }, narrows: false },
  auditReport: { label: 'Citation audit report', formats: { docx: 'Word (.docx)', html: 'Web page (.html)', md: 'Markdown' }, narrows: false },
} as const;
type Kind = keyof typeof kinds;

function write(kind: Kind, format: string, options: { style: CitationStyle; sourceIds?: string[]; codeIds?: string[]; manuscriptId: string }): Promise<ExportFile> {
  switch (kind) {
    case 'summary':
      return api.call('exports.summary', { format: format as 'pdf', style: options.style, sourceIds: options.sourceIds, codeIds: options.codeIds });
    case 'segments':
      return api.call('exports.segments', { format: format as 'csv', sourceIds: options.sourceIds, codeIds: options.codeIds });
    case 'codebook':
      return api.call('exports.codebook', { format: format as 'csv' });
    case 'matrix':
      return api.call('exports.matrix', { format: format as 'csv' });
    case 'auditReport':
      return api.call('exports.auditReport', { sourceId: options.manuscriptId, format: format as 'md' });
  }
}

/** A set of checkboxes with "all" and "none"; every item is chosen at first. */
function Choice({ legend, items, chosen, onChange }: { legend: string; items: Array<{ id: string; label: string; depth?: number; colour?: string }>; chosen: Set<string>; onChange(next: Set<string>): void }) {
  return (
    <fieldset className="export-choice">
      <legend>
        {legend} <span className="muted small">({chosen.size} of {items.length})</span>
      </legend>
      <div className="button-row">
        <button type="button" className="button button--small button--quiet" onClick={() => onChange(new Set(items.map((i) => i.id)))}>
          All
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => onChange(new Set())}>
          None
        </button>
      </div>
      <ul className="export-choice__list">
        {items.map((item) => (
          <li key={item.id} style={{ paddingLeft: `${(item.depth ?? 0) * 1.1}rem` }}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(item.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.target.checked) next.add(item.id);
                  else next.delete(item.id);
                  onChange(next);
                }}
              />
              {item.colour && <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />}
              {item.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function ExportDialog({ initialKind, onClose }: { initialKind: Kind; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [kind, setKind] = useState<Kind>(initialKind);
  const [format, setFormat] = useState<string>(Object.keys(kinds[initialKind].formats)[0]!);
  const [style, setStyle] = useState<CitationStyle>('apa');
  const sources = useQuery('sources.list', {});
  const codes = useQuery('codes.list', {});
  const codeItems = useMemo(() => allNodes(buildCodeTree(codes.data ?? [])).map((n) => ({ id: n.code.id, label: n.code.name, depth: n.depth, colour: n.code.color })), [codes.data]);
  const [chosenSources, setChosenSources] = useState<Set<string> | null>(null);
  const [chosenCodes, setChosenCodes] = useState<Set<string> | null>(null);
  const manuscripts = (sources.data ?? []).filter((s) => s.kind === 'manuscript');
  const [manuscriptId, setManuscriptId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const sourceSet = chosenSources ?? new Set((sources.data ?? []).map((s) => s.id));
  const codeSet = chosenCodes ?? new Set(codeItems.map((c) => c.id));
  const spec = kinds[kind];
  const narrowed = <T,>(chosen: Set<string>, all: T[]) => (chosen.size === all.length ? undefined : [...chosen]);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await write(kind, format, {
        style,
        sourceIds: spec.narrows ? narrowed(sourceSet, sources.data ?? []) : undefined,
        codeIds: spec.narrows ? narrowed(codeSet, codeItems) : undefined,
        manuscriptId: manuscriptId || manuscripts[0]?.id || '',
      });
      downloadFile(file);
      announce(`Saved ${file.fileName}.`);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="confirm-dialog export-dialog" aria-label="Export" onCancel={onClose}>
      <h2 className="confirm-dialog__title">Export</h2>
      <div className="export-dialog__row">
        <label className="field">
          <span className="field__label">What</span>
          <select
            className="input"
            value={kind}
            onChange={(event) => {
              const next = event.target.value as Kind;
              setKind(next);
              setFormat(Object.keys(kinds[next].formats)[0]!);
            }}
          >
            {Object.entries(kinds).map(([id, k]) => (
              <option key={id} value={id}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Format</span>
          <select className="input" value={format} onChange={(event) => setFormat(event.target.value)}>
            {Object.entries(spec.formats).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {kind === 'summary' && (
          <label className="field">
            <span className="field__label">Citation style</span>
            <select className="input" value={style} onChange={(event) => setStyle(event.target.value as CitationStyle)}>
              {citationStyles.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'auditReport' && (
          <label className="field">
            <span className="field__label">Manuscript</span>
            <select className="input" value={manuscriptId || manuscripts[0]?.id || ''} onChange={(event) => setManuscriptId(event.target.value)}>
              {manuscripts.length === 0 && <option value="">No manuscript in this project</option>}
              {manuscripts.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {spec.narrows && (
        <div className="export-dialog__choices">
          <Choice legend="Sources" items={(sources.data ?? []).map((s) => ({ id: s.id, label: s.title }))} chosen={sourceSet} onChange={setChosenSources} />
          <Choice legend="Codes (with their sub-codes)" items={codeItems} chosen={codeSet} onChange={setChosenCodes} />
        </div>
      )}
      <InlineError message={error} />
      <div className="button-row button-row--end">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={busy || (spec.narrows && (sourceSet.size === 0 || codeSet.size === 0))}
          onClick={() => void run()}
        >
          {busy ? 'Writing…' : `Export ${spec.label.toLowerCase()}`}
        </button>
      </div>
    </dialog>
  );
}

/** The top bar's Export button and the export commands; both open the one dialog. */
export function ExportMenu() {
  const [open, setOpen] = useState<Kind | null>(null);
  const commands: Command[] = Object.entries(kinds).map(([id, k]) => ({ id: `export.${id}`, title: `Export ${k.label.toLowerCase()}…`, category: 'File', run: () => setOpen(id as Kind) }));
  useCommands(commands);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('summary')}>
        Export…
      </button>
      {open && <ExportDialog initialKind={open} onClose={() => setOpen(null)} />}
    </>
  );
}
