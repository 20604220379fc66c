// The dyads of the giver→receiver arcs of a window (roles.reversal): every (giver, receiver) pair
// of distinct members of an episode is an arc at the episode's instant; a dyad is the unordered
// pair, its ends `a` < `b` by id (string order), listed in order of their first arc. Built once per
// snapshot's episodes, for roles.reversal and roles.ei_flow.
import type { CompactEpisodes } from "./episodes.js";
import { GIVER, RECEIVER } from "./episodes.js";
import { memoisedOn } from "./memo.js";

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
  /** Per dyad: FORWARD when it has an arc a → b, plus BACKWARD when one b → a. */
  readonly ways: Uint8Array;
}

export const FORWARD = 1;
export const BACKWARD = 2;

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
  return memoisedOn(episodes, "dyads", () => buildDyads(episodes));
}

function buildDyads(episodes: CompactEpisodes): FlowDyads {
  const { ids, at, offsets, members, classes } = episodes;
  const ranks = stringRanks(ids);
  const n = ids.length;
  const dyadOf = new Map<number, number>();
  const a: number[] = [];
  const b: number[] = [];
  const arcs: number[] = [];
  // Times are visited in ascending order: a direction's first and last arcs are its min and max.
  // Forward runs a → b (the giver's id first), backward b → a.
  const firstForward: number[] = [];
  const lastForward: number[] = [];
  const firstBackward: number[] = [];
  const lastBackward: number[] = [];
  for (let e = 0; e < at.length; e++) {
    const t = at[e]!;
    for (let g = offsets[e]!; g < offsets[e + 1]!; g++) {
      if (classes[g] !== GIVER) continue;
      const giver = members[g]!;
      for (let r = offsets[e]!; r < offsets[e + 1]!; r++) {
        const receiver = members[r]!;
        if (classes[r] !== RECEIVER || receiver === giver) continue;
        const forward = ranks[giver]! < ranks[receiver]!;
        const key = forward ? giver * n + receiver : receiver * n + giver;
        let dyad = dyadOf.get(key);
        if (dyad === undefined) {
          dyad = a.length;
          dyadOf.set(key, dyad);
          a.push(forward ? giver : receiver);
          b.push(forward ? receiver : giver);
          arcs.push(0);
          firstForward.push(Number.POSITIVE_INFINITY);
          lastForward.push(Number.NEGATIVE_INFINITY);
          firstBackward.push(Number.POSITIVE_INFINITY);
          lastBackward.push(Number.NEGATIVE_INFINITY);
        }
        arcs[dyad]!++;
        const [first, last] = forward ? [firstForward, lastForward] : [firstBackward, lastBackward];
        if (first[dyad] === Number.POSITIVE_INFINITY) first[dyad] = t;
        last[dyad] = t;
      }
    }
  }
  const count = a.length;
  const reversed = new Uint8Array(count);
  const spread = new Uint8Array(count);
  const ways = new Uint8Array(count);
  for (let d = 0; d < count; d++) {
    ways[d] =
      (firstForward[d]! < Number.POSITIVE_INFINITY ? FORWARD : 0) |
      (firstBackward[d]! < Number.POSITIVE_INFINITY ? BACKWARD : 0);
    reversed[d] = Number(firstForward[d]! < lastBackward[d]! || firstBackward[d]! < lastForward[d]!);
    const earliest = Math.min(firstForward[d]!, firstBackward[d]!);
    const latest = Math.max(lastForward[d]!, lastBackward[d]!);
    spread[d] = Number(latest > earliest);
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b), arcs: Int32Array.from(arcs), reversed, spread, ways };
}
