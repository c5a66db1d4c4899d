export * from './anomaly/index.js';
export * from './forecast/index.js';
export * from './relations/index.js';
export * from './series/index.js';
export * from './trends/index.js';
export { adjustPValues, type Adjustment } from './multiple-testing.js';
export { chiSquareUpperP, fUpperP, normalTwoSidedP, standardNormalQuantile, tQuantile, tTwoSidedP } from './distributions.js';
