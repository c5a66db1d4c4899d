export type { RegularSeries, SeriesGrain } from './regular-series.js';
export { inferSeasonLength, seasonCandidates, type SeasonInference } from './infer-season-length.js';
