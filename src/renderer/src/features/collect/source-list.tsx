import { sourceKindLabels, type SourceSummary } from '../../../../shared/domain/model';

interface Props {
  sources: SourceSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
}

export function SourceList({ sources, selectedId, onSelect }: Props) {
  if (sources.length === 0) return <p className="empty-state">No sources yet. Import a file to begin.</p>;
  return (
    <ul className="source-list" aria-label="Sources">
      {sources.map((source) => (
        <li key={source.id}>
          <button
            type="button"
            className={`source-item${source.id === selectedId ? ' is-selected' : ''}`}
            aria-current={source.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(source.id)}
          >
            <span className="source-item__title">{source.title}</span>
            <span className="source-item__meta">
              <span className="badge">{sourceKindLabels[source.kind]}</span>
              <span className={`stage-badge stage-badge--${source.stage}`}>{source.stage}</span>
              <span className="muted">
                {source.codingCount} {source.codingCount === 1 ? 'coding' : 'codings'}
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
