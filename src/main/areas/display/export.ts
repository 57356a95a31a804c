import { buildMatrix, matrixColumnLabels, type Matrix } from '../../../shared/domain/display/matrix';
import { arrangeNetwork, buildNetwork, showNetwork, type NetworkPositions } from '../../../shared/domain/display/network';
import { attributeChartSvg, frequencyChartSvg, frequencyTable, matrixSvg, matrixTable, networkSvg, networkTable } from '../../../shared/domain/display/render';
import { toCsv } from '../../../shared/domain/export/table';
import { exportFileName, type DisplayConfig, type ExportFile, type ExportFormat } from '../../../shared/domain/display/saved';
import { svgDocument, type SvgElement } from '../../../shared/domain/display/svg';
import type { Db } from '../../services/store/database';
import { svgToPng } from '../../services/export/png';
import { matrixFacts, networkFacts } from './repository';

/** Builds the table and the picture of a display, as they are now in the project. */
function drawn(db: Db, name: string, config: DisplayConfig, layout: NetworkPositions): { csv: string; picture: SvgElement } {
  if (config.kind === 'network') {
    const { cooccurrence, ...filter } = config.network;
    const network = showNetwork(buildNetwork(networkFacts(db), cooccurrence), filter);
    return { csv: toCsv(networkTable(network, name)), picture: networkSvg(network, arrangeNetwork(network, layout), name) };
  }
  const matrix: Matrix = buildMatrix(matrixFacts(db, config.matrix), config.matrix);
  const collapsed = new Set(config.collapsed);
  if (config.kind === 'chart' && config.chart === 'frequency') {
    return { csv: toCsv(frequencyTable(matrix, collapsed, name)), picture: frequencyChartSvg(matrix, collapsed, name) };
  }
  const table = toCsv(matrixTable(matrix, collapsed, name || matrixColumnLabels[config.matrix.columns]));
  return { csv: table, picture: config.kind === 'chart' ? attributeChartSvg(matrix, collapsed, name) : matrixSvg(matrix, collapsed, name) };
}

export function exportDisplay(db: Db, input: { name: string; config: DisplayConfig; layout?: NetworkPositions; format: ExportFormat }): ExportFile {
  const { csv, picture } = drawn(db, input.name, input.config, input.layout ?? {});
  const fileName = exportFileName(input.name, input.format);
  // A byte-order mark, so that spreadsheets read the UTF-8 names right.
  if (input.format === 'csv') return { fileName, mimeType: 'text/csv', dataBase64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') };
  const svg = svgDocument(picture);
  if (input.format === 'svg') return { fileName, mimeType: 'image/svg+xml', dataBase64: Buffer.from(svg, 'utf8').toString('base64') };
  return { fileName, mimeType: 'image/png', dataBase64: svgToPng(svg).toString('base64') };
}
