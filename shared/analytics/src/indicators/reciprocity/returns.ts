// Shared by reciprocity.returned_within and reciprocity.time_to_return.
// Interaction arcs: one per (directed interaction, recipient ≠ source); mutual kinds (collaboration)
// are left out, being returned by definition. The first return of an arc A→B at t is the earliest
// interaction arc B→A at t' > t (strictly: one at the same instant is no return).
// An arc is observed (not censored) when its whole return window fits before the query:
// t + Δ ≤ at. Censored arcs are left out, so recent interactions do not pull the share down.
// Computed over typed arrays, once per (snapshot, Δ): compact/interaction-returns.ts.

/** Median of a non-empty list (mean of the two middle values for an even count); null if empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >>> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
