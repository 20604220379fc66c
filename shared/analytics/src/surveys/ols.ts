// Ordinary least squares from cross-product moments: the fit needs only X'X, X'y, y'y and n, so a
// permuted column changes a few sums, not the whole design (mrqap.ts refits thousands of times).
import type { Value } from "../indicators/indicator.js";

export interface OlsFit {
  readonly coefficients: readonly number[];
  readonly standardErrors: readonly Value[];
  readonly t: readonly Value[];
  readonly r2: Value;
  readonly residualSumOfSquares: number;
}

/** Relative size under which a pivot counts as zero: the predictors are collinear. */
const SINGULAR = 1e-10;
/** Share of y'y under which the residual sum of squares is rounding noise. */
const EXACT_FIT = 1e-12;

/** (X'X)⁻¹ by Gauss–Jordan with partial pivoting; null when X'X is singular. */
export function inverse(matrix: readonly (readonly number[])[]): number[][] | null {
  const k = matrix.length;
  const a = matrix.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...matrix.map((row, i) => Math.abs(row[i]!)), 1e-300);
  for (let c = 0; c < k; c++) {
    let pivot = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (Math.abs(a[pivot]![c]!) <= SINGULAR * scale) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const row = a[c]!;
    const p = row[c]!;
    for (let j = 0; j < 2 * k; j++) row[j]! /= p;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const factor = a[r]![c]!;
      if (factor === 0) continue;
      for (let j = 0; j < 2 * k; j++) a[r]![j]! -= factor * row[j]!;
    }
  }
  return a.map((row) => row.slice(k));
}

/**
 * The OLS fit of y on the design whose moments are given: `xtx` = X'X, `xty` = X'y, `yty` = y'y,
 * `ySum` = Σy, `n` observations. The design holds a column of ones (the intercept) for R² to mean
 * what it usually does. Null when X'X is singular.
 */
export function olsFromMoments(
  xtx: readonly (readonly number[])[],
  xty: readonly number[],
  yty: number,
  ySum: number,
  n: number,
): OlsFit | null {
  const inv = inverse(xtx);
  if (!inv) return null;
  const k = xty.length;
  const coefficients = inv.map((row) => row.reduce((sum, v, j) => sum + v * xty[j]!, 0));
  const explained = coefficients.reduce((sum, b, j) => sum + b * xty[j]!, 0);
  // A perfect fit leaves rounding noise, not residuals: below this share of y'y the fit is exact and
  // t undefined (otherwise noise of 1e-16 would give t of 1e8 and permutation counts of chance).
  const leftOver = yty - explained;
  const residualSumOfSquares = leftOver <= EXACT_FIT * Math.max(1, Math.abs(yty)) ? 0 : leftOver;
  const totalSumOfSquares = yty - (ySum * ySum) / n;
  const variance = n > k ? residualSumOfSquares / (n - k) : null;
  const standardErrors = inv.map((row, j) => (variance === null ? null : Math.sqrt(variance * row[j]!)));
  const t = coefficients.map((b, j) => {
    const se = standardErrors[j];
    return se === null || se === undefined || se === 0 ? null : b / se;
  });
  return {
    coefficients,
    standardErrors,
    t,
    r2: totalSumOfSquares > 0 ? 1 - residualSumOfSquares / totalSumOfSquares : null,
    residualSumOfSquares,
  };
}
