import type { Coding } from '../../../../shared/domain/model';
import { mutate } from '../../api/use-api';

/** Text the user selected in the reader, in source offsets. */
export interface TextSelection {
  sourceId: string;
  start: number;
  end: number;
  text: string;
}

export function applyCode(selection: TextSelection, codeId: string): Promise<Coding> {
  return mutate('codings.apply', { sourceId: selection.sourceId, codeId, start: selection.start, end: selection.end });
}

/** "New code from selection": the code is created first, so a failed apply still leaves it in the codebook to retry with. */
export async function createCodeAndApply(selection: TextSelection, name: string): Promise<Coding> {
  const code = await mutate('codes.create', { name });
  return applyCode(selection, code.id);
}
