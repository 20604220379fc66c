// The community view's readings on the compact snapshot, without a graph of objects: the same
// formulas and helpers as the indicators they stand for, and equal to them by property test
// (engine-readings.property.test.ts). An indicator not listed here is computed on the graph.

import { groupSizesOf } from "../compact/group-arcs.js";
import { groupCodesOfValues } from "../compact/group-codes.js";
import { countsOf, iqvOf } from "../indicators/diversity/composition.js";
import type { IndicatorOptions, IndicatorResult, Value } from "../indicators/indicator.js";
import { edgeReciprocity } from "../indicators/reciprocity/arcs.js";
import { eiOf, perGroup, type TieSplit, withinPairShareOfSizes } from "../indicators/silo/ei-counts.js";
import { categoryCount, recordOf } from "../indicators/support/graph.js";
import type { CompactSnapshot } from "./compact-snapshot.js";

export type CompactReading = (snapshot: CompactSnapshot, options: IndicatorOptions) => IndicatorResult;

/** The members' groups for `attribute` as the indicators read them: code −1 without a value. */
const groupCodes = (snapshot: CompactSnapshot, attribute: string) =>
  groupCodesOfValues(snapshot.ids.length, (i) => snapshot.attributes[i]?.[attribute]);

const density = (snapshot: CompactSnapshot, arcs: number) => {
  const n = snapshot.ids.length;
  return n < 2 ? null : arcs / (n * (n - 1));
};

const arcCounts = (snapshot: CompactSnapshot) => {
  let reciprocated = 0;
  for (const back of snapshot.reverse) if (back >= 0) reciprocated++;
  return { arcs: snapshot.source.length, reciprocated };
};

function ei(snapshot: CompactSnapshot, attribute: string): IndicatorResult {
  const groups = groupCodes(snapshot, attribute);
  const { labels, codes: code } = groups;
  const internal = new Float64Array(labels.length);
  const external = new Float64Array(labels.length);
  const memberInternal = new Float64Array(snapshot.ids.length);
  const memberExternal = new Float64Array(snapshot.ids.length);
  const whole: TieSplit = { internal: 0, external: 0 };
  for (let k = 0; k < snapshot.source.length; k++) {
    const s = snapshot.source[k] as number;
    const t = snapshot.target[k] as number;
    const from = code[s] as number;
    const to = code[t] as number;
    if (from < 0 || to < 0) continue;
    const split = from === to ? memberInternal : memberExternal;
    split[s] = (split[s] as number) + 1;
    split[t] = (split[t] as number) + 1;
    if (from === to) {
      whole.internal++;
      internal[from] = (internal[from] as number) + 1;
    } else {
      whole.external++;
      external[from] = (external[from] as number) + 1;
      external[to] = (external[to] as number) + 1;
    }
  }
  const byGroup = new Map<string, TieSplit>(
    labels.map((label, c) => [label, { internal: internal[c] as number, external: external[c] as number }]),
  );
  const byMember: Record<string, Value> = {};
  snapshot.ids.forEach((id, i) => {
    byMember[id] =
      (code[i] as number) < 0
        ? null
        : eiOf({ internal: memberInternal[i] as number, external: memberExternal[i] as number });
  });
  const piIn = withinPairShareOfSizes(groupSizesOf(groups));
  return {
    value: eiOf(whole),
    baseline: piIn === null ? null : 1 - 2 * piIn,
    byGroup: perGroup(byGroup, eiOf),
    byMember,
    details: { external: whole.external, internal: whole.internal, byGroup: recordOf(byGroup) },
  };
}

function eiExpected(snapshot: CompactSnapshot, attribute: string): IndicatorResult {
  const piIn = withinPairShareOfSizes(groupSizesOf(groupCodes(snapshot, attribute)));
  return { value: piIn === null ? null : 1 - 2 * piIn, details: { piIn } };
}

function iqv(snapshot: CompactSnapshot, attribute: string): IndicatorResult {
  const { codes, labels } = groupCodes(snapshot, attribute);
  const valued = [...codes].filter((code) => code >= 0);
  const counts = countsOf(valued.map((code) => labels[code] as string));
  const { k, source } = categoryCount(attribute, counts.size);
  return {
    value: iqvOf(counts, k),
    details: { n: valued.length, counts: Object.fromEntries(counts), k, kSource: source },
  };
}

function edge(snapshot: CompactSnapshot): IndicatorResult {
  const counts = arcCounts(snapshot);
  const value = edgeReciprocity(counts);
  return {
    value,
    baseline: value === null ? null : density(snapshot, counts.arcs),
    details: { arcs: counts.arcs, reciprocatedArcs: counts.reciprocated },
  };
}

function dyadic(snapshot: CompactSnapshot): IndicatorResult {
  const { arcs, reciprocated } = arcCounts(snapshot);
  const mutual = reciprocated / 2;
  const asymmetric = arcs - reciprocated;
  if (arcs === 0) return { value: null, baseline: null, details: { mutualDyads: 0, asymmetricDyads: 0 } };
  const a = density(snapshot, arcs);
  return {
    value: mutual / (mutual + asymmetric),
    baseline: a === null ? null : a / (2 - a),
    details: { mutualDyads: mutual, asymmetricDyads: asymmetric },
  };
}

function rho(snapshot: CompactSnapshot): IndicatorResult {
  const counts = arcCounts(snapshot);
  const r = edgeReciprocity(counts);
  const a = density(snapshot, counts.arcs);
  const value = r === null || a === null || a >= 1 ? null : (r - a) / (1 - a);
  return { value, baseline: value === null ? null : 0, details: { r, density: a } };
}

/** Indicator id → its computation on the compact snapshot. */
export const compactReadings: ReadonlyMap<string, CompactReading> = new Map<string, CompactReading>([
  ["network.members", (s) => ({ value: s.ids.length })],
  ["network.ties", (s) => ({ value: s.source.length })],
  ["network.density", (s) => ({ value: density(s, s.source.length) })],
  ["silo.ei", (s, o) => ei(s, o.attribute)],
  ["silo.ei_expected", (s, o) => eiExpected(s, o.attribute)],
  ["diversity.iqv", (s, o) => iqv(s, o.attribute)],
  ["reciprocity.edge", (s) => edge(s)],
  ["reciprocity.dyadic", (s) => dyadic(s)],
  ["reciprocity.rho", (s) => rho(s)],
]);
