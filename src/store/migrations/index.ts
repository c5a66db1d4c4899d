import type { Migration } from './migration.js';
import { seriesAndRuns } from './001-series-and-runs.js';

export type { Migration } from './migration.js';

/**
 * Every migration, in version order (1, 2, 3 … without gaps). Later tables come as new files:
 * 002 users and sessions, 003 targets, 004 anomalies, 005 action plans.
 */
export const storeMigrations: readonly Migration[] = [seriesAndRuns];
