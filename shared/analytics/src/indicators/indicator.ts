import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import type { IndicatorDescription, IndicatorFamilyDescription } from "./description.js";

/** Options every indicator receives; each reads what it needs. */
export interface IndicatorOptions {
  /** The attribute that defines groups (sector, occupationalLayer, or a custom one). Default: sector. */
  readonly attribute: string;
  /** Seed for permutation tests and Louvain, so every value is reproducible. */
  readonly seed: number;
  /** Permutations for p-values and z-scores. */
  readonly permutations: number;
  /**
   * Exact values even where the indicator would otherwise estimate them (network.betweenness past
   * its size limit). Default false: a large graph gets an estimate with a stated error bound.
   */
  readonly exact?: boolean;
}

export const defaultIndicatorOptions: IndicatorOptions = {
  attribute: "sector",
  seed: 1,
  permutations: 1000,
  exact: false,
};

/** A value is null when it is undefined for the data (empty window, isolate), never NaN or a made-up 0. */
export type Value = number | null;

export interface IndicatorResult {
  readonly value: Value;
  /** What the value would be under the indicator's null model (random mixing, shuffled roles, …). */
  readonly baseline?: Value;
  readonly p?: Value;
  readonly z?: Value;
  readonly byGroup?: Readonly<Record<string, Value>>;
  readonly byMember?: Readonly<Record<string, Value>>;
  /** Further named values (a transition matrix, brokerage counts, clusters). */
  readonly details?: unknown;
}

/** An indicator: its description and its computation, side by side. */
export interface Indicator extends IndicatorDescription {
  compute(snapshot: CommunitySnapshot, options: IndicatorOptions): IndicatorResult;
}

export interface IndicatorFamily extends IndicatorFamilyDescription {
  readonly indicators: readonly Indicator[];
}
