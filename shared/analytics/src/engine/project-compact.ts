import type { CommunityHistory } from "../projection/community-history.js";
import type { MemberAttributes } from "../projection/community-snapshot.js";
import { checkQuery, gatheringFact, interactionFact, joinedBy } from "../projection/project-snapshot.js";
import { type GraphQuery, tieLayers } from "../projection/query.js";
import type { Dated } from "../projection/sorted-facts.js";
import type { CompactSnapshot } from "./compact-snapshot.js";
import type { RecordRows } from "./record-rows.js";
import { layerCode, type TieIndex, tieIndexOf } from "./tie-index.js";
import { LAYER_SLOTS } from "./tie-scratch.js";

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
  const ties = accumulateTies(index, query, nodes, windows);
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
  const nodeCodes: number[] = [];
  const attributes: MemberAttributes[] = [];
  const joinedAt = new Map<string, number>();
  present.forEach(({ timeline, join }, i) => {
    const code = codes[i] as number;
    if (gone.has(join.memberId) && named?.[code] !== 1) return;
    nodeOf[code] = ids.length;
    ids.push(join.memberId);
    nodeCodes.push(code);
    attributes.push(timeline.profileAt(join, query.at, query.knownAt));
    joinedAt.set(join.memberId, join.occurredAt);
  });
  return { nodeOf, nodeCodes, ids, attributes, joinedAt };
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

/** Sums each dyad's weight per layer over the counted records, interactions first, in time order. */
function accumulateTies(
  index: TieIndex,
  query: GraphQuery,
  { nodeOf, nodeCodes }: { nodeOf: Int32Array; nodeCodes: readonly number[] },
  windows: readonly Window[],
) {
  const { at, halfLife, knownAt } = query;
  let selected = 0;
  for (const layer of query.layers ?? tieLayers) selected |= 1 << (layerCode.get(layer) as number);
  const scratch = index.scratch;
  const stamp = scratch.begin(index.dyadCount, index.members.size);
  const reverseDyad = index.dyadReverse.data;
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
        let slot: number;
        if (scratch.stamp[dyad] === stamp) slot = scratch.slotOf[dyad] as number;
        else {
          slot = scratch.add(dyad, source, target);
          scratch.stamp[dyad] = stamp;
          scratch.slotOf[dyad] = slot;
          // Linked here, once per slot, rather than looked up for every tie at the end.
          const back = reverseDyad[dyad] as number;
          if (back >= 0 && scratch.stamp[back] === stamp) {
            const backSlot = scratch.slotOf[back] as number;
            scratch.reverse[slot] = backSlot;
            scratch.reverse[backSlot] = slot;
          }
          if (scratch.rankStamp[source] !== stamp) {
            scratch.rankStamp[source] = stamp;
            scratch.sourceRank[source] = ranks++;
          }
        }
        const layerOrder = scratch.order[slot] as number;
        if (!hasLayer(layerOrder, layer)) scratch.order[slot] = appendLayer(layerOrder, layer);
        const at8 = slot * LAYER_SLOTS + layer;
        scratch.weights[at8] = (scratch.weights[at8] as number) + amount;
      }
    }
  }
  // Each node's rank as a source (−1: gave no tie): the reference adds a source's ties in the
  // order it first gave one, so its order is a stable sort of the ties by their source's rank.
  const sourceRank = new Int32Array(nodeCodes.length);
  nodeCodes.forEach((code, node) => {
    sourceRank[node] = scratch.rankStamp[code] === stamp ? (scratch.sourceRank[code] as number) : -1;
  });
  return { ...collectTies(index, query.minWeight ?? 0, nodeOf), sourceRank, sources: ranks };
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

/**
 * Ties in the order their dyad first counted (the working memory's order, read straight through),
 * lighter than minWeight left out; with each source's rank, so that the reference's order can be
 * derived when a graph of objects is built (referenceOrder).
 */
function collectTies(index: TieIndex, minWeight: number, nodeOf: Int32Array) {
  const scratch = index.scratch;
  const { count, source: slotSource, target: slotTarget, order, weights } = scratch;
  scratch.fitSlots();
  const { tieOfSlot, sum: weight } = scratch;
  // The sums in layer order, as the reference adds them; slots lighter than minWeight drop out.
  let ties = 0;
  let layerCount = 0;
  for (let slot = 0; slot < count; slot++) {
    const layerOrder = order[slot] as number;
    let sum = 0;
    let layers = 0;
    for (let shift = 0; shift < 32; shift += 4) {
      const code = (layerOrder >>> shift) & 15;
      if (code === 0) break;
      sum += weights[slot * LAYER_SLOTS + code - 1] as number;
      layers++;
    }
    if (!(sum >= minWeight)) {
      tieOfSlot[slot] = -1;
      continue;
    }
    tieOfSlot[slot] = ties;
    weight[ties++] = sum;
    layerCount += layers;
  }
  const source = new Int32Array(ties);
  const target = new Int32Array(ties);
  const reverse = new Int32Array(ties);
  const layerStart = new Int32Array(ties + 1);
  const layerWeights = new Float64Array(layerCount);
  const layerOrder = new Uint32Array(ties);
  let k = 0;
  let next = 0;
  for (let slot = 0; slot < count; slot++) {
    if ((tieOfSlot[slot] as number) < 0) continue;
    source[k] = nodeOf[slotSource[slot] as number] as number;
    target[k] = nodeOf[slotTarget[slot] as number] as number;
    const tieOrder = order[slot] as number;
    layerOrder[k] = tieOrder;
    layerStart[k] = next;
    for (let shift = 0; shift < 32; shift += 4) {
      const code = (tieOrder >>> shift) & 15;
      if (code === 0) break;
      layerWeights[next++] = weights[slot * LAYER_SLOTS + code - 1] as number;
    }
    const backSlot = scratch.reverse[slot] as number;
    reverse[k++] = backSlot < 0 ? -1 : (tieOfSlot[backSlot] as number);
  }
  layerStart[ties] = next;
  return { source, target, weight: weight.slice(0, ties), reverse, layerStart, layerWeights, layerOrder };
}
