import { createElement, type ReactNode } from 'react';
import type { SvgElement } from '../../../shared/domain/display/svg';

// SVG attribute names as React spells them; the domain writes them as SVG does.
const reactName = (name: string) => (name === 'class' ? 'className' : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()));

function render(node: SvgElement | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, string | number> = { key };
  for (const [name, value] of Object.entries(node.attrs)) props[name.startsWith('aria-') ? name : reactName(name)] = value;
  return createElement(node.tag, props, ...node.children.map(render));
}

/** Draws an SVG element tree from the domain: the same drawing a display exports. */
export function SvgTree({ tree }: { tree: SvgElement }) {
  return render(tree, 0);
}
