import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { legibleCodeColour } from '../../../../shared/domain/rules/palette';
import { errorMessage, mutate } from '../../api/use-api';
import { InlineError } from '../../components/inline-error';
import { aggregatedCounts, buildCodeTree, filterTree, subtreeIds, type CodeNode } from '../../lib/code-tree';
import { useCommands } from '../../state/commands';
import { announce } from '../../state/status';
import { useWorkspace } from '../../state/workspace';
import { CodeDetails } from './code-details';
import { NewCodeForm } from './new-code-form';
import './codebook.css';

const dragType = 'application/x-quarry-code';
const rowHeight = 28;

type DropPlace = { id: string | null; where: 'before' | 'inside' | 'after' };

/**
 * The codebook as an ARIA tree, rendering only the rows in view: arrows move, Right/Left open
 * and close, F2 renames, Alt+arrows move a code among its siblings and in and out of a parent,
 * and a code dragged onto another nests in it (or goes before or after it near its edges).
 */
export function Codebook({ codes }: { codes: Code[] }) {
  const { codeId, selectCode } = useWorkspace();
  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const totals = useMemo(() => aggregatedCounts(tree), [tree]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [drop, setDrop] = useState<DropPlace | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  const { nodes: visible, matches } = useMemo(() => filterTree(tree, collapsed, filter), [tree, collapsed, filter]);
  const indexOf = useMemo(() => new Map(visible.map((n, i) => [n.code.id, i])), [visible]);
  const byId = useMemo(() => new Map(visible.map((n) => [n.code.id, n])), [visible]);
  const selected = codes.find((c) => c.id === codeId) ?? null;
  const focusable = codeId && indexOf.has(codeId) ? codeId : (visible[0]?.code.id ?? null);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler runs here
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 12 });

  const focusItem = (id: string) => {
    const index = indexOf.get(id);
    if (index === undefined) return;
    selectCode(id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => treeRef.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(id)}"]`)?.focus());
  };

  const toggle = (id: string, open?: boolean) =>
    setCollapsed((set) => {
      const next = new Set(set);
      if (open ?? next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const siblingsOf = (code: Code) => codes.filter((c) => c.parentId === code.parentId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));

  /** Moves a code to `parentId` at `index` among its new siblings, keeping focus on it. */
  const move = (code: Code, parentId: string | null, index: number) => {
    setError(null);
    if (parentId && subtreeIds(codes, code.id).has(parentId)) {
      setError('A code cannot be moved under itself or one of its own sub-codes.');
      return;
    }
    mutate('codes.move', { id: code.id, parentId, index }).then(
      () => {
        announce(`Moved ${code.name}`);
        if (parentId) toggle(parentId, true);
        focusItem(code.id);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  };

  /** Alt+arrows: up and down among siblings, right into the sibling above, left out beside the parent. */
  const moveByKey = (code: Code, key: string) => {
    const siblings = siblingsOf(code);
    const at = siblings.findIndex((c) => c.id === code.id);
    if (key === 'ArrowUp' && at > 0) move(code, code.parentId, at - 1);
    else if (key === 'ArrowDown' && at < siblings.length - 1) move(code, code.parentId, at + 1);
    else if (key === 'ArrowRight' && at > 0) move(code, siblings[at - 1]!.id, Number.MAX_SAFE_INTEGER);
    else if (key === 'ArrowLeft' && code.parentId) {
      const parent = codes.find((c) => c.id === code.parentId)!;
      move(code, parent.parentId, siblingsOf(parent).findIndex((c) => c.id === parent.id) + 1);
    }
  };

  const onKeyDown = (event: KeyboardEvent, node: CodeNode) => {
    if (renaming) return;
    const index = indexOf.get(node.code.id)!;
    const id = node.code.id;
    const hasChildren = node.children.length > 0;
    const go = (target: CodeNode | undefined) => {
      if (!target) return;
      event.preventDefault();
      focusItem(target.code.id);
    };
    if (event.altKey && event.key.startsWith('Arrow')) {
      event.preventDefault();
      moveByKey(node.code, event.key);
      return;
    }
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

  const placeFor = (event: DragEvent, code: Code | null): DropPlace => {
    if (!code) return { id: null, where: 'inside' };
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const y = (event.clientY - box.top) / box.height;
    return { id: code.id, where: y < 0.28 ? 'before' : y > 0.72 ? 'after' : 'inside' };
  };

  const allowDrop = (event: DragEvent, code: Code | null) => {
    if (!event.dataTransfer.types.includes(dragType)) return;
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'move';
    const place = placeFor(event, code);
    if (place.id !== drop?.id || place.where !== drop?.where) setDrop(place);
  };

  const onDrop = (event: DragEvent, target: Code | null) => {
    const id = event.dataTransfer.getData(dragType);
    event.preventDefault();
    event.stopPropagation();
    const place = placeFor(event, target);
    setDrop(null);
    const code = codes.find((c) => c.id === id);
    if (!code || id === target?.id) return;
    if (!target) return move(code, null, Number.MAX_SAFE_INTEGER);
    if (place.where === 'inside') return move(code, target.id, Number.MAX_SAFE_INTEGER);
    const siblings = siblingsOf(target).filter((c) => c.id !== code.id);
    const at = siblings.findIndex((c) => c.id === target.id);
    move(code, target.parentId, place.where === 'before' ? at : at + 1);
  };

  useCommands([
    {
      id: 'codebook.newCode',
      title: 'New code',
      category: 'Codebook',
      keys: ['Mod+Alt+N'],
      inTextFields: true,
      run: () => setCreating(true),
    },
    {
      id: 'codebook.filter',
      title: 'Filter the codebook',
      category: 'Codebook',
      keys: ['Mod+Shift+F'],
      inTextFields: true,
      run: () => document.getElementById('codebook-filter')?.focus(),
    },
    {
      id: 'codebook.rename',
      title: 'Rename the selected code',
      category: 'Codebook',
      keys: ['F2'],
      when: () => Boolean(selected),
      run: () => {
        if (selected) setRenaming(selected.id);
      },
    },
  ]);

  const renderRow = (node: CodeNode, index: number, top: number) => {
    const { code } = node;
    const hasChildren = node.children.length > 0;
    const open = !collapsed.has(code.id) || Boolean(filter.trim());
    const total = totals.get(code.id) ?? code.codingCount;
    const siblings = node.code.parentId ? (byId.get(node.code.parentId)?.children.length ?? 1) : tree.length;
    const dropClass = drop?.id === code.id ? ` is-drop-${drop.where}` : '';
    return (
      <li
        key={code.id}
        role="treeitem"
        aria-level={node.depth + 1}
        aria-setsize={siblings}
        aria-posinset={(node.code.parentId ? byId.get(node.code.parentId)?.children.indexOf(node) : tree.indexOf(node))! + 1}
        aria-expanded={hasChildren ? open : undefined}
        aria-selected={code.id === codeId}
        aria-label={`${code.name}, ${code.codingCount} ${code.codingCount === 1 ? 'coding' : 'codings'}${hasChildren ? `, ${total} with sub-codes` : ''}`}
        data-code-id={code.id}
        data-index={index}
        tabIndex={code.id === focusable ? 0 : -1}
        className="tree-item"
        style={{ transform: `translateY(${top}px)` }}
        onKeyDown={(event) => {
          if (event.target === event.currentTarget) onKeyDown(event, node);
        }}
        onFocus={(event) => event.target === event.currentTarget && selectCode(code.id)}
      >
        <div
          className={`tree-row${code.id === codeId ? ' is-selected' : ''}${dropClass}${matches.has(code.id) ? ' is-match' : ''}`}
          style={{ paddingLeft: `${0.5 + node.depth * 1.1}rem` }}
          draggable={renaming !== code.id}
          onDragStart={(event) => {
            event.dataTransfer.setData(dragType, code.id);
            event.dataTransfer.effectAllowed = 'move';
          }}
          onDragOver={(event) => allowDrop(event, code)}
          onDragLeave={() => setDrop(null)}
          onDrop={(event) => onDrop(event, code)}
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
          <span className="swatch" style={{ background: legibleCodeColour(code.color) }} aria-hidden="true" />
          {renaming === code.id ? (
            <RenameInput code={code} onDone={() => setRenaming(null)} onError={setError} />
          ) : (
            <span className="tree-row__name" title={code.definition ? `${code.name}: ${code.definition}` : code.name}>
              {code.name}
            </span>
          )}
          {code.shortcut !== null && (
            <kbd className="tree-row__key" aria-hidden="true">
              {code.shortcut}
            </kbd>
          )}
          <span className="count" aria-hidden="true" title={hasChildren ? `${code.codingCount} own codings, ${total} with sub-codes` : undefined}>
            {hasChildren ? `${code.codingCount} · ${total}` : code.codingCount}
          </span>
        </div>
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
      <input
        id="codebook-filter"
        className="input codebook__filter"
        type="search"
        aria-label="Filter codes"
        placeholder="Filter codes…"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && visible[0]) {
            event.preventDefault();
            focusItem(visible[0].code.id);
          }
        }}
      />
      <div
        ref={scroller}
        className={`tree-scroll${drop?.id === null ? ' is-drop-target' : ''}`}
        onDragOver={(event) => allowDrop(event, null)}
        onDragLeave={() => setDrop(null)}
        onDrop={(event) => onDrop(event, null)}
      >
        <ul role="tree" aria-label="Codebook" className="tree" ref={treeRef} style={{ height: virtualizer.getTotalSize() }} aria-describedby="codebook-keys">
          {virtualizer.getVirtualItems().map((item) => renderRow(visible[item.index]!, item.index, item.start))}
        </ul>
        {codes.length === 0 && <p className="empty-state">No codes yet. Create one, or select text and name a new code.</p>}
        {codes.length > 0 && visible.length === 0 && <p className="empty-state">No code’s name holds “{filter.trim()}”.</p>}
      </div>
      <p id="codebook-keys" className="tree-hint">
        Counts: own · with sub-codes. Drag a code onto another to nest it, near its edge to place it before or after; or Alt+arrows. F2 renames.
      </p>
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
