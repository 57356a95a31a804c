import type { Stage } from '../model';

/** Coding a collected source is data reduction: it has reached that stage. A source further on stays where it is. */
export function stageAfterCoding(stage: Stage): Stage {
  return stage === 'collected' ? 'reduced' : stage;
}
