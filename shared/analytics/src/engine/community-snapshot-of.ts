import { DirectedGraph } from "graphology";
import type {
  CommunityGraph,
  CommunitySnapshot,
  MemberAttributes,
  TieAttributes,
} from "../projection/community-snapshot.js";
import { tieLayers } from "../projection/query.js";
import type { LayerWeights } from "../projection/tie-accumulator.js";
import { type CompactSnapshot, layerCodes, referenceOrder } from "./compact-snapshot.js";

/**
 * The snapshot the indicators without a compact form read: the same nodes, ties, attributes and
 * insertion order as the reference projection. Its graph of objects is built from the compact
 * snapshot when first read: indicators of dated facts alone (activity, roles) never build it.
 */
export function communitySnapshotOf(compact: CompactSnapshot): CommunitySnapshot {
  let graph: CommunityGraph | undefined;
  return {
    query: compact.query,
    get graph() {
      graph ??= graphOf(compact);
      return graph;
    },
    get interactions() {
      return compact.interactions;
    },
    get gatherings() {
      return compact.gatherings;
    },
    joinedAt: compact.joinedAt,
  };
}

function graphOf(compact: CompactSnapshot): CommunityGraph {
  const graph: CommunityGraph = new DirectedGraph<MemberAttributes, TieAttributes>();
  compact.ids.forEach((id, i) => {
    graph.addNode(id, compact.attributes[i]);
  });
  const { ids, source, target, weight } = compact;
  for (const k of referenceOrder(compact)) {
    const from = ids[source[k] as number] as string;
    const to = ids[target[k] as number] as string;
    graph.addDirectedEdgeWithKey(`${from}->${to}`, from, to, {
      weight: weight[k] as number,
      layers: layersOf(compact, k),
    });
  }
  return graph;
}

/** Tie k's weight per layer, keys in the order its layers first counted. */
export function layersOf(compact: CompactSnapshot, k: number): LayerWeights {
  const layers: LayerWeights = {};
  let at = compact.layerStart[k] as number;
  for (const code of layerCodes(compact.layerOrder[k] as number)) {
    layers[tieLayers[code]!] = compact.layerWeights[at++] as number;
  }
  return layers;
}
