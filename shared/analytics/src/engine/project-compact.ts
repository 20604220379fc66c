import type { CommunityHistory } from "../projection/community-history.js";
import type { MemberAttributes } from "../projection/community-snapshot.js";
import { checkQuery, gatheringFact, interactionFact, joinedBy } from "../projection/project-snapshot.js";
import { type GraphQuery, tieLayers } from "../projection/query.js";
import type { Dated } from "../projection/sorted-facts.js";
import { type CompactSnapshot, LAYER_SLOTS } from "./compact-snapshot.js";
import type { RecordRows } from "./record-rows.js";
import { layerCode, type TieIndex, tieIndexOf } from "./tie-index.js";

/**
 * The same graph as projectSnapshot (the reference), built from the history's tie index: one
 * pass over the integer rows of the window's records, weights summed per dyad and layer in the
 * reference's order, no graph of objects. Equal to the reference by property test.
 */
export function projectCompact(history: CommunityHistory, query: GraphQuery): CompactSnapshot {
  checkQuery(query);
  const index = tieIndexOf(history);
  const from = query.from ?? Number.NEGATIVE_INFINITY;
  const windows = [index.interactions, index.gatherings].map((rows) => {
    const [first, end] = rows.range(from, query.at);
    return { rows, first, end };
  });
  const nodes = selectNodes(history, index, query, windows);
  const ties = accumulateTies(index, query, nodes.nodeOf, windows);
  const counted = <R extends Dated & { readonly id: string }>(rows: RecordRows<R>, first: number, end: number) => {
    const records: R[] = [];
    for (let r = first; r < end; r++) if (rows.counts(r, query.knownAt)) records.push(rows.records[r] as R);
    return records;
  };
  const [interactionWindow, gatheringWindow] = windows as [(typeof windows)[0], (typeof windows)[0]];
  let interactions: CompactSnapshot["interactions"] | undefined;
  let gatherings: CompactSnapshot["gatherings"] | undefined;
  return {
    query,
    ids: nodes.ids,
    attributes: nodes.attributes,
    joinedAt: nodes.joinedAt,
    ...ties,
    get interactions() {
      interactions ??= counted(index.interactions, interactionWindow.first, interactionWindow.end).map(interactionFact);
      return interactions;
    },
    get gatherings() {
      gatherings ??= counted(index.gatherings, gatheringWindow.first, gatheringWindow.end).map(gatheringFact);
      return gatherings;
    },
  };
}

interface Window {
  readonly rows: RecordRows<Dated & { readonly id: string }>;
  readonly first: number;
  readonly end: number;
}

/** Members joined by `at` and not gone, plus gone ones a counted record of the window names. */
function selectNodes(history: CommunityHistory, index: TieIndex, query: GraphQuery, windows: readonly Window[]) {
  const { present, gone } = joinedBy(history, query);
  const codes = present.map(({ join }) => index.members.code(join.memberId));
  const named = gone.size === 0 ? undefined : namedCodes(index.members.size, query.knownAt, windows);
  const nodeOf = new Int32Array(index.members.size).fill(-1);
  const ids: string[] = [];
  const attributes: MemberAttributes[] = [];
  const joinedAt = new Map<string, number>();
  present.forEach(({ timeline, join }, i) => {
    const code = codes[i] as number;
    if (gone.has(join.memberId) && named?.[code] !== 1) return;
    nodeOf[code] = ids.length;
    ids.push(join.memberId);
    attributes.push(timeline.profileAt(join, query.at, query.knownAt));
    joinedAt.set(join.memberId, join.occurredAt);
  });
  return { nodeOf, ids, attributes, joinedAt };
}

function namedCodes(memberCount: number, knownAt: number, windows: readonly Window[]): Uint8Array {
  const named = new Uint8Array(memberCount);
  for (const { rows, first, end } of windows) {
    const start = rows.namedStart.data;
    const members = rows.named.data;
    for (let r = first; r < end; r++) {
      if (!rows.counts(r, knownAt)) continue;
      for (let i = start[r] as number, stop = start[r + 1] as number; i < stop; i++) named[members[i] as number] = 1;
    }
  }
  return named;
}

/** Per-query tie slots, one per dyad met, in the order met; grown by doubling. */
class Slots {
  count = 0;
  dyad = new Int32Array(1024);
  source = new Int32Array(1024);
  target = new Int32Array(1024);
  order = new Uint32Array(1024);
  weights = new Float64Array(1024 * LAYER_SLOTS);

  add(dyad: number, source: number, target: number): number {
    if (this.count === this.dyad.length) this.#grow();
    const slot = this.count++;
    this.dyad[slot] = dyad;
    this.source[slot] = source;
    this.target[slot] = target;
    return slot;
  }

  #grow(): void {
    const grow = <T extends Int32Array | Uint32Array | Float64Array>(array: T, make: (n: number) => T) => {
      const grown = make(array.length * 2);
      grown.set(array);
      return grown;
    };
    this.dyad = grow(this.dyad, (n) => new Int32Array(n));
    this.source = grow(this.source, (n) => new Int32Array(n));
    this.target = grow(this.target, (n) => new Int32Array(n));
    this.order = grow(this.order, (n) => new Uint32Array(n));
    this.weights = grow(this.weights, (n) => new Float64Array(n));
  }
}

/** Sums each dyad's weight per layer over the counted records, interactions first, in time order. */
function accumulateTies(index: TieIndex, query: GraphQuery, nodeOf: Int32Array, windows: readonly Window[]) {
  const { at, halfLife, knownAt } = query;
  let selected = 0;
  for (const layer of query.layers ?? tieLayers) selected |= 1 << (layerCode.get(layer) as number);
  const slotOf = new Int32Array(index.dyadCount).fill(-1);
  const sourceRank = new Int32Array(index.members.size).fill(-1);
  const slots = new Slots();
  let ranks = 0;
  for (const { rows, first, end } of windows) {
    const rowStart = rows.rowStart.data;
    const sources = rows.source.data;
    const targets = rows.target.data;
    const layers = rows.layer.data;
    const dyads = rows.dyad.data;
    const occurredAt = rows.occurredAt.data;
    const recordedAt = rows.recordedAt.data;
    const retractedAt = rows.retractedAt.data;
    const weight = rows.weight.data;
    for (let r = first; r < end; r++) {
      if ((recordedAt[r] as number) > knownAt || (retractedAt[r] as number) <= knownAt) continue;
      // The reference's own expression, so weights match it to the last bit.
      const decay = halfLife === undefined ? 1 : 2 ** (-(at - (occurredAt[r] as number)) / halfLife);
      const amount = (weight[r] as number) * decay;
      for (let row = rowStart[r] as number, stop = rowStart[r + 1] as number; row < stop; row++) {
        const layer = layers[row] as number;
        const source = sources[row] as number;
        const target = targets[row] as number;
        if (((selected >> layer) & 1) === 0 || (nodeOf[source] as number) < 0 || (nodeOf[target] as number) < 0) {
          continue;
        }
        const dyad = dyads[row] as number;
        let slot = slotOf[dyad] as number;
        if (slot < 0) {
          slot = slots.add(dyad, source, target);
          slotOf[dyad] = slot;
          if ((sourceRank[source] as number) < 0) sourceRank[source] = ranks++;
        }
        const layerOrder = slots.order[slot] as number;
        if (!hasLayer(layerOrder, layer)) slots.order[slot] = appendLayer(layerOrder, layer);
        slots.weights[slot * LAYER_SLOTS + layer] = (slots.weights[slot * LAYER_SLOTS + layer] as number) + amount;
      }
    }
  }
  return collectTies(index, query.minWeight ?? 0, nodeOf, slotOf, sourceRank, ranks, slots);
}

const hasLayer = (order: number, layer: number) => {
  for (let shift = 0; shift < 32; shift += 4) {
    const code = (order >>> shift) & 15;
    if (code === 0) return false;
    if (code === layer + 1) return true;
  }
  return false;
};

const appendLayer = (order: number, layer: number) => {
  let shift = 0;
  while (((order >>> shift) & 15) !== 0) shift += 4;
  return (order | ((layer + 1) << shift)) >>> 0;
};

/** Ties in the reference's order (by the source's first tie, then the target's), lighter than minWeight left out. */
function collectTies(
  index: TieIndex,
  minWeight: number,
  nodeOf: Int32Array,
  slotOf: Int32Array,
  sourceRank: Int32Array,
  ranks: number,
  slots: Slots,
) {
  const count = slots.count;
  // Counting sort of slots by their source's rank keeps creation order within a source.
  const starts = new Int32Array(ranks + 1);
  const rankOf = (slot: number) => sourceRank[slots.source[slot] as number] as number;
  for (let s = 0; s < count; s++) {
    const next = rankOf(s) + 1;
    starts[next] = (starts[next] as number) + 1;
  }
  for (let r = 0; r < ranks; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const sorted = new Int32Array(count);
  for (let s = 0; s < count; s++) {
    const rank = rankOf(s);
    sorted[starts[rank] as number] = s;
    starts[rank] = (starts[rank] as number) + 1;
  }
  const tieOfSlot = new Int32Array(count).fill(-1);
  const kept = new Int32Array(count);
  const weight = new Float64Array(count);
  let ties = 0;
  for (let i = 0; i < count; i++) {
    const slot = sorted[i] as number;
    let sum = 0;
    const layerOrder = slots.order[slot] as number;
    for (let shift = 0; shift < 32; shift += 4) {
      const code = (layerOrder >>> shift) & 15;
      if (code === 0) break;
      sum += slots.weights[slot * LAYER_SLOTS + code - 1] as number;
    }
    if (!(sum >= minWeight)) continue;
    tieOfSlot[slot] = ties;
    weight[ties] = sum;
    kept[ties++] = slot;
  }
  const source = new Int32Array(ties);
  const target = new Int32Array(ties);
  const reverse = new Int32Array(ties).fill(-1);
  const layerWeights = new Float64Array(ties * LAYER_SLOTS);
  const layerOrder = new Uint32Array(ties);
  const reverseDyad = index.dyadReverse.data;
  for (let k = 0; k < ties; k++) {
    const slot = kept[k] as number;
    source[k] = nodeOf[slots.source[slot] as number] as number;
    target[k] = nodeOf[slots.target[slot] as number] as number;
    layerWeights.set(slots.weights.subarray(slot * LAYER_SLOTS, (slot + 1) * LAYER_SLOTS), k * LAYER_SLOTS);
    layerOrder[k] = slots.order[slot] as number;
    const back = reverseDyad[slots.dyad[slot] as number] as number;
    const backSlot = back < 0 ? -1 : (slotOf[back] as number);
    reverse[k] = backSlot < 0 ? -1 : (tieOfSlot[backSlot] as number);
  }
  return { source, target, weight: weight.slice(0, ties), reverse, layerWeights, layerOrder };
}
