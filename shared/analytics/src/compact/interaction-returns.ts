// The first returns of interaction arcs (definitions: indicators/reciprocity/returns.ts) over
// typed arrays, once per (snapshot, Δ) for reciprocity.returned_within and time_to_return: arcs
// and members as integers, each ordered pair's times as one slice of a flat array, a return a
// binary search in the reverse pair's slice.
import { isMutualKind } from "@copgraph/domain";
import type { CommunitySnapshot } from "../projection/community-snapshot.js";
import { memoisedOn } from "./memo.js";

export interface InteractionReturns {
  /** The members named by the arcs. */
  readonly ids: readonly string[];
  /** Observed arcs (t + Δ ≤ at), in time order: the sender (position in `ids`)… */
  readonly from: Int32Array;
  /** …and the delay to the first return within Δ, ms; NaN when none came within Δ. */
  readonly delay: Float64Array;
  /** Arcs left out because their return window is still open at the query's `at`. */
  readonly censored: number;
}

interface Arcs {
  readonly ids: string[];
  readonly from: number[];
  readonly to: number[];
  readonly at: number[];
}

function arcsOf(snapshot: CommunitySnapshot): Arcs {
  const arcs: Arcs = { ids: [], from: [], to: [], at: [] };
  const index = new Map<string, number>();
  const position = (id: string) => {
    let i = index.get(id);
    if (i === undefined) {
      i = arcs.ids.length;
      index.set(id, i);
      arcs.ids.push(id);
    }
    return i;
  };
  for (const interaction of snapshot.interactions) {
    if (isMutualKind(interaction.kind)) continue;
    const recipients = interaction.to.length === 1 ? interaction.to : new Set(interaction.to);
    for (const to of recipients) {
      if (to === interaction.from) continue;
      arcs.from.push(position(interaction.from));
      arcs.to.push(position(to));
      arcs.at.push(interaction.occurredAt);
    }
  }
  return arcs;
}

/** Each ordered pair's arc times, ascending: pair p's are `times[offsets[p] .. offsets[p + 1])`. */
function timesByPair({ ids, from, to, at }: Arcs) {
  const pairOf = new Map<number, number>();
  const pairOfArc = new Int32Array(from.length);
  const sizes: number[] = [];
  for (let k = 0; k < from.length; k++) {
    const key = from[k]! * ids.length + to[k]!;
    let pair = pairOf.get(key);
    if (pair === undefined) {
      pair = sizes.length;
      pairOf.set(key, pair);
      sizes.push(0);
    }
    pairOfArc[k] = pair;
    sizes[pair]!++;
  }
  const offsets = new Int32Array(sizes.length + 1);
  for (let p = 0; p < sizes.length; p++) offsets[p + 1] = offsets[p]! + sizes[p]!;
  const fill = offsets.slice(0, sizes.length);
  const times = new Float64Array(from.length);
  for (let k = 0; k < from.length; k++) times[fill[pairOfArc[k]!]!++] = at[k]!;
  // Projected facts come in time order; a slice out of order (hand-built facts) is sorted.
  for (let p = 0; p < sizes.length; p++) {
    for (let k = offsets[p]! + 1; k < offsets[p + 1]!; k++) {
      if (times[k - 1]! > times[k]!) {
        times.subarray(offsets[p]!, offsets[p + 1]!).sort();
        break;
      }
    }
  }
  return { pairOf, offsets, times };
}

/** The first index in [lo, hi) of ascending `times` whose value is > t (hi when none). */
function firstAfter(times: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function interactionReturnsOf(snapshot: CommunitySnapshot, withinMs: number): InteractionReturns {
  return memoisedOn(snapshot, `returns\u0000${withinMs}`, () => {
    const arcs = arcsOf(snapshot);
    const { pairOf, offsets, times } = timesByPair(arcs);
    const from: number[] = [];
    const delay: number[] = [];
    let censored = 0;
    for (let k = 0; k < arcs.from.length; k++) {
      const at = arcs.at[k]!;
      if (at + withinMs > snapshot.query.at) {
        censored++;
        continue;
      }
      const back = pairOf.get(arcs.to[k]! * arcs.ids.length + arcs.from[k]!);
      let returned = Number.NaN;
      if (back !== undefined) {
        const next = firstAfter(times, offsets[back]!, offsets[back + 1]!, at);
        if (next < offsets[back + 1]! && times[next]! - at <= withinMs) returned = times[next]! - at;
      }
      from.push(arcs.from[k]!);
      delay.push(returned);
    }
    return { ids: arcs.ids, from: Int32Array.from(from), delay: Float64Array.from(delay), censored };
  });
}
