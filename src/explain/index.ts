export { explainChange } from './explain-change.js';
export type { ExplainInput, InfluenceInput, NodeValues, SliceOwner } from './explain-input.js';
export type { CausePath, DriverEffect, Explanation, FormulaExplanation, NodeExplanation, Owner } from './explain-result.js';
export { decomposeFormula } from './formula/decompose-formula.js';
export type { FormulaPart, FormulaSplit, FormulaSplitResult, PeriodPair, SplitMethod } from './formula/formula-split.js';
export { explainSlices, type SliceExplanation, type SliceOptions, type WaterfallStep } from './slices/explain-slices.js';
export type { SliceCause } from './slices/slice-cause.js';
export type { Fraction, Slice, SliceRows } from './slices/slice-rows.js';
export type { DimensionScore, ElementScore } from './slices/score-dimensions.js';
