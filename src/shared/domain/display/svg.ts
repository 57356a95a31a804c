// Images of displays are SVG built as a small element tree: the app draws charts from the same
// tree it exports, and the CLI serialises it (and rasterises it to PNG) without a DOM.

export interface SvgElement {
  tag: string;
  attrs: Record<string, string | number>;
  children: Array<SvgElement | string>;
}

export function el(tag: string, attrs: SvgElement['attrs'] = {}, ...children: Array<SvgElement | string | null | false>): SvgElement {
  return { tag, attrs, children: children.filter((c): c is SvgElement | string => c !== null && c !== false) };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function write(node: SvgElement | string): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
  return node.children.length ? `<${node.tag}${attrs}>${node.children.map(write).join('')}</${node.tag}>` : `<${node.tag}${attrs}/>`;
}

/** A standalone SVG document. */
export function svgDocument(root: SvgElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write({ ...root, attrs: { xmlns: 'http://www.w3.org/2000/svg', ...root.attrs } })}\n`;
}

/** About how wide a label is drawn at `size` px in a sans-serif face, for laying out without measuring. */
export function textWidth(text: string, size: number): number {
  return Math.ceil(text.length * size * 0.58);
}
