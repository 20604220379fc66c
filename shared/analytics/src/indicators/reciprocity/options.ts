import type { IndicatorOptions } from "../indicator.js";

export const DAY_MS = 86_400_000;

/** Options the reciprocity indicators read beside the common ones; every field has a default. */
export interface ReciprocityOptions extends IndicatorOptions {
  /** Δ of `reciprocity.returned_within` and `reciprocity.time_to_return` (ms). Default 30 days. */
  readonly returnWithinMs?: number;
}

export const defaultReturnWithinMs = 30 * DAY_MS;

/** Δ from the options, checked: a positive, finite number of ms. */
export function returnWithinMs(options: IndicatorOptions): number {
  const value = (options as ReciprocityOptions).returnWithinMs ?? defaultReturnWithinMs;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`returnWithinMs must be a positive number of ms`);
  return value;
}
