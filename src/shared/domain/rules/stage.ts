import { stages, type Stage } from '../model';

// A source's stage follows the work done with it, and only ever moves forward by itself
// (a researcher may still set it by hand):
//   collected  — imported;
//   reduced    — a code has been applied to it;
//   displayed  — its codings are counted in a saved display (a matrix, chart or network);
//   concluded  — one of its codings, a coding's summary or one of its claims is evidence for a conclusion.
// Taking the work back (undo) takes the stage back with it, since both change in one step.

/** The later of a source's stage and the stage some work has brought it to. */
export function advanceStage(stage: Stage, reached: Stage): Stage {
  return stages.indexOf(reached) > stages.indexOf(stage) ? reached : stage;
}

/** Coding a collected source is data reduction: it has reached that stage. A source further on stays where it is. */
export function stageAfterCoding(stage: Stage): Stage {
  return advanceStage(stage, 'reduced');
}
