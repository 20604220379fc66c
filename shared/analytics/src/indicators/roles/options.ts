import type { IndicatorOptions } from "../indicator.js";

/** Options the role indicators read beside the common ones; every field has a default. */
export interface RolesOptions extends IndicatorOptions {
  /** Fewest gathering participations for a member's own value (entropy, richness, switch rate). Default 3. */
  readonly minParticipations?: number;
}

export const defaultMinParticipations = 3;

/** n_min from the options, checked: a positive integer. */
export function minParticipations(options: IndicatorOptions): number {
  const value = (options as RolesOptions).minParticipations ?? defaultMinParticipations;
  if (!Number.isInteger(value) || value < 1) throw new RangeError("minParticipations must be a positive integer");
  return value;
}

/** Permutations from the options, checked: a non-negative integer (0: no baseline, p or z). */
export function permutationCount(options: IndicatorOptions): number {
  const value = options.permutations;
  if (!Number.isInteger(value) || value < 0) throw new RangeError("permutations must be a non-negative integer");
  return value;
}
