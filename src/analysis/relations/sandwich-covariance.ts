/**
 * Robust covariances of OLS coefficients, as the sandwich (XᵀX)⁻¹ M (XᵀX)⁻¹ with M the "meat":
 * HC3 (MacKinnon & White 1985) for heteroskedasticity and Newey–West (Bartlett kernel) for
 * heteroskedasticity and autocorrelation. `rows` are the design rows of the kept columns.
 */
export function hc3Covariance(rows: readonly (readonly number[])[], residuals: readonly number[], leverage: readonly number[], bread: readonly (readonly number[])[]): number[][] | null {
  if (leverage.some((h) => h >= 1 - 1e-10)) return null;
  const weights = residuals.map((e, i) => (e / (1 - leverage[i]!)) ** 2);
  return sandwich(bread, meat(rows, (i, j) => (i === j ? weights[i]! : 0), 0));
}

/**
 * Newey–West with `lag` lags and Bartlett weights 1 − l/(lag + 1), no prewhitening and no
 * small-sample factor: sandwich::NeweyWest(fit, lag, prewhite = FALSE, adjust = FALSE).
 */
export function neweyWestCovariance(rows: readonly (readonly number[])[], residuals: readonly number[], bread: readonly (readonly number[])[], lag: number): number[][] {
  return sandwich(bread, meat(rows, (i, j) => residuals[i]! * residuals[j]! * (1 - Math.abs(i - j) / (lag + 1)), lag));
}

/** The default Newey–West lag: ⌊4 (n / 100)^(2/9)⌋. */
export function neweyWestLag(n: number): number {
  return Math.floor(4 * (n / 100) ** (2 / 9));
}

/** Σ over |i − j| ≤ band of w(i, j) xᵢ xⱼᵀ. */
function meat(rows: readonly (readonly number[])[], weight: (i: number, j: number) => number, band: number): number[][] {
  const k = rows[0]?.length ?? 0;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < rows.length; i++) {
    for (let j = Math.max(0, i - band); j <= Math.min(rows.length - 1, i + band); j++) {
      const w = weight(i, j);
      if (w === 0) continue;
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) m[a]![b]! += w * rows[i]![a]! * rows[j]![b]!;
    }
  }
  return m;
}

function sandwich(bread: readonly (readonly number[])[], filling: number[][]): number[][] {
  const multiply = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]) => a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, m) => s + v * b[m]![j]!, 0)));
  return multiply(multiply(bread, filling), bread);
}
