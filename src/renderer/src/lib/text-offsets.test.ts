import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locateOffset, offsetWithin, type TextTreeNode } from './text-offsets';

interface FakeNode extends TextTreeNode {
  childNodes: FakeNode[];
  parentNode: FakeNode | null;
}

function text(value: string): FakeNode {
  return { nodeType: 3, textContent: value, parentNode: null, childNodes: [] };
}

function element(...children: FakeNode[]): FakeNode {
  const node: FakeNode = {
    nodeType: 1,
    get textContent() {
      return children.map((c) => (c.nodeType === 8 ? '' : c.textContent)).join('');
    },
    parentNode: null,
    childNodes: children,
  };
  for (const child of children) child.parentNode = node;
  return node;
}

function comment(value: string): FakeNode {
  return { nodeType: 8, textContent: value, parentNode: null, childNodes: [] };
}

// <p>The <mark>quick <mark>brown</mark></mark> fox</p>, as the reader renders a passage with nested codings.
function passage() {
  const brown = text('brown');
  const quick = text('quick ');
  const inner = element(brown);
  const outer = element(quick, inner);
  const the = text('The ');
  const fox = text(' fox');
  const root = element(the, outer, fox);
  return { root, the, quick, brown, inner, outer, fox };
}

describe('offsetWithin', () => {
  it('counts characters in text nodes before the boundary', () => {
    const p = passage();
    expect(offsetWithin(p.root, p.the, 2)).toBe(2);
    expect(offsetWithin(p.root, p.quick, 0)).toBe(4);
    expect(offsetWithin(p.root, p.brown, 3)).toBe(13);
    expect(offsetWithin(p.root, p.fox, 4)).toBe(19);
  });

  it('handles boundaries given as an element and a child index', () => {
    const p = passage();
    expect(offsetWithin(p.root, p.root, 0)).toBe(0);
    expect(offsetWithin(p.root, p.root, 2)).toBe(15);
    expect(offsetWithin(p.root, p.root, 3)).toBe(19);
    expect(offsetWithin(p.root, p.outer, 1)).toBe(10);
    expect(offsetWithin(p.root, p.inner, 1)).toBe(15);
  });

  it('returns null for a point outside the passage', () => {
    const p = passage();
    expect(offsetWithin(p.root, text('elsewhere'), 1)).toBeNull();
    expect(offsetWithin(p.outer, p.fox, 1)).toBeNull();
  });

  it('ignores comment nodes', () => {
    const after = text('after');
    const root = element(text('ab'), comment('not text'), after);
    expect(offsetWithin(root, after, 1)).toBe(3);
  });
});

describe('locateOffset', () => {
  it('finds the text node holding an offset and inverts offsetWithin', () => {
    const p = passage();
    for (let offset = 0; offset <= 19; offset++) {
      const point = locateOffset(p.root, offset);
      expect(point).not.toBeNull();
      expect(offsetWithin(p.root, point!.node, point!.offset)).toBe(offset);
    }
  });

  it('clamps offsets past the end to the last character', () => {
    const p = passage();
    expect(locateOffset(p.root, 99)).toEqual({ node: p.fox, offset: 4 });
  });

  it('returns null for an empty element', () => {
    expect(locateOffset(element(), 0)).toBeNull();
  });
});

describe('offsets in any rendered passage (property-based)', () => {
  // A passage as the reader renders it: text split into pieces, some wrapped in (nested) marks,
  // comments in between; the text holds astral characters, two UTF-16 units each.
  const tree: fc.Arbitrary<FakeNode> = fc.letrec<{ node: FakeNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '🚢', '\n'), maxLength: 6 }).map(text),
      fc.string({ maxLength: 3 }).map(comment),
      fc.array(tie('node'), { maxLength: 4 }).map((children) => element(...children)),
    ),
  })).node.map((node) => (node.nodeType === 1 ? node : element(node)));

  it('locateOffset and offsetWithin invert each other at every offset of the passage’s text', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const length = (root.textContent ?? '').length;
        for (let offset = 0; offset <= length; offset++) {
          const point = locateOffset(root, offset);
          if (point === null) return length === 0;
          expect(offsetWithin(root, point.node, point.offset)).toBe(offset);
        }
        return true;
      }),
    );
  });

  it('maps every boundary point of every node to an offset within the passage’s text', () => {
    fc.assert(
      fc.property(tree, (root) => {
        const length = (root.textContent ?? '').length;
        const offsets: number[] = [];
        const visit = (node: FakeNode) => {
          const size = node.nodeType === 3 ? (node.textContent ?? '').length : node.childNodes.length;
          if (node.nodeType !== 8) for (let i = 0; i <= size; i++) offsets.push(offsetWithin(root, node, i)!);
          node.childNodes.forEach(visit);
        };
        visit(root);
        for (const offset of offsets) {
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(length);
        }
      }),
    );
  });
});
