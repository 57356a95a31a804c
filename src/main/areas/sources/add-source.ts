// Adding an extracted document as a source: shared by importing a file, pasting text and
// importing a reference library's attached full texts.
import type { SourceKind } from '../../../shared/domain/model';
import { guessKind } from '../../../shared/domain/rules/source-kind';
import type { ExtractedDocument } from '../../services/import/types';
import type { Db } from '../../services/store/database';
import { insertSource } from './repository';

export function addExtractedSource(
  db: Db,
  doc: ExtractedDocument,
  options: { fileName: string | null; title?: string; kind?: SourceKind },
  ids: { newId: () => string; now: string },
): string {
  const id = ids.newId();
  insertSource(db, {
    id,
    title: options.title ?? doc.title,
    kind: options.kind ?? guessKind({ fileName: options.fileName, text: doc.text, passages: doc.passages }),
    format: doc.format,
    fileName: options.fileName,
    text: doc.text,
    passages: doc.passages.map((p) => ({ ...p, id: ids.newId() })),
    marks: doc.marks,
    now: ids.now,
  });
  return id;
}
