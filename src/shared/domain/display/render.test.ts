import { describe, expect, it } from 'vitest';
import type { Code } from '../model';
import { heatColour } from './colour';
import { buildMatrix, type MatrixFacts } from './matrix';
import { buildNetwork } from './network';
import { toCsv } from '../export/table';
import { attributeChartSvg, formatValue, frequencyChartSvg, matrixSvg, matrixTable, networkSvg, networkTable } from './render';
import { mergeSpans, intersectSpans, overlapsAny, spansLength } from './spans';
import { svgDocument } from './svg';

const code = (id: string, name: string, parentId: string | null = null): Code => ({ id, name, parentId, position: 0, color: '#336699', definition: '', inclusion: '', exclusion: '', example: '', shortcut: null, codingCount: 0 });
const facts: MatrixFacts = {
  codes: [code('b', 'Barriers <& costs>'), code('s', 'Shipping', 'b')],
  codings: [
    { id: '1', codeId: 's', sourceId: 'x', start: 0, end: 10 },
    { id: '2', codeId: 's', sourceId: 'y', start: 0, end: 5 },
    { id: '3', codeId: 'b', sourceId: 'y', start: 20, end: 30 },
  ],
  columns: [
    { key: 'x', label: 'Interview, "one"', regions: [{ sourceId: 'x', start: 0, end: 100 }] },
    { key: 'y', label: '=cmd', regions: [{ sourceId: 'y', start: 0, end: 50 }] },
  ],
  filter: null,
  passages: [],
};

describe('spans', () => {
  it('merge, measure, intersect and test overlap', () => {
    const merged = mergeSpans([
      { start: 10, end: 20 },
      { start: 0, end: 5 },
      { start: 5, end: 8 },
      { start: 15, end: 25 },
      { start: 30, end: 30 },
    ]);
    expect(merged).toEqual([
      { start: 0, end: 8 },
      { start: 10, end: 25 },
    ]);
    expect(spansLength(merged)).toBe(23);
    expect(intersectSpans(merged, [{ start: 6, end: 12 }])).toEqual([
      { start: 6, end: 8 },
      { start: 10, end: 12 },
    ]);
    expect(overlapsAny({ start: 8, end: 10 }, merged)).toBe(false);
    expect(overlapsAny({ start: 7, end: 9 }, merged)).toBe(true);
    expect(overlapsAny({ start: 24, end: 40 }, merged)).toBe(true);
    expect(overlapsAny({ start: 25, end: 40 }, merged)).toBe(false);
  });
});

describe('the colour scale', () => {
  it('leaves zero unshaded, darkens with the value and keeps text readable', () => {
    expect(heatColour(0, 10)).toBeNull();
    const light = heatColour(1, 10)!;
    const dark = heatColour(10, 10)!;
    expect(light.text).toBe('#1b1f24');
    expect(dark).toEqual({ fill: '#08306b', text: '#ffffff' });
    expect(parseInt(light.fill.slice(1, 3), 16)).toBeGreaterThan(parseInt(dark.fill.slice(1, 3), 16));
  });
});

describe('a matrix as a table', () => {
  it('writes visible rows with their paths and totals as CSV a spreadsheet reads safely', () => {
    const matrix = buildMatrix(facts, { columns: 'sources', measure: 'segments' });
    const table = matrixTable(matrix, new Set(), 'Code × source');
    expect(table.header).toEqual(['Code', 'Interview, "one"', '=cmd', 'Total']);
    expect(table.rows).toEqual([
      ['Barriers <& costs>', 1, 2, 3],
      ['Barriers <& costs> › (coded directly)', 0, 1, 1],
      ['Barriers <& costs> › Shipping', 1, 1, 2],
      ['All codes', 1, 2, 3],
    ]);
    const csv = toCsv(table);
    expect(csv.startsWith('Code,"Interview, ""one""",\'=cmd,Total\r\n')).toBe(true);
    expect(csv.endsWith('All codes,1,2,3\r\n')).toBe(true);
    expect(matrixTable(matrix, new Set(['b']), 'x').rows.map((r) => r[0])).toEqual(['Barriers <& costs>', 'All codes']);
  });

  it('formats coverage as a percentage', () => {
    expect(formatValue(0.125, 'coverage')).toBe('13%');
    expect(formatValue(0.0123, 'coverage')).toBe('1.2%');
    expect(formatValue(0.0001, 'coverage')).toBe('<0.1%');
    expect(formatValue(1234, 'segments')).toBe('1,234');
  });
});

describe('pictures of displays', () => {
  const matrix = buildMatrix(facts, { columns: 'sources', measure: 'segments' });

  it('draws the matrix with escaped labels, its values and totals', () => {
    const svg = svgDocument(matrixSvg(matrix, new Set(), 'Code × source'));
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('Barriers &lt;&amp; costs&gt;');
    expect(svg).toContain('Interview, &quot;one&quot;');
    expect(svg).toContain('>Total<');
    expect(svg).toContain('>All codes<');
    expect(svg).not.toContain('<& costs>');
  });

  it('draws charts with one bar per row, and per attribute value', () => {
    const frequency = svgDocument(frequencyChartSvg(matrix, new Set(), 'Code frequency'));
    expect(frequency.match(/<rect[^>]*fill="#0072b2"/g)).toHaveLength(3);
    const byValue = svgDocument(attributeChartSvg(matrix, new Set(), 'Codes by attribute'));
    expect(byValue).toContain('>=cmd<');
    expect(byValue.match(/<rect[^>]*fill="#e69f00"/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('draws the network where its nodes were put, and lists its links as a table', () => {
    const network = buildNetwork({ codes: facts.codes, codings: facts.codings, passages: [], themes: [], cases: [], claims: [], conclusions: [] });
    const svg = svgDocument(networkSvg(network, { 'code:b': { x: 0, y: 0 }, 'code:s': { x: 200, y: 100 } }, 'Network'));
    expect(svg.match(/<circle[^>]*r="/g)!.length).toBeGreaterThanOrEqual(2);
    expect(svg).toContain('>Shipping<');
    expect(networkTable(network, 'Links').rows).toEqual([['Barriers <& costs>', 'code', 'contains', 'Shipping', 'code', 1]]);
  });
});
