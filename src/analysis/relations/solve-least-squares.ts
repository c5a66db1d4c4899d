import { Matrix, QrDecomposition } from 'ml-matrix';

export interface LeastSquares {
  /** Indices of the columns kept, and of those dropped as linear combinations of earlier ones. */
  kept: number[];
  aliased: number[];
  /** Coefficients of the kept columns, in order. */
  coefficients: number[];
  /** (XᵀX)⁻¹ of the kept columns, as R⁻¹R⁻ᵀ from the QR factors (never by inverting XᵀX). */
  unscaledCovariance: number[][];
  /** Diagonal of the hat matrix: the leverage of each row. */
  leverage: number[];
  fitted: number[];
  residuals: number[];
}

/** R's tolerance in lm's QR: a column whose residual norm is below tol × its own norm is aliased. */
const aliasTolerance = 1e-7;

/**
 * Least squares by Householder QR (ml-matrix), with R's rule for rank deficiency: a column that is
 * (numerically) a linear combination of the columns before it is dropped, as lm reports it NA.
 * Columns are arrays of length n (one per regressor, an intercept column included if wanted).
 */
export function solveLeastSquares(columns: readonly (readonly number[])[], y: readonly number[]): LeastSquares {
  const aliased: number[] = [];
  let kept = columns.map((_, j) => j);
  for (;;) {
    if (kept.length === 0) return { kept, aliased, coefficients: [], unscaledCovariance: [], leverage: y.map(() => 0), fitted: y.map(() => 0), residuals: [...y] };
    const design = new Matrix(y.length, kept.length);
    kept.forEach((j, c) => columns[j]!.forEach((v, i) => design.set(i, c, v)));
    const qr = new QrDecomposition(design);
    const diagonal = qr.upperTriangularMatrix.diag();
    const bad = kept.findIndex((j, c) => {
      const norm = Math.sqrt(columns[j]!.reduce((sum, v) => sum + v * v, 0));
      return norm === 0 || Math.abs(diagonal[c]!) < aliasTolerance * norm;
    });
    if (bad >= 0) {
      aliased.push(kept[bad]!);
      kept = kept.filter((_, c) => c !== bad);
      continue;
    }
    return solved(qr, design, kept, aliased.sort((a, b) => a - b), y);
  }
}

function solved(qr: QrDecomposition, design: Matrix, kept: number[], aliased: number[], y: readonly number[]): LeastSquares {
  const coefficients = qr.solve(Matrix.columnVector([...y])).to1DArray();
  const rInverse = invertUpper(qr.upperTriangularMatrix.to2DArray());
  const unscaledCovariance = rInverse.map((row) => rInverse.map((other) => row.reduce((s, v, c) => s + v * other[c]!, 0)));
  const q = qr.orthogonalMatrix.to2DArray();
  const leverage = q.map((row) => row.reduce((s, v) => s + v * v, 0));
  const fitted = y.map((_, i) => coefficients.reduce((s, b, c) => s + b * design.get(i, c), 0));
  return { kept, aliased, coefficients, unscaledCovariance, leverage, fitted, residuals: y.map((v, i) => v - fitted[i]!) };
}

function invertUpper(r: number[][]): number[][] {
  const k = r.length;
  const inverse = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    inverse[j]![j] = 1 / r[j]![j]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r[i]![m]! * inverse[m]![j]!;
      inverse[i]![j] = -s / r[i]![i]!;
    }
  }
  return inverse;
}
