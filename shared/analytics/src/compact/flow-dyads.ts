// The dyads of the giver→receiver arcs of a window (roles.reversal): every (giver, receiver) pair
// of distinct members of an episode is an arc at the episode's instant; a dyad is the unordered
// pair, its ends `a` < `b` by id (string order), listed in order of their first arc.
import type { CompactEpisodes } from "./episodes.js";
import { GIVER, RECEIVER } from "./episodes.js";

export interface FlowDyads {
  /** Per dyad: its ends (positions in the episodes' ids), a's id before b's. */
  readonly a: Int32Array;
  readonly b: Int32Array;
  /** Per dyad: its arcs. */
  readonly arcs: Int32Array;
  /** Per dyad: 1 when an arc one way comes strictly before an arc the other way. */
  readonly reversed: Uint8Array;
  /** Per dyad: 1 when its arcs are at two or more instants. */
  readonly spread: Uint8Array;
}

/** Rank of each id in string order. */
function stringRanks(ids: readonly string[]): Int32Array {
  const order = ids.map((_, i) => i).sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));
  const ranks = new Int32Array(ids.length);
  order.forEach((member, rank) => {
    ranks[member] = rank;
  });
  return ranks;
}

export function flowDyadsOf(episodes: CompactEpisodes): FlowDyads {
  const { ids, at, offsets, members, classes } = episodes;
  const ranks = stringRanks(ids);
  const n = ids.length;
  const dyadOf = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  const arcs: number[] = [];
  // Times are visited in ascending order, so first and last arc of a direction are its min and max.
  const first: number[][] = [[], []];
  const last: number[][] = [[], []];
  for (let e = 0; e < at.length; e++) {
    const t = at[e]!;
    for (let g = offsets[e]!; g < offsets[e + 1]!; g++) {
      if (classes[g] !== GIVER) continue;
      for (let r = offsets[e]!; r < offsets[e + 1]!; r++) {
        if (classes[r] !== RECEIVER || members[r] === members[g]) continue;
        const forward = ranks[members[g]!]! < ranks[members[r]!]!;
        const [lo, hi] = forward ? [members[g]!, members[r]!] : [members[r]!, members[g]!];
        let dyad = dyadOf.get(lo * n + hi);
        if (dyad === undefined) {
          dyad = a.length;
          dyadOf.set(lo * n + hi, dyad);
          a.push(lo);
          b.push(hi);
          arcs.push(0);
          for (const side of [0, 1]) {
            first[side]!.push(Number.POSITIVE_INFINITY);
            last[side]!.push(Number.NEGATIVE_INFINITY);
          }
        }
        arcs[dyad]!++;
        const side = forward ? 0 : 1;
        if (first[side]![dyad] === Number.POSITIVE_INFINITY) first[side]![dyad] = t;
        last[side]![dyad] = t;
      }
    }
  }
  const [firstF, firstB] = first as [number[], number[]];
  const [lastF, lastB] = last as [number[], number[]];
  const count = a.length;
  const reversed = new Uint8Array(count);
  const spread = new Uint8Array(count);
  for (let d = 0; d < count; d++) {
    reversed[d] = Number(firstF[d]! < lastB[d]! || firstB[d]! < lastF[d]!);
    const earliest = Math.min(firstF[d]!, firstB[d]!);
    const latest = Math.max(lastF[d]!, lastB[d]!);
    spread[d] = Number(latest > earliest);
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), arcs: Int32Array.from(arcs), reversed, spread };
}
