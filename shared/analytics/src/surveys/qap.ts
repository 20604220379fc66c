// QAP correlation (Krackhardt 1987, 1988): Pearson's r over the off-diagonal cells of two dyad
// matrices, against the same r with one matrix's rows and columns permuted together, which keeps
// each matrix's structure (row and column dependence) and breaks only the link between them.
import type { Value } from "../indicators/indicator.js";
import type { DyadMatrix } from "./dyad-matrix.js";

/**
 * Statistics this close (relative to the observed one, absolute below 1) are ties: the same sums
 * in another order differ by ~1e-16, and a tie must not fall either way by chance.
 */
export const TIE_EPSILON = 1e-12;

/** p-values from permuted statistics: (1 + extreme) / (1 + defined), ties judged with TIE_EPSILON. */
export interface PermutationPValues {
  /** Two-sided: |permuted| ≥ |observed|. */
  readonly p: Value;
  /** One-sided: permuted ≥ observed. */
  readonly pGreater: Value;
  /** One-sided: permuted ≤ observed. */
  readonly pLess: Value;
  /** Permutations whose statistic was defined. */
  readonly permutations: number;
}

export function permutationPValues(observed: Value, samples: readonly Value[]): PermutationPValues {
  const defined = samples.filter((x): x is number => x !== null);
  if (observed === null || defined.length === 0) {
    return { p: null, pGreater: null, pLess: null, permutations: defined.length };
  }
  const tie = TIE_EPSILON * Math.max(1, Math.abs(observed));
  let beyond = 0;
  let above = 0;
  let below = 0;
  for (const x of defined) {
    if (Math.abs(x) >= Math.abs(observed) - tie) beyond++;
    if (x >= observed - tie) above++;
    if (x <= observed + tie) below++;
  }
  const total = 1 + defined.length;
  return {
    p: (1 + beyond) / total,
    pGreater: (1 + above) / total,
    pLess: (1 + below) / total,
    permutations: defined.length,
  };
}

/** Σ a[i][j] · b[π(i)][π(j)] over i ≠ j (π the identity when absent). */
export function crossSum(a: Float64Array, b: Float64Array, n: number, permutation?: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const pi = permutation ? permutation[i]! : i;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const pj = permutation ? permutation[j]! : j;
      sum += a[i * n + j]! * b[pi * n + pj]!;
    }
  }
  return sum;
}

/** Sum and sum of squares over the off-diagonal cells (a permutation leaves both unchanged). */
export function offDiagonalMoments(a: Float64Array, n: number): { sum: number; squares: number; cells: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sum += a[i * n + j]!;
      squares += a[i * n + j]! ** 2;
    }
  }
  return { sum, squares, cells: n * (n - 1) };
}

export interface QapCorrelation extends PermutationPValues {
  /** Pearson's r over the n(n − 1) ordered pairs; null when either matrix is constant there. */
  readonly r: Value;
}

/** r of x and y, and its QAP p-values with y's rows and columns permuted by each of `permutations`. */
export function qapCorrelation(x: DyadMatrix, y: DyadMatrix, permutations: readonly Int32Array[]): QapCorrelation {
  const n = x.members.length;
  const mx = offDiagonalMoments(x.values, n);
  const my = offDiagonalMoments(y.values, n);
  const cells = mx.cells;
  const sxx = mx.squares - (mx.sum * mx.sum) / cells;
  const syy = my.squares - (my.sum * my.sum) / cells;
  const scale = Math.sqrt(sxx * syy);
  // A constant matrix (sxx ≈ 0 relative to its size) has no correlation.
  const defined =
    cells > 1 && sxx > TIE_EPSILON * Math.max(1, mx.squares) && syy > TIE_EPSILON * Math.max(1, my.squares);
  const rOf = (cross: number): Value => (defined ? (cross - (mx.sum * my.sum) / cells) / scale : null);
  const r = rOf(crossSum(x.values, y.values, n));
  const samples = defined ? permutations.map((p) => rOf(crossSum(x.values, y.values, n, p))) : [];
  return { r, ...permutationPValues(r, samples) };
}
