import type { AreaHandlers } from '../kit';

export const historyHandlers: AreaHandlers<'history.'> = {
  'history.list': (_input, ctx) => ctx.project.history.list(),
  'history.undo': (_input, ctx) => ctx.undo(),
  'history.redo': (_input, ctx) => ctx.redo(),
  'history.setDepth': ({ depth }, ctx) => ctx.setHistoryDepth(depth),
  'history.clear': (_input, ctx) => ctx.clearHistory(),
};
