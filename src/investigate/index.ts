export { investigateChange, type ChangeInvestigation, type ChangeRequest } from './investigate-change.js';
export { baselinePeriod, type Baseline } from './baseline-period.js';
export { InvestigateError } from './investigate-error.js';
export { noiseBand, noiseWidth } from './noise-band.js';
export { sliceSource, type SliceSource } from './slice-source.js';
