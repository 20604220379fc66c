import type { GatheringFact, InteractionFact, MemberAttributes } from "../projection/community-snapshot.js";
import type { GraphQuery } from "../projection/query.js";

/**
 * The community as of a query in flat memory: members (nodes) by index, ties as parallel typed
 * arrays in the reference projection's order. `reverse[k]` is the tie (target → source) of tie k,
 * or −1. Tie k's weight per layer is `layerWeights[layerStart[k] .. layerStart[k + 1])`, in the
 * order its layers first counted, whose codes (tieLayers index + 1) `layerOrder[k]` packs 4 bits
 * each: a graph built from it has the same keys in the same order as the reference.
 */
export interface CompactSnapshot {
  readonly query: GraphQuery;
  /** Member ids of the nodes, in the reference projection's node order. */
  readonly ids: readonly string[];
  readonly attributes: readonly MemberAttributes[];
  /** When each node's member joined (valid time, ms). */
  readonly joinedAt: ReadonlyMap<string, number>;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly weight: Float64Array;
  readonly reverse: Int32Array;
  readonly layerStart: Int32Array;
  readonly layerWeights: Float64Array;
  readonly layerOrder: Uint32Array;
  /** The window's interactions and gatherings as the reference lists them; built when first read. */
  readonly interactions: readonly InteractionFact[];
  readonly gatherings: readonly GatheringFact[];
}

/** The layers of a tie in the order they first counted, as tieLayers indices. */
export function* layerCodes(order: number): Generator<number> {
  for (let shift = 0; shift < 32; shift += 4) {
    const code = (order >>> shift) & 15;
    if (code === 0) return;
    yield code - 1;
  }
}
