export { forecastSeries, type ForecastOptions, type SeriesForecast } from './forecast-series.js';
export { fitHoltWinters, type HoltWintersFit } from './fit-holt-winters.js';
export { predictHoltWinters, type ForecastPoint } from './predict-holt-winters.js';
export type { HoltWintersModel, Seasonality } from './holt-winters-start.js';
export type { SmoothingParameters } from './run-holt-winters.js';
export { backtestForecast, type Backtest, type BacktestPoint } from './backtest-forecast.js';
export { forecastAccuracy, naiveScale } from './forecast-accuracy.js';
export { forecastPipeline, type OpenOpportunity, type PastOpportunity, type PipelineForecast, type PipelineForecastOptions, type WeightedOpportunity } from './forecast-pipeline.js';
