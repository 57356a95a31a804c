import type { SourceKind } from '../model';

/** A first guess at what a source is, from its file name; the researcher can change it. */
export function kindForFile(fileName: string): SourceKind {
  if (/transcript|interview/i.test(fileName)) return 'transcript';
  if (/notes?\b/i.test(fileName)) return 'note';
  return 'paper';
}
