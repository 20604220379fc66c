import { type CompactSnapshot, disparityBackbone } from "@copgraph/analytics";
import { type DrawnGraph, drawnFromCompact } from "@copgraph/community";
import { BACKBONE_SOURCE, type BackboneApplied } from "@copgraph/contract";

/**
 * The graph with only its backbone's ties (the disparity filter at level `alpha`), every member
 * still a node, and what was applied, for the answer to say.
 */
export function backboneOf(compact: CompactSnapshot, alpha: number): { drawn: DrawnGraph; applied: BackboneApplied } {
  const { ids, source, target } = compact;
  const { kept, keptCount } = disparityBackbone({ nodes: ids.length, source, target, weight: compact.weight }, alpha);
  // A tie is one ordered pair of members: kept pairs, by id, since the drawing speaks ids.
  const keptPairs = new Set<string>();
  for (let k = 0; k < kept.length; k++) {
    if (kept[k] === 1) keptPairs.add(pairKey(ids[source[k] as number] as string, ids[target[k] as number] as string));
  }
  const all = drawnFromCompact(compact);
  const drawn: DrawnGraph = {
    forEachNode: (each) => all.forEachNode(each),
    forEachTie: (each) =>
      all.forEachTie((from, to, weight, layers) => {
        if (keptPairs.has(pairKey(from, to))) each(from, to, weight, layers);
      }),
  };
  return {
    drawn,
    applied: { filter: "disparity", alpha, keptTies: keptCount, allTies: source.length, source: BACKBONE_SOURCE },
  };
}

const pairKey = (from: string, to: string) => `${from}\u0000${to}`;
