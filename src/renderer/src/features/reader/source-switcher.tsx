import { useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';

/** A compact way to change the open source where there is no room for the full list. */
export function SourceSwitcher() {
  const { sourceId, openSource } = useWorkspace();
  const sources = useQuery('sources.list', {});
  return (
    <label className="field field--inline">
      <span className="field__label">Source</span>
      <select className="input source-switcher" value={sourceId ?? ''} onChange={(event) => openSource(event.target.value || null)}>
        {!sourceId && <option value="">Choose a source…</option>}
        {(sources.data ?? []).map((source) => (
          <option key={source.id} value={source.id}>
            {source.title}
          </option>
        ))}
      </select>
    </label>
  );
}
