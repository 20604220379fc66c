import type { GatheringFact, InteractionFact, MemberAttributes } from "../projection/community-snapshot.js";
import type { GraphQuery } from "../projection/query.js";

/**
 * The community as of a query in flat memory: members (nodes) by index, ties as parallel typed
 * arrays in the reference projection's order. `reverse[k]` is the tie (target → source) of tie k,
 * or −1; `layerWeights` holds each tie's weight per layer (tieLayers order, 8 per tie) and
 * `layerOrder` the order its layers first counted (4 bits each, code + 1), so a graph built from
 * it has the same keys in the same order as the reference.
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
  readonly layerWeights: Float64Array;
  readonly layerOrder: Uint32Array;
  /** The window's interactions and gatherings as the reference lists them; built when first read. */
  readonly interactions: readonly InteractionFact[];
  readonly gatherings: readonly GatheringFact[];
}

export const LAYER_SLOTS = 8;
