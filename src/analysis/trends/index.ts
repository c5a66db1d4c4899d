export { compareTrailingWindows, welch, type DatedValue, type WindowComparison, type WindowSummary } from './compare-trailing-windows.js';
export { fitTrendSlope, type TrendSlope } from './fit-trend-slope.js';
export { comparePeriods, type PeriodComparison } from './compare-periods.js';
