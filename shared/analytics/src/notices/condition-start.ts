/** A date at which a watched condition starts to hold, with what was compared. */
export interface ConditionStart {
  /** Valid time, ms. */
  readonly at: number;
  /** The reading then (for a quiet spell: the days without a gathering). */
  readonly value: number;
  /** What it was compared with: its baseline, the threshold, its value `days` earlier, or the days allowed. */
  readonly baseline: number;
}
