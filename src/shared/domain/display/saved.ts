// A display the researcher keeps: what it shows (its configuration) and, for a network, where
// its nodes sit. Saved displays can be reopened, exported and cited as evidence.
import type { MatrixSpec } from './matrix';
import type { NetworkFilter, NetworkPositions } from './network';
import type { CooccurrenceMode } from './matrix';

export const chartKinds = ['frequency', 'attribute'] as const;
export type ChartKind = (typeof chartKinds)[number];
export const chartKindLabels: Record<ChartKind, string> = { frequency: 'Code frequency', attribute: 'Codes by attribute value' };

export type DisplayConfig =
  | { kind: 'matrix'; matrix: MatrixSpec; collapsed: string[] }
  | { kind: 'chart'; chart: ChartKind; matrix: MatrixSpec; collapsed: string[] }
  | { kind: 'network'; network: NetworkFilter & { cooccurrence: CooccurrenceMode } };

export type DisplayKind = DisplayConfig['kind'];

export interface SavedDisplay {
  id: string;
  name: string;
  config: DisplayConfig;
  /** A network's node positions; empty for matrices and charts. */
  layout: NetworkPositions;
  createdAt: string;
  updatedAt: string;
}

export const exportFormats = ['csv', 'svg', 'png'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** A file to save: the app offers it as a download, the CLI writes it where asked. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  dataBase64: string;
}

/** A file name from a display's name: letters, digits, spaces, dashes; never empty. */
export function exportFileName(name: string, format: string): string {
  const base = name.replace(/[^\p{L}\p{N} ._-]+/gu, ' ').replace(/\s+/g, ' ').slice(0, 80).replace(/[\s.]+$/, '').trim() || 'display';
  return `${base}.${format}`;
}
