// Shared by reciprocity.returned_within and reciprocity.time_to_return.
// Interaction arcs: one per (directed interaction, recipient ≠ source); mutual kinds (collaboration)
// are left out, being returned by definition. The first return of an arc A→B at t is the earliest
// interaction arc B→A at t' > t (strictly: one at the same instant is no return).
// An arc is observed (not censored) when its whole return window fits before the query:
// t + Δ ≤ at. Censored arcs are left out, so recent interactions do not pull the share down.
import { isMutualKind } from "@copgraph/domain";
import type { CommunitySnapshot } from "../../projection/community-snapshot.js";

export interface ArcReturn {
  readonly from: string;
  readonly to: string;
  readonly at: number;
  /** Delay to the first return within Δ (ms), or null when none came within Δ. */
  readonly delay: number | null;
}

export interface ReturnSummary {
  /** Observed arcs (t + Δ ≤ at), in time order. */
  readonly arcs: readonly ArcReturn[];
  /** Arcs left out because their return window is still open at the query's `at`. */
  readonly censored: number;
}

/** The first index in ascending `times` whose value is > t. */
function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function interactionReturns(snapshot: CommunitySnapshot, withinMs: number): ReturnSummary {
  const all: { from: string; to: string; at: number }[] = [];
  const timesByPair = new Map<string, number[]>();
  for (const interaction of snapshot.interactions) {
    if (isMutualKind(interaction.kind)) continue;
    for (const to of new Set(interaction.to)) {
      if (to === interaction.from) continue;
      all.push({ from: interaction.from, to, at: interaction.occurredAt });
      const key = `${interaction.from}\u0000${to}`;
      const times = timesByPair.get(key);
      if (times) times.push(interaction.occurredAt);
      else timesByPair.set(key, [interaction.occurredAt]);
    }
  }
  for (const times of timesByPair.values()) times.sort((a, b) => a - b);
  const arcs: ArcReturn[] = [];
  let censored = 0;
  for (const arc of all) {
    if (arc.at + withinMs > snapshot.query.at) {
      censored++;
      continue;
    }
    const back = timesByPair.get(`${arc.to}\u0000${arc.from}`) ?? [];
    const next = back[firstAfter(back, arc.at)];
    const delay = next !== undefined && next - arc.at <= withinMs ? next - arc.at : null;
    arcs.push({ ...arc, delay });
  }
  return { arcs, censored };
}

/** Median of a non-empty list (mean of the two middle values for an even count); null if empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >>> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
