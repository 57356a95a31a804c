// Maps DOM boundary points to character offsets and back. Written against the few Node
// members it needs, so it runs on real DOM nodes in the app and on plain objects in tests.

export interface TextTreeNode {
  nodeType: number;
  textContent: string | null;
  parentNode: TextTreeNode | null;
  childNodes: ArrayLike<TextTreeNode>;
}

const textNode = 3;
const elementNode = 1;

/** Characters a node contributes to its passage's text; comments and the like contribute none. */
function textLength(node: TextTreeNode): number {
  return node.nodeType === textNode || node.nodeType === elementNode ? (node.textContent ?? '').length : 0;
}

function indexInParent(node: TextTreeNode): number {
  const siblings = node.parentNode?.childNodes;
  if (!siblings) return -1;
  for (let i = 0; i < siblings.length; i++) if (siblings[i] === node) return i;
  return -1;
}

/** Characters before `node` (not counting its own) in document order inside `root`, or null when `node` is outside `root`. */
function textBefore(root: TextTreeNode, node: TextTreeNode): number | null {
  let total = 0;
  let current = node;
  while (current !== root) {
    const parent = current.parentNode;
    if (!parent) return null;
    const index = indexInParent(current);
    for (let i = 0; i < index; i++) total += textLength(parent.childNodes[i]!);
    current = parent;
  }
  return total;
}

/**
 * The offset, within `root`'s text, of the DOM boundary point (container, offset): the
 * shape of Range.startContainer/startOffset. Null when the point is outside `root`.
 */
export function offsetWithin(root: TextTreeNode, container: TextTreeNode, offset: number): number | null {
  if (container.nodeType === textNode) {
    const before = textBefore(root, container);
    return before === null ? null : before + Math.min(offset, textLength(container));
  }
  const children = container.childNodes;
  if (offset < children.length) return textBefore(root, children[offset]!);
  const before = textBefore(root, container);
  return before === null ? null : before + textLength(container);
}

/** The text node and offset inside it where character `offset` of `root`'s text sits: the inverse of offsetWithin. */
export function locateOffset(root: TextTreeNode, offset: number): { node: TextTreeNode; offset: number } | null {
  let remaining = offset;
  let last: TextTreeNode | null = null;
  const visit = (node: TextTreeNode): { node: TextTreeNode; offset: number } | null => {
    if (node.nodeType === textNode) {
      const length = textLength(node);
      if (remaining <= length) return { node, offset: remaining };
      remaining -= length;
      last = node;
      return null;
    }
    for (let i = 0; i < node.childNodes.length; i++) {
      const found = visit(node.childNodes[i]!);
      if (found) return found;
    }
    return null;
  };
  const found = visit(root);
  if (found) return found;
  const tail: TextTreeNode | null = last;
  return tail ? { node: tail, offset: textLength(tail) } : null;
}
