// Summary of a seeded null model: the mean of the permuted values as baseline, a two-sided
// permutation p-value and a z-score. Null samples (the statistic undefined for one permutation)
// are left out.
import type { Value } from "../indicator.js";

export interface NullSummary {
  /** Mean of the defined permuted values; null when none. */
  readonly baseline: Value;
  /** (1 + #{|x − baseline| ≥ |observed − baseline|}) / (1 + P), P the defined samples. */
  readonly p: Value;
  /** (observed − baseline) / sd, sd the sample standard deviation of the permuted values; null when sd = 0. */
  readonly z: Value;
}

const EPSILON = 1e-12;

export function summariseNull(observed: Value, samples: readonly Value[]): NullSummary {
  const defined = samples.filter((x): x is number => x !== null);
  if (defined.length === 0) return { baseline: null, p: null, z: null };
  const mean = defined.reduce((sum, x) => sum + x, 0) / defined.length;
  if (observed === null) return { baseline: mean, p: null, z: null };
  const distance = Math.abs(observed - mean);
  let extreme = 0;
  for (const x of defined) if (Math.abs(x - mean) >= distance - EPSILON) extreme++;
  const p = (1 + extreme) / (1 + defined.length);
  if (defined.length < 2) return { baseline: mean, p, z: null };
  const variance = defined.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (defined.length - 1);
  const sd = Math.sqrt(variance);
  return { baseline: mean, p, z: sd < EPSILON ? null : (observed - mean) / sd };
}
