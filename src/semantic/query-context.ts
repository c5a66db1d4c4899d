import type { Calendar, Grain, Project } from '../model/index.js';
import type { Catalog } from './catalog.js';
import type { Dialect } from './dialect.js';
import type { SqlParams } from './sql-params.js';

/** Keep rows whose dimension value is one of `values` (null matches a missing value), or none of them. */
export interface DimensionFilter {
  dimension: string;
  values: (string | null)[];
  exclude?: boolean;
}

/** Everything the leaf renderers share while building one statement. */
export interface QueryContext {
  dialect: Dialect;
  params: SqlParams;
  project: Pick<Project, 'datasets' | 'metrics'>;
  catalog: Catalog;
  calendar: Calendar;
  grain: Grain;
  dimensions: string[];
  filters: DimensionFilter[];
  /** First day of the first requested period, and the day after the last one. */
  fromStart: string;
  endExclusive: string;
  /** Placeholder of the reporting time zone, bound on first use. */
  zone(): string;
  /** The name of one of this part's CTEs: several grains share one statement, each with its own. */
  cte(name: string): string;
}
