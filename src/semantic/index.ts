export { dialectNames, type Dialect, type DialectName, type TimeType } from './dialect.js';
export { dialects } from './dialects/index.js';
export { findColumn, findTable, type Catalog, type CatalogColumn, type CatalogTable, type ColumnType } from './catalog.js';
export { CompileError } from './compile-error.js';
export {
  compileMetric,
  compileMetricGrains,
  maxDimensions,
  maxPeriods,
  type CompiledGrains,
  type CompiledQuery,
  type GrainRange,
  type MetricRequest,
} from './compile-metric.js';
export type { DimensionFilter } from './query-context.js';
export { readMetricRows, readGrainRows, compareSlices, type MetricRow, type Slice } from './read-metric-rows.js';
export { checkCatalog } from './check-catalog.js';
export { metricDimensions } from './metric-dimensions.js';
export { addDays, addPeriods, isIsoDate, parsePeriod, periodFormatsHint, periodLabel, periodStart, periodStarts } from './periods.js';
export type { SqlParam } from './sql-params.js';
