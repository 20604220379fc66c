// MRQAP: OLS of one dyad matrix on others over the off-diagonal cells, each coefficient tested by
// double semi-partialling (DSP, Dekker, Krackhardt & Snijders 2007): the predictor is replaced by
// its residual on the other predictors (and the intercept), that residual matrix's rows and columns
// are permuted together, y is refitted on the others and the permuted residual, and the observed
// t-statistic is compared with the permuted ones. As R's sna::netlm(nullhyp = "qapspp",
// test.statistic = "t-value"); here every predictor is tested against the same permutation list.
import type { Value } from "../indicators/indicator.js";
import { checkSameMembers, type DyadMatrix } from "./dyad-matrix.js";
import { olsFromMoments } from "./ols.js";
import { crossSum, offDiagonalMoments, type PermutationPValues, permutationPValues } from "./qap.js";

export interface MrqapCoefficient extends PermutationPValues {
  /** "intercept" or the predictor's name. */
  readonly name: string;
  readonly estimate: Value;
  readonly standardError: Value;
  readonly t: Value;
}

export interface MrqapResult {
  /** Ordered pairs fitted: n(n − 1). */
  readonly cells: number;
  readonly r2: Value;
  /** Intercept first (no p-value: DSP tests predictors), then the predictors in the order given. */
  readonly coefficients: readonly MrqapCoefficient[];
  /** Why the fit is missing, when it is: the predictors are collinear or constant. */
  readonly undefinedBecause?: string;
}

/** Off-diagonal cells of a matrix of ones: the intercept's column. */
function ones(n: number): Float64Array {
  const values = new Float64Array(n * n).fill(1);
  for (let i = 0; i < n; i++) values[i * n + i] = 0;
  return values;
}

/** X'X of columns, X'y, over the off-diagonal cells. */
function moments(columns: readonly Float64Array[], y: Float64Array, n: number) {
  const xtx = columns.map((a) => columns.map((b) => crossSum(a, b, n)));
  const xty = columns.map((a) => crossSum(a, y, n));
  return { xtx, xty };
}

/** Residual of column `k` on the others (off the diagonal; the diagonal stays 0); null when collinear. */
function residualOf(columns: readonly Float64Array[], k: number, n: number): Float64Array | null {
  const others = columns.filter((_, j) => j !== k);
  const target = columns[k]!;
  const { xtx, xty } = moments(others, target, n);
  const yty = crossSum(target, target, n);
  const fit = olsFromMoments(xtx, xty, yty, 0, n * (n - 1));
  if (!fit) return null;
  const residual = new Float64Array(n * n);
  for (let c = 0; c < n * n; c++) {
    if (Math.floor(c / n) === c % n) continue;
    let predicted = 0;
    for (let j = 0; j < others.length; j++) predicted += fit.coefficients[j]! * others[j]![c]!;
    residual[c] = target[c]! - predicted;
  }
  return residual;
}

export function mrqap(
  y: DyadMatrix,
  predictors: Readonly<Record<string, DyadMatrix>>,
  permutations: readonly Int32Array[],
): MrqapResult {
  const n = checkSameMembers({ y, ...predictors });
  const names = Object.keys(predictors);
  const columns = [ones(n), ...names.map((name) => predictors[name]!.values)];
  const cells = n * (n - 1);
  const my = offDiagonalMoments(y.values, n);
  const { xtx, xty } = moments(columns, y.values, n);
  const fit = cells > columns.length ? olsFromMoments(xtx, xty, my.squares, my.sum, cells) : null;
  const allNames = ["intercept", ...names];
  if (!fit) {
    return {
      cells,
      r2: null,
      coefficients: allNames.map((name) => ({
        name,
        estimate: null,
        standardError: null,
        t: null,
        ...permutationPValues(null, []),
      })),
      undefinedBecause: "the predictors are constant or collinear over the members' pairs, or too few pairs",
    };
  }
  const coefficients = allNames.map((name, k): MrqapCoefficient => {
    const observed = fit.t[k] ?? null;
    const base = { name, estimate: fit.coefficients[k]!, standardError: fit.standardErrors[k] ?? null, t: observed };
    if (k === 0) return { ...base, ...permutationPValues(null, []) };
    const residual = residualOf(columns, k, n);
    if (!residual) return { ...base, ...permutationPValues(null, []) };
    // The permuted residual's own sums do not change; only its products with y and the others do.
    const others = columns.filter((_, j) => j !== k);
    const ee = crossSum(residual, residual, n);
    const otherMoments = moments(others, y.values, n);
    const samples = permutations.map((p): Value => {
      const withOthers = others.map((column) => crossSum(column, residual, n, p));
      const xtxP = [...otherMoments.xtx.map((row, i) => [...row, withOthers[i]!]), [...withOthers, ee]];
      const xtyP = [...otherMoments.xty, crossSum(y.values, residual, n, p)];
      const permuted = olsFromMoments(xtxP, xtyP, my.squares, my.sum, cells);
      return permuted?.t[others.length] ?? null;
    });
    return { ...base, ...permutationPValues(observed, samples) };
  });
  return { cells, r2: fit.r2, coefficients };
}
