import type { GatheringFact, InteractionFact, MemberAttributes } from "../projection/community-snapshot.js";
import type { GraphQuery } from "../projection/query.js";

/**
 * The community as of a query in flat memory: members (nodes) by index in the reference
 * projection's order, ties as parallel typed arrays in the order their dyad first counted
 * (`referenceOrder` gives the reference's). `reverse[k]` is the tie (target → source) of tie k,
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
  /** Each node's rank as a source (the order it first gave a tie in); −1 for one that gave none. */
  readonly sourceRank: Int32Array;
  /** How many nodes gave a tie (ranks are 0 … sources − 1). */
  readonly sources: number;
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

const referenceOrders = new WeakMap<CompactSnapshot, Int32Array>();

/**
 * The ties in the reference projection's order: by their source's rank, and in the order they
 * first counted within a source (a stable counting sort). Kept once computed.
 */
export function referenceOrder(compact: CompactSnapshot): Int32Array {
  let order = referenceOrders.get(compact);
  if (order) return order;
  const { source, sourceRank, sources } = compact;
  const starts = new Int32Array(sources + 1);
  for (let k = 0; k < source.length; k++) {
    const next = (sourceRank[source[k] as number] as number) + 1;
    starts[next] = (starts[next] as number) + 1;
  }
  for (let r = 0; r < sources; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  order = new Int32Array(source.length);
  for (let k = 0; k < source.length; k++) {
    const rank = sourceRank[source[k] as number] as number;
    order[starts[rank] as number] = k;
    starts[rank] = (starts[rank] as number) + 1;
  }
  referenceOrders.set(compact, order);
  return order;
}
