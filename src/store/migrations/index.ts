import type { Migration } from './migration.js';
import { seriesAndRuns } from './001-series-and-runs.js';
import { monitoring } from './002-monitoring.js';

export type { Migration } from './migration.js';

/**
 * Every migration, in version order (1, 2, 3 … without gaps). Later tables come as new files:
 * 002 monitoring (anomalies, forecasts, influence edges), 003 users and access, then targets and action plans.
 */
export const storeMigrations: readonly Migration[] = [seriesAndRuns, monitoring];
