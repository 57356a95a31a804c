import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { errorMessage, mutate } from '../../api/use-api';
import { useWorkspace } from '../../state/workspace';
import { buildCodeTree, subtreeIds, visibleNodes, type CodeNode } from '../../lib/code-tree';
import { CodeDetails } from './code-details';
import { NewCodeForm } from './new-code-form';
import './codebook.css';
import { InlineError } from '../../components/inline-error';

const dragType = 'application/x-quarry-code';

/** The codebook as an ARIA tree: arrows move, Right/Left open and close, F2 renames, drag a code onto another to nest it. */
export function Codebook({ codes }: { codes: Code[] }) {
  const { codeId, selectCode } = useWorkspace();
  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const visible = visibleNodes(tree, collapsed);
  const selected = codes.find((c) => c.id === codeId) ?? null;
  const focusable = visible.some((n) => n.code.id === codeId) ? codeId : (visible[0]?.code.id ?? null);

  const focusItem = (id: string) => {
    treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(id)}"]`)?.focus();
    selectCode(id);
  };

  const toggle = (id: string, open?: boolean) =>
    setCollapsed((set) => {
      const next = new Set(set);
      if (open ?? next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const move = (id: string, parentId: string | null) => {
    setError(null);
    mutate('codes.update', { id, parentId }).catch((err: unknown) => setError(errorMessage(err)));
  };

  const onKeyDown = (event: KeyboardEvent, node: CodeNode) => {
    if (renaming) return;
    const index = visible.indexOf(node);
    const id = node.code.id;
    const hasChildren = node.children.length > 0;
    const go = (target: CodeNode | undefined) => {
      if (!target) return;
      event.preventDefault();
      focusItem(target.code.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(visible[index + 1]);
      case 'ArrowUp':
        return go(visible[index - 1]);
      case 'Home':
        return go(visible[0]);
      case 'End':
        return go(visible.at(-1));
      case 'ArrowRight':
        event.preventDefault();
        if (hasChildren && collapsed.has(id)) toggle(id, true);
        else if (hasChildren) go(node.children[0]);
        return;
      case 'ArrowLeft':
        event.preventDefault();
        if (hasChildren && !collapsed.has(id)) toggle(id, false);
        else if (node.code.parentId) focusItem(node.code.parentId);
        return;
      case 'Enter':
      case ' ':
        event.preventDefault();
        selectCode(id);
        return;
      case 'F2':
        event.preventDefault();
        setRenaming(id);
        return;
    }
  };

  const allowDrop = (event: DragEvent, parentId: string | null) => {
    if (!event.dataTransfer.types.includes(dragType)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    setDropTarget(parentId ?? '');
  };

  const drop = (event: DragEvent, parentId: string | null) => {
    const id = event.dataTransfer.getData(dragType);
    event.preventDefault();
    event.stopPropagation();
    setDropTarget(null);
    if (!id || id === parentId) return;
    if (parentId && subtreeIds(codes, id).has(parentId)) {
      setError('A code cannot be moved under itself or one of its own sub-codes.');
      return;
    }
    if ((codes.find((c) => c.id === id)?.parentId ?? null) !== parentId) move(id, parentId);
  };

  const renderNode = (node: CodeNode) => {
    const { code } = node;
    const hasChildren = node.children.length > 0;
    const open = !collapsed.has(code.id);
    return (
      <li
        key={code.id}
        role="treeitem"
        aria-level={node.depth + 1}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={code.id === codeId}
        aria-label={`${code.name}, ${code.codingCount} ${code.codingCount === 1 ? 'coding' : 'codings'}`}
        data-code-id={code.id}
        tabIndex={code.id === focusable ? 0 : -1}
        className="tree-item"
        onKeyDown={(event) => {
          if (event.target === event.currentTarget) onKeyDown(event, node);
        }}
        onFocus={(event) => event.target === event.currentTarget && selectCode(code.id)}
      >
        <div
          className={`tree-row${code.id === codeId ? ' is-selected' : ''}${dropTarget === code.id ? ' is-drop-target' : ''}`}
          style={{ paddingLeft: `${0.5 + node.depth * 1.1}rem` }}
          draggable={renaming !== code.id}
          onDragStart={(event) => {
            event.dataTransfer.setData(dragType, code.id);
            event.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(event) => allowDrop(event, code.id)}
          onDragLeave={() => setDropTarget(null)}
          onDrop={(event) => drop(event, code.id)}
          onClick={() => selectCode(code.id)}
          onDoubleClick={() => setRenaming(code.id)}
        >
          <span
            className={`twisty${hasChildren ? '' : ' twisty--leaf'}`}
            aria-hidden="true"
            onClick={(event) => {
              event.stopPropagation();
              if (hasChildren) toggle(code.id);
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
          {renaming === code.id ? (
            <RenameInput code={code} onDone={() => setRenaming(null)} onError={setError} />
          ) : (
            <span className="tree-row__name" title={code.definition ? `${code.name}: ${code.definition}` : code.name}>
              {code.name}
            </span>
          )}
          <span className="count" aria-hidden="true">
            {code.codingCount}
          </span>
        </div>
        {hasChildren && open && (
          <ul role="group" className="tree-group">
            {node.children.map(renderNode)}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section className="panel codebook" aria-label="Codebook panel">
      <div className="panel__header">
        <h2 className="panel__title">Codebook</h2>
        <span className="count">{codes.length}</span>
        <button type="button" className="button button--small" aria-expanded={creating} onClick={() => setCreating(!creating)}>
          New code
        </button>
      </div>
      {creating && <NewCodeForm codes={codes} onDone={() => setCreating(false)} />}
      <div
        className={`tree-scroll${dropTarget === '' ? ' is-drop-target' : ''}`}
        onDragOver={(event) => allowDrop(event, null)}
        onDragLeave={() => setDropTarget(null)}
        onDrop={(event) => drop(event, null)}
      >
        <ul role="tree" aria-label="Codebook" className="tree" ref={treeRef}>
          {tree.map(renderNode)}
        </ul>
        {codes.length === 0 && <p className="empty-state">No codes yet. Create one, or select text and name a new code.</p>}
        {codes.length > 0 && <p className="tree-hint">Drag a code onto another to nest it, or here to move it to the top level.</p>}
      </div>
      <InlineError message={error} />
      {selected && <CodeDetails key={selected.id} code={selected} codes={codes} onRename={() => setRenaming(selected.id)} />}
    </section>
  );
}

function RenameInput({ code, onDone, onError }: { code: Code; onDone(): void; onError(message: string | null): void }) {
  const [name, setName] = useState(code.name);
  const save = () => {
    if (!name.trim() || name.trim() === code.name) return onDone();
    onError(null);
    mutate('codes.update', { id: code.id, name }).then(onDone, (err: unknown) => onError(errorMessage(err)));
  };
  return (
    <input
      className="input input--inline"
      aria-label="Rename code"
      value={name}
      autoFocus
      onFocus={(event) => event.target.select()}
      onChange={(event) => setName(event.target.value)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') save();
        if (event.key === 'Escape') onDone();
      }}
      onBlur={save}
    />
  );
}
