// The graph's arcs as typed arrays, in the graph's edge order, self-loops left out: one walk over
// graphology's edge list (several times faster than a walk per member), from which the other
// compact forms are derived without touching graphology again.
import type { CommunityGraph, TieAttributes } from "../projection/community-snapshot.js";
import { memberIndexOf } from "./member-index.js";
import { memoisedOnGraph } from "./memo.js";

export interface ArcList {
  readonly ids: readonly string[];
  /** Arc k runs sources[k] → targets[k], member-index positions. */
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
  /** The tie's weight per layer (the graph's own objects: read, never change). */
  readonly layers: readonly TieAttributes["layers"][];
}

export function arcListOf(graph: CommunityGraph): ArcList {
  return memoisedOnGraph(graph, "arcs", () => {
    const { ids, index } = memberIndexOf(graph);
    const sources = new Int32Array(graph.size);
    const targets = new Int32Array(graph.size);
    const weights = new Float64Array(graph.size);
    const layers: TieAttributes["layers"][] = [];
    let next = 0;
    graph.forEachEdge((_edge, tie, source, target) => {
      if (source === target) return;
      sources[next] = index.get(source)!;
      targets[next] = index.get(target)!;
      weights[next] = tie.weight;
      layers.push(tie.layers);
      next++;
    });
    return {
      ids,
      sources: sources.subarray(0, next),
      targets: targets.subarray(0, next),
      weights: weights.subarray(0, next),
      layers,
    };
  });
}
