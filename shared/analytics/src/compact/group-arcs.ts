// The arcs between members with a value for an attribute, with both ends' group codes: what the
// group-mixing indicators (E-I, cross share, Coleman, attribute modularity, assortativity) count.
// Built once per (snapshot graph, attribute), in arc order.
import type { CommunityGraph } from "../projection/community-snapshot.js";
import { arcListOf } from "./arc-list.js";
import { type GroupCodes, groupCodesOf } from "./group-codes.js";
import { memoisedOnGraph } from "./memo.js";

export interface GroupArcs extends GroupCodes {
  /** Per counted arc: its position in the arc list, its ends' members and their group codes. */
  readonly arcs: Int32Array;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly fromGroups: Int32Array;
  readonly toGroups: Int32Array;
}

export function groupArcsOf(graph: CommunityGraph, attribute: string): GroupArcs {
  return memoisedOnGraph(graph, `group-arcs\u0000${attribute}`, () => {
    const groups = groupCodesOf(graph, attribute);
    const { codes } = groups;
    const all = arcListOf(graph);
    const kept: number[] = [];
    for (let k = 0; k < all.sources.length; k++) {
      if (codes[all.sources[k]!]! >= 0 && codes[all.targets[k]!]! >= 0) kept.push(k);
    }
    const arcs = Int32Array.from(kept);
    const sources = arcs.map((k) => all.sources[k]!);
    const targets = arcs.map((k) => all.targets[k]!);
    return {
      ...groups,
      arcs,
      sources,
      targets,
      fromGroups: sources.map((member) => codes[member]!),
      toGroups: targets.map((member) => codes[member]!),
    };
  });
}

/** Members per group code. */
export function groupSizesOf({ codes, labels }: GroupCodes): Int32Array {
  const sizes = new Int32Array(labels.length);
  for (const code of codes) if (code >= 0) sizes[code]!++;
  return sizes;
}
