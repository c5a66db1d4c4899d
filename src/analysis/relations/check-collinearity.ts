import { SingularValueDecomposition, Matrix } from 'ml-matrix';
import { solveLeastSquares } from './solve-least-squares.js';

export interface Collinearity {
  /** Variance inflation factor of each regressor (null when it is the only one; Infinity if exactly collinear). */
  vif: { name: string; vif: number | null }[];
  /** Condition number of the design with columns scaled to unit length (Belsley). */
  conditionNumber: number;
  warnings: string[];
}

/** VIF above which a coefficient's variance is badly inflated, and the condition number that says the same of the whole design. */
export const collinearityLimits = { vif: 10, conditionNumber: 30 } as const;

/**
 * How much the regressors overlap: VIFⱼ = 1 / (1 − R²ⱼ) from regressing each on the others (with
 * an intercept), and the scaled condition number. Columns exclude the intercept.
 */
export function checkCollinearity(columns: readonly { name: string; values: readonly number[] }[], intercept: boolean): Collinearity {
  const n = columns[0]?.values.length ?? 0;
  const ones = new Array<number>(n).fill(1);
  const vif = columns.map((column, j) => {
    if (columns.length < 2) return { name: column.name, vif: null };
    const others = columns.filter((_, k) => k !== j).map((c) => c.values);
    const fit = solveLeastSquares(intercept ? [ones, ...others] : others, column.values);
    const mean = intercept ? column.values.reduce((s, v) => s + v, 0) / n : 0;
    const total = column.values.reduce((s, v) => s + (v - mean) ** 2, 0);
    const residual = fit.residuals.reduce((s, e) => s + e * e, 0);
    return { name: column.name, vif: residual > 0 ? total / residual : Infinity };
  });
  const all = intercept ? [ones, ...columns.map((c) => c.values)] : columns.map((c) => c.values);
  const scaled = all.map((values) => {
    const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1;
    return values.map((v) => v / norm);
  });
  let conditionNumber = 1;
  if (scaled.length > 0 && n > 0) {
    const singular = new SingularValueDecomposition(new Matrix(scaled).transpose(), { computeLeftSingularVectors: false, computeRightSingularVectors: false }).diagonal;
    const smallest = Math.min(...singular);
    conditionNumber = smallest > 0 ? Math.max(...singular) / smallest : Infinity;
  }
  const warnings: string[] = [];
  for (const { name, vif: v } of vif) {
    if (v !== null && v > collinearityLimits.vif) warnings.push(`${name} overlaps the other indicators (VIF ${Number.isFinite(v) ? v.toFixed(1) : '∞'} > ${collinearityLimits.vif}): its coefficient is unstable; consider dropping or combining indicators`);
  }
  if (conditionNumber > collinearityLimits.conditionNumber) warnings.push(`the indicators are nearly collinear together (condition number ${Number.isFinite(conditionNumber) ? conditionNumber.toFixed(0) : '∞'} > ${collinearityLimits.conditionNumber})`);
  return { vif, conditionNumber, warnings };
}
