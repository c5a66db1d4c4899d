import type { Migration } from './migration.js';
import { seriesAndRuns } from './001-series-and-runs.js';
import { monitoring } from './002-monitoring.js';
import { usersAndAccess } from './003-users-and-access.js';
import { actionPlans } from './004-action-plans.js';

export type { Migration } from './migration.js';

/**
 * Every migration, in rising version order (gaps allowed). Later tables come as new files:
 * 002 monitoring (anomalies, forecasts, influence edges), 003 users, sessions, API tokens and the
 * audit log, 004 action plans, inbox and deliveries.
 */
export const storeMigrations: readonly Migration[] = [seriesAndRuns, monitoring, usersAndAccess, actionPlans];
