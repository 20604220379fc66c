// Gould–Fernandez brokerage counts over the typed out-adjacency (definitions: indicators/silo/
// brokerage.ts). Open two-paths a → b → c are walked from a, whose successors are marked once, so
// "no arc a → c" is one array read instead of a graph look-up.
import type { CompactGraph } from "./compact-graph.js";

/** Role positions in each member's five counts, in the order of `brokerageRoles`. */
const COORDINATOR = 0;
const ITINERANT = 1;
const REPRESENTATIVE = 2;
const GATEKEEPER = 3;
const LIAISON = 4;
export const ROLE_COUNT = 5;

/** The role of broker b on a → b → c from the three groups (the position in `brokerageRoles`). */
export function roleIndex<Group>(ga: Group, gb: Group, gc: Group): number {
  if (ga === gb) return gb === gc ? COORDINATOR : REPRESENTATIVE;
  if (ga === gc) return ITINERANT;
  return gb === gc ? GATEKEEPER : LIAISON;
}

/** Per broker b: its counts at `[b·5, b·5 + 5)`; two-paths touching a member with code −1 are not counted. */
export function brokerageCounts({ ids, offsets, targets }: CompactGraph, codes: Int32Array): Int32Array {
  const n = ids.length;
  const counts = new Int32Array(n * ROLE_COUNT);
  const successorOf = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const ga = codes[a]!;
    if (ga < 0) continue;
    const stamp = a + 1;
    for (let e = offsets[a]!; e < offsets[a + 1]!; e++) successorOf[targets[e]!] = stamp;
    for (let e = offsets[a]!; e < offsets[a + 1]!; e++) {
      const b = targets[e]!;
      const gb = codes[b]!;
      if (gb < 0) continue;
      for (let f = offsets[b]!; f < offsets[b + 1]!; f++) {
        const c = targets[f]!;
        const gc = codes[c]!;
        if (c === a || gc < 0 || successorOf[c] === stamp) continue;
        counts[b * ROLE_COUNT + roleIndex(ga, gb, gc)]!++;
      }
    }
  }
  return counts;
}
