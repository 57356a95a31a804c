import { useState } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { errorMessage, mutate, useQuery } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { allNodes, buildCodeTree, codePath, subtreeIds } from '../../lib/code-tree';
import { InlineError } from '../../components/inline-error';
import { AffectedConclusions } from '../../components/evidence-guard';

/** Colour, place in the tree, definition and deletion of the selected code. */
export function CodeDetails({ code, codes, onRename }: { code: Code; codes: Code[]; onRename(): void }) {
  const { selectCode, setCodeFilter } = useWorkspace();
  const [definition, setDefinition] = useState(code.definition);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const subtree = subtreeIds(codes, code.id);
  const doomedCodings = codes.filter((c) => subtree.has(c.id)).reduce((sum, c) => sum + c.codingCount, 0);
  const affected = useQuery('conclusions.affectedBy', confirming ? { codeIds: [...subtree] } : null);
  const parents = allNodes(buildCodeTree(codes)).filter((node) => !subtree.has(node.code.id));

  const update = (change: { color?: string; parentId?: string | null; definition?: string }) => {
    setError(null);
    return mutate('codes.update', { id: code.id, ...change }).catch((err: unknown) => setError(errorMessage(err)));
  };

  return (
    <div className="code-details" aria-label={`Code ${code.name}`} role="group">
      <h3 className="code-details__title">
        <span className="swatch" style={{ background: code.color }} aria-hidden="true" /> {codePath(codes, code.id)}
      </h3>
      <div className="code-details__row">
        <label className="field field--inline">
          <span className="field__label">Colour</span>
          <input type="color" className="color-input" aria-label="Code colour" value={code.color} onChange={(e) => void update({ color: e.target.value })} />
        </label>
        <button type="button" className="button button--small" onClick={onRename}>
          Rename
        </button>
        <button type="button" className="button button--small" onClick={() => setCodeFilter(code.id)}>
          Show in reader
        </button>
      </div>
      <label className="field">
        <span className="field__label">Move under…</span>
        <select
          className="input"
          aria-label="Move under…"
          value={code.parentId ?? ''}
          onChange={(e) => void update({ parentId: e.target.value || null })}
        >
          <option value="">Top level</option>
          {parents.map((node) => (
            <option key={node.code.id} value={node.code.id}>
              {'  '.repeat(node.depth)}
              {node.code.name}
            </option>
          ))}
        </select>
      </label>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void update({ definition });
        }}
      >
        <label className="field">
          <span className="field__label">Definition</span>
          <textarea className="input" aria-label="Definition" rows={3} value={definition} onChange={(e) => setDefinition(e.target.value)} placeholder="When to apply this code, and when not to." />
        </label>
        <div className="button-row">
          <button type="submit" className="button button--small" disabled={definition === code.definition}>
            Save definition
          </button>
          <button type="button" className="button button--small button--danger" onClick={() => setConfirming(true)}>
            Delete code
          </button>
        </div>
      </form>
      <InlineError message={error} />
      <ConfirmDialog
        open={confirming}
        title="Delete code"
        message={`Delete “${code.name}”${subtree.size > 1 ? ` and its ${subtree.size - 1} sub-codes` : ''}? ${doomedCodings} ${doomedCodings === 1 ? 'coding goes' : 'codings go'} with it. You can undo this.`}
        confirmLabel="Delete"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          mutate('codes.remove', { id: code.id }).then(
            () => selectCode(null),
            (err: unknown) => setError(errorMessage(err)),
          );
        }}
      >
        <AffectedConclusions conclusions={affected.data ?? []} />
      </ConfirmDialog>
    </div>
  );
}
