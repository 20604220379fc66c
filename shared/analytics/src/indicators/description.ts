// What an indicator says about itself, beside its computation: the one source of its reference
// entry in docs/indicators.md, of `GET /v1/indicators`, and of the web app's definitions.
// Text fields are Markdown: `code` in backticks, **bold** in double asterisks, nothing else.

/** What a value is measured in; only a count is shown as a whole number. */
export const indicatorUnits = ["count", "mean count", "share", "index", "days", "p-value", "z-score"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** Options an indicator may read (IndicatorOptions and its family's options), in the order descriptions list them. */
export const indicatorOptionNames = [
  "attribute",
  "seed",
  "permutations",
  "exact",
  "returnWithinMs",
  "minParticipations",
  "periodMs",
  "churnAfterMs",
  "clusterShare",
  "clusterMinSize",
] as const;
export type IndicatorOptionName = (typeof indicatorOptionNames)[number];

export interface IndicatorDescription {
  /** Stable id, e.g. `silo.ei`. */
  readonly id: string;
  /** Bumped whenever the definition changes. */
  readonly version: number;
  readonly title: string;
  readonly unit: IndicatorUnit;
  /** The options that change its value (no other does), in the order of indicatorOptionNames. */
  readonly options: readonly IndicatorOptionName[];
  readonly formula: string;
  /** Where the definition comes from (a citation, or "copgraph's own definition"). */
  readonly source: string;
  /** What the baseline means; absent when the indicator has none. */
  readonly baseline?: string;
  /** The fields of the result and when they are null. */
  readonly returns: string;
  /** A plain reading of an example value. */
  readonly reading: string;
  /** How it departs from the first definitions (shared/docs/metrics.md), where it does. */
  readonly differsFromMetrics?: string;
  readonly note?: string;
}

/** A family of indicators (network, silo, …) and what its members have in common. */
export interface IndicatorFamilyDescription {
  readonly id: string;
  readonly title: string;
  /** Paragraphs, separated by a blank line. */
  readonly about: string;
}
