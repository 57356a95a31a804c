// Displays as the researcher exports them: a table (CSV) and a picture (SVG, which the main
// process also rasterises to PNG). Both show what the screen shows: the rows left open, the
// measure chosen, the network as arranged.
import type { Table } from '../export/table';
import { heatColour, seriesColours } from './colour';
import { cellReader, visibleHeads, type Matrix, type MatrixHead, type MatrixMeasure } from './matrix';
import { networkNodeKindLabels, type Network, type NetworkNode, type NetworkPositions } from './network';
import { el, textWidth, type SvgElement } from './svg';

/** Counts as `toLocaleString('en')` writes them; made once, since that makes a formatter for every number (a matrix shows hundreds). */
const counts = new Intl.NumberFormat('en');

/** A cell's value as the researcher reads it: a count, or coverage as a percentage. */
export function formatValue(value: number, measure: MatrixMeasure): string {
  if (measure !== 'coverage') return counts.format(value);
  if (value === 0) return '0%';
  const percent = value * 100;
  return `${percent < 0.1 ? '<0.1' : percent.toFixed(percent < 10 ? 1 : 0)}%`;
}

/** Row labels with their place in the tree: "Barriers › Shipping". */
function pathLabel(heads: readonly MatrixHead[], index: number): string {
  const byKey = new Map(heads.map((h) => [h.key, h]));
  const names: string[] = [];
  for (let head: MatrixHead | undefined = heads[index]; head; head = head.parentKey ? byKey.get(head.parentKey) : undefined) {
    names.unshift(head.key.endsWith(':own') ? '(coded directly)' : head.label);
  }
  return names.join(' › ');
}

/** Raw values (coverage as a share, not rounded), one row per visible row. */
export function matrixTable(matrix: Matrix, collapsed: ReadonlySet<string>, name: string): Table {
  const rows = visibleHeads(matrix.rows, collapsed);
  const columns = matrix.spec.columns === 'codes' ? visibleHeads(matrix.columns, collapsed) : matrix.columns.map((_, i) => i);
  const value = cellReader(matrix);
  const totals = matrix.rowTotals !== null;
  return {
    name,
    header: ['Code', ...columns.map((c) => (matrix.spec.columns === 'codes' ? pathLabel(matrix.columns, c) : matrix.columns[c]!.label)), ...(totals ? ['Total'] : [])],
    rows: [
      ...rows.map((r) => [pathLabel(matrix.rows, r), ...columns.map((c) => value(r, c)), ...(totals ? [matrix.rowTotals![r]!] : [])]),
      ...(totals ? [['All codes', ...columns.map((c) => matrix.columnTotals![c]!), matrix.total]] : []),
    ],
  };
}

/** Each visible row's total: the code frequency chart's table. */
export function frequencyTable(matrix: Matrix, collapsed: ReadonlySet<string>, name: string): Table {
  const rows = visibleHeads(matrix.rows, collapsed);
  return { name, header: ['Code', 'Total'], rows: rows.map((r) => [pathLabel(matrix.rows, r), matrix.rowTotals?.[r] ?? 0]) };
}

/** The network's links, one per row, with the kinds and names of both ends. */
export function networkTable(network: Network, name: string): Table {
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const end = (id: string) => byId.get(id)!;
  return {
    name,
    header: ['From', 'From kind', 'Link', 'To', 'To kind', 'Weight'],
    rows: network.edges.map((e) => [end(e.source).label, end(e.source).kind, e.kind, end(e.target).label, end(e.target).kind, e.weight]),
  };
}

// ——— Pictures ———

const font = 'DejaVu Sans, Helvetica, Arial, sans-serif';
const ink = '#1b1f24';
const muted = '#5b6470';

function titled(title: string, width: number, height: number, body: SvgElement[]): SvgElement {
  return el(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': font, role: 'img', 'aria-label': title },
    el('title', {}, title),
    el('rect', { width, height, fill: '#ffffff' }),
    el('text', { x: 16, y: 26, 'font-size': 16, 'font-weight': 'bold', fill: ink }, title),
    ...body,
  );
}

/** The matrix as the screen shows it: tree rows, shaded cells, totals. */
export function matrixSvg(matrix: Matrix, collapsed: ReadonlySet<string>, title: string): SvgElement {
  const rows = visibleHeads(matrix.rows, collapsed);
  const columns = matrix.spec.columns === 'codes' ? visibleHeads(matrix.columns, collapsed) : matrix.columns.map((_, i) => i);
  const value = cellReader(matrix);
  const measure = matrix.spec.measure;
  const max = Math.max(0, ...rows.flatMap((r) => columns.map((c) => value(r, c) ?? 0)));
  // Bold (parent) labels run about a tenth wider; the swatch and the fold marker take 40 units.
  const labelWidth = Math.min(420, 48 + Math.max(60, ...rows.map((r) => textWidth(matrix.rows[r]!.label, 12) * (matrix.rows[r]!.aggregate ? 1.1 : 1) + matrix.rows[r]!.depth * 14)));
  const longestHeader = Math.min(textWidth('x'.repeat(40), 12), Math.max(40, ...columns.map((c) => textWidth(matrix.columns[c]!.label, 12))));
  // Headers are turned 45°: they rise by, and lean right by, about 0.71 of their length.
  const headerHeight = 30 + longestHeader * 0.72;
  const cell = { w: 56, h: 24 };
  const top = 44 + headerHeight;
  const totals = matrix.rowTotals !== null;
  const width = labelWidth + (columns.length + (totals ? 1 : 0)) * cell.w + Math.max(40, longestHeader * 0.72 - cell.w / 2);
  const height = top + (rows.length + (totals ? 1 : 0)) * cell.h + 30;
  const body: SvgElement[] = [];
  const header = (label: string, i: number, bold = false) => {
    const x = labelWidth + i * cell.w + cell.w / 2;
    body.push(
      el('text', { x, y: top - 8, transform: `rotate(-45 ${x} ${top - 8})`, 'font-size': 12, fill: ink, 'font-weight': bold ? 'bold' : 'normal' }, label.length > 40 ? `${label.slice(0, 39)}…` : label),
    );
  };
  columns.forEach((c, i) => header(matrix.columns[c]!.label, i));
  if (totals) header('Total', columns.length, true);
  const drawCell = (x: number, y: number, v: number | null, scaled: boolean) => {
    const colour = scaled && v !== null ? heatColour(v, max) : null;
    body.push(el('rect', { x, y, width: cell.w, height: cell.h, fill: v === null ? '#eceff3' : (colour?.fill ?? '#ffffff'), stroke: '#d0d5dc', 'stroke-width': 0.5 }));
    body.push(
      el('text', { x: x + cell.w / 2, y: y + cell.h / 2 + 4, 'font-size': 11, 'text-anchor': 'middle', fill: colour?.text ?? (v ? ink : muted) }, v === null ? '—' : formatValue(v, measure)),
    );
  };
  rows.forEach((r, i) => {
    const head = matrix.rows[r]!;
    const y = top + i * cell.h;
    const marker = head.aggregate ? (collapsed.has(head.key) ? '▸ ' : '▾ ') : '';
    body.push(
      el('rect', { x: 16 + head.depth * 14, y: y + 7, width: 10, height: 10, rx: 2, fill: head.color ?? muted }),
      el('text', { x: 30 + head.depth * 14, y: y + cell.h / 2 + 4, 'font-size': 12, fill: ink, 'font-weight': head.aggregate ? 'bold' : 'normal' }, `${marker}${head.label}`),
    );
    columns.forEach((c, j) => drawCell(labelWidth + j * cell.w, y, value(r, c), true));
    if (totals) drawCell(labelWidth + columns.length * cell.w, y, matrix.rowTotals![r]!, false);
  });
  if (totals) {
    const y = top + rows.length * cell.h;
    body.push(el('text', { x: 16, y: y + cell.h / 2 + 4, 'font-size': 12, 'font-weight': 'bold', fill: ink }, 'All codes'));
    columns.forEach((c, j) => drawCell(labelWidth + j * cell.w, y, matrix.columnTotals![c]!, false));
    drawCell(labelWidth + columns.length * cell.w, y, matrix.total, false);
  }
  return titled(title, width, height, body);
}

/** Horizontal bars: one group per visible row, one bar per series. */
function barChart(title: string, labels: Array<{ text: string; depth: number }>, series: Array<{ name: string; values: number[] }>, measure: MatrixMeasure): SvgElement {
  const labelWidth = Math.min(320, 24 + Math.max(60, ...labels.map((l) => textWidth(l.text, 12) + l.depth * 14)));
  const barHeight = 14;
  const groupHeight = series.length * barHeight + 10;
  const plotWidth = 420;
  const legend = series.length > 1 ? 24 + Math.ceil(series.length / 4) * 18 : 0;
  const top = 48 + legend;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const width = labelWidth + plotWidth + 90;
  const height = top + labels.length * groupHeight + 20;
  const body: SvgElement[] = [];
  if (series.length > 1) {
    series.forEach((s, i) => {
      const x = 16 + (i % 4) * 160;
      const y = 44 + Math.floor(i / 4) * 18;
      body.push(el('rect', { x, y, width: 12, height: 12, fill: seriesColours[i % seriesColours.length]! }), el('text', { x: x + 18, y: y + 11, 'font-size': 12, fill: ink }, s.name));
    });
  }
  labels.forEach((label, i) => {
    const y = top + i * groupHeight;
    body.push(el('text', { x: 16 + label.depth * 14, y: y + groupHeight / 2 + 2, 'font-size': 12, fill: ink }, label.text));
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const w = max > 0 ? Math.max(v > 0 ? 1 : 0, (v / max) * plotWidth) : 0;
      const by = y + 3 + j * barHeight;
      body.push(
        el('rect', { x: labelWidth, y: by, width: w, height: barHeight - 2, fill: seriesColours[j % seriesColours.length]! }),
        el('text', { x: labelWidth + w + 4, y: by + barHeight - 4, 'font-size': 10, fill: muted }, formatValue(v, measure)),
      );
    });
  });
  body.push(el('line', { x1: labelWidth, y1: top - 4, x2: labelWidth, y2: height - 16, stroke: '#9aa3ad' }));
  return titled(title, width, height, body);
}

/** Code frequency: each visible row's total. */
export function frequencyChartSvg(matrix: Matrix, collapsed: ReadonlySet<string>, title: string): SvgElement {
  const rows = visibleHeads(matrix.rows, collapsed);
  return barChart(
    title,
    rows.map((r) => ({ text: matrix.rows[r]!.label, depth: matrix.rows[r]!.depth })),
    [{ name: 'All', values: rows.map((r) => matrix.rowTotals?.[r] ?? 0) }],
    matrix.spec.measure,
  );
}

/** Code by attribute: for each visible row, one bar per attribute value. */
export function attributeChartSvg(matrix: Matrix, collapsed: ReadonlySet<string>, title: string): SvgElement {
  const rows = visibleHeads(matrix.rows, collapsed);
  const value = cellReader(matrix);
  return barChart(
    title,
    rows.map((r) => ({ text: matrix.rows[r]!.label, depth: matrix.rows[r]!.depth })),
    matrix.columns.map((column, c) => ({ name: column.label, values: rows.map((r) => value(r, c) ?? 0) })),
    matrix.spec.measure,
  );
}

export const nodeStyle: Record<NetworkNode['kind'], { fill: string; shape: 'circle' | 'diamond' | 'square' | 'round' | 'hexagon' }> = {
  theme: { fill: '#e69f00', shape: 'diamond' },
  code: { fill: '#0072b2', shape: 'circle' },
  case: { fill: '#009e73', shape: 'square' },
  claim: { fill: '#cc79a7', shape: 'round' },
  conclusion: { fill: '#d55e00', shape: 'hexagon' },
};

export const edgeColours: Record<string, string> = {
  groups: '#e69f00',
  contains: '#9aa3ad',
  cooccurs: '#56b4e9',
  holds: '#009e73',
  supports: '#2e7d32',
  contradicts: '#c62828',
};

/** The node's radius: larger for more codings, members or evidence. */
export const nodeRadius = (node: NetworkNode) => 10 + Math.min(18, Math.sqrt(node.weight) * 2);

/** The edge's width: heavier co-occurrence, thicker line. */
export const edgeWidth = (weight: number) => Math.min(8, 1 + Math.log2(weight));

/** The network as arranged on screen. */
export function networkSvg(network: Network, positions: NetworkPositions, title: string): SvgElement {
  const placed = network.nodes.filter((n) => positions[n.id]);
  const xs = placed.map((n) => positions[n.id]!.x);
  const ys = placed.map((n) => positions[n.id]!.y);
  const margin = 60;
  const minX = Math.min(0, ...xs) - margin - 80;
  const minY = Math.min(0, ...ys) - margin;
  const width = Math.max(400, Math.max(0, ...xs) + margin + 80 - minX);
  const height = Math.max(300, Math.max(0, ...ys) + margin - minY) + 60;
  const at = (id: string) => ({ x: positions[id]!.x - minX, y: positions[id]!.y - minY + 60 });
  const body: SvgElement[] = [];
  const legendKinds = [...new Set(placed.map((n) => n.kind))];
  legendKinds.forEach((kind, i) => {
    body.push(
      el('circle', { cx: 24 + i * 120, cy: 46, r: 6, fill: nodeStyle[kind].fill }),
      el('text', { x: 34 + i * 120, y: 50, 'font-size': 12, fill: ink }, networkNodeKindLabels[kind]),
    );
  });
  const shown = new Set(placed.map((n) => n.id));
  for (const edge of network.edges) {
    if (!shown.has(edge.source) || !shown.has(edge.target)) continue;
    const a = at(edge.source);
    const b = at(edge.target);
    body.push(
      el('line', {
        x1: a.x,
        y1: a.y,
        x2: b.x,
        y2: b.y,
        stroke: edgeColours[edge.kind] ?? muted,
        'stroke-width': edgeWidth(edge.weight),
        'stroke-opacity': 0.7,
        ...(edge.kind === 'contradicts' ? { 'stroke-dasharray': '6 4' } : {}),
      }),
    );
  }
  for (const node of placed) {
    const { x, y } = at(node.id);
    const r = nodeRadius(node);
    const style = nodeStyle[node.kind];
    const fill = node.kind === 'code' && node.color ? node.color : style.fill;
    const common = { fill, stroke: '#ffffff', 'stroke-width': 1.5 };
    if (style.shape === 'circle') body.push(el('circle', { cx: x, cy: y, r, ...common }));
    else if (style.shape === 'diamond') body.push(el('polygon', { points: `${x},${y - r} ${x + r},${y} ${x},${y + r} ${x - r},${y}`, ...common }));
    else if (style.shape === 'hexagon') {
      const points = Array.from({ length: 6 }, (_, i) => `${(x + r * Math.cos((Math.PI / 3) * i)).toFixed(1)},${(y + r * Math.sin((Math.PI / 3) * i)).toFixed(1)}`);
      body.push(el('polygon', { points: points.join(' '), ...common }));
    } else body.push(el('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, rx: style.shape === 'round' ? r / 2 : 2, ...common }));
    body.push(el('text', { x, y: y + r + 13, 'font-size': 11, 'text-anchor': 'middle', fill: ink }, node.label.length > 32 ? `${node.label.slice(0, 31)}…` : node.label));
  }
  return titled(title, Math.round(width), Math.round(height), body);
}
