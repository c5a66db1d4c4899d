import type { Unavailable } from '../../analysis/index.js';

/** A metric's value in the baseline and the current period. */
export interface PeriodPair {
  baseline: number;
  current: number;
}

/** One child's exact part of its parent's change. */
export interface FormulaPart {
  metric: string;
  contribution: number;
}

export type SplitMethod = 'difference' | 'lmdi' | 'shapley';

/** The parent's change (formula value current − baseline) split over its children, with no residual. */
export interface FormulaSplit {
  ok: true;
  method: SplitMethod;
  baseline: number;
  current: number;
  parts: FormulaPart[];
  /** Why a method other than the natural one was used (e.g. LMDI undefined at a zero). */
  note?: string;
}

export type FormulaSplitResult = FormulaSplit | Unavailable;
