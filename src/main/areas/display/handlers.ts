import { AppError } from '../../../shared/api/errors';
import { buildMatrix, cellCodingIds } from '../../../shared/domain/display/matrix';
import { buildNetwork, showNetwork } from '../../../shared/domain/display/network';
import type { DisplayConfig } from '../../../shared/domain/display/saved';
import type { Db } from '../../services/store/database';
import { deleteEvidenceOf } from '../conclusions/repository';
import type { AreaHandlers } from '../kit';
import { advanceSources } from '../sources/advance-stage';
import { exportDisplay } from './export';
import { attributeValues, deleteDisplay, findDisplay, insertDisplay, listDisplays, matrixFacts, networkFacts, segmentsOf, sourcesCodedWith, updateDisplay } from './repository';

const displayGone = () => new AppError('NOT_FOUND', 'That display no longer exists.');

/** The sources whose codings a display shows: they have reached the displayed stage. */
function sourcesShown(db: Db, config: DisplayConfig): string[] {
  if (config.kind !== 'network') return buildMatrix(matrixFacts(db, config.matrix), config.matrix).sourceIds;
  const { cooccurrence, ...filter } = config.network;
  const shown = showNetwork(buildNetwork(networkFacts(db), cooccurrence), filter);
  return sourcesCodedWith(
    db,
    shown.nodes.filter((n) => n.kind === 'code').map((n) => n.id.slice('code:'.length)),
  );
}

export const displayHandlers: AreaHandlers<'display.'> = {
  'display.matrix': (spec, ctx) => buildMatrix(matrixFacts(ctx.project.db, spec), spec),
  'display.cellSegments': ({ matrix, row, column }, ctx) => {
    const { db } = ctx.project;
    return segmentsOf(db, cellCodingIds(matrixFacts(db, matrix), matrix, row, column));
  },
  'display.network': ({ cooccurrence, ...filter }, ctx) => showNetwork(buildNetwork(networkFacts(ctx.project.db), cooccurrence), filter),
  'display.attributes': (_input, ctx) => attributeValues(ctx.project.db),
  'display.list': (_input, ctx) => listDisplays(ctx.project.db),
  'display.save': ({ id, name, config, layout }, ctx) => {
    const { db } = ctx.project;
    const now = ctx.clock();
    if (id) {
      if (!updateDisplay(db, id, { name, config, layout, now })) throw displayGone();
    } else {
      id = ctx.newId();
      insertDisplay(db, { id, name, config, layout: layout ?? {}, now });
    }
    advanceSources(db, sourcesShown(db, config), 'displayed');
    return findDisplay(db, id)!;
  },
  'display.remove': ({ id }, ctx) => {
    const { db } = ctx.project;
    const display = findDisplay(db, id);
    if (!display) throw displayGone();
    deleteEvidenceOf(db, 'display', [id]);
    deleteDisplay(db, id);
    return { removed: true, name: display.name };
  },
  'display.export': (input, ctx) => exportDisplay(ctx.project.db, input),
};
