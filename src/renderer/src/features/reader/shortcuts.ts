import { useMemo } from 'react';
import type { Code } from '../../../../shared/domain/model';
import { codeShortcuts } from '../../../../shared/domain/rules/shortcuts';
import { allNodes, buildCodeTree } from '../../lib/code-tree';

/** Which code each digit 1–9 applies, in codebook order (see rules/shortcuts.ts). */
export function useCodeShortcuts(codes: readonly Code[]): Map<number, string> {
  return useMemo(() => codeShortcuts(allNodes(buildCodeTree(codes)).map((n) => n.code)), [codes]);
}
