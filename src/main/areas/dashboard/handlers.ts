import { buildDashboard } from '../../../shared/domain/dashboard';
import type { AreaHandlers } from '../kit';
import { dashboardFacts } from './repository';

export const dashboardHandlers: AreaHandlers<'dashboard.'> = {
  'dashboard.get': (_input, ctx) => buildDashboard(dashboardFacts(ctx.project.db)),
};
