export { analyzeStoredSeries, forecastGrains, monitoredGrains, monitorSensitivity, type AnalysisRequest } from './analyze-stored-series.js';
export type { AnalysisSummary } from './analysis-context.js';
export { accuracyByMetric, accuracyByOwner, summarizeAccuracy, type Accuracy, type MetricAccuracy, type OwnerAccuracy } from './summarize-accuracy.js';
export { nextPeriod } from './next-period.js';
