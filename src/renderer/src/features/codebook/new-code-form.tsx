import { useState } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { allNodes, buildCodeTree } from '../../lib/code-tree';
import { InlineError } from '../../components/inline-error';

export function NewCodeForm({ codes, onDone }: { codes: Code[]; onDone(): void }) {
  const { codeId, selectCode } = useWorkspace();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState(codeId ?? '');
  const [definition, setDefinition] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="stack new-code-form"
      aria-label="New code"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        mutate('codes.create', { name, parentId: parentId || null, definition }).then(
          (code) => {
            selectCode(code.id);
            onDone();
          },
          (err: unknown) => setError(errorMessage(err)),
        );
      }}
    >
      <label className="field">
        <span className="field__label">Name</span>
        <input className="input" aria-label="Code name" value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
      </label>
      <label className="field">
        <span className="field__label">Parent</span>
        <select className="input" aria-label="Parent code" value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">None (top level)</option>
          {allNodes(buildCodeTree(codes)).map((node) => (
            <option key={node.code.id} value={node.code.id}>
              {'  '.repeat(node.depth)}
              {node.code.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">Definition (optional)</span>
        <textarea className="input" aria-label="New code definition" rows={2} value={definition} onChange={(e) => setDefinition(e.target.value)} />
      </label>
      <InlineError message={error} />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small">
          Add code
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
