import { AppError } from '../../../shared/api/errors';
import { parseReference } from '../../../shared/domain/audit';
import { loadAudit } from '../audit/repository';
import type { AreaHandlers } from '../kit';
import { findSourceSummary } from '../sources/repository';
import { linkFullText, referenceOwner } from './repository';

export const referencesHandlers: AreaHandlers<'references.'> = {
  'references.parse': ({ lines }) => lines.map((line) => parseReference(line)),
  'references.linkFullText': ({ referenceId, sourceId }, ctx) => {
    const { db } = ctx.project;
    const owner = referenceOwner(db, referenceId);
    const gone = () => new AppError('NOT_FOUND', 'That reference is no longer in the project; run the audit again.');
    if (owner === undefined) throw gone();
    if (sourceId !== null) {
      if (!findSourceSummary(db, sourceId)) throw new AppError('NOT_FOUND', 'That source no longer exists in this project.');
      if (sourceId === owner) throw new AppError('VALIDATION', 'A manuscript cannot be the full text of an entry in its own reference list.');
    }
    linkFullText(db, referenceId, sourceId);
    const reference = owner === null ? undefined : loadAudit(db, owner)?.references.find((r) => r.id === referenceId);
    if (!reference) throw gone();
    return reference;
  },
};
