// Internal and external tie counts behind the E-I family (silo.ei, silo.ei_expected,
// silo.ei_p, silo.ei_z, silo.cross_share). Arcs are counted once each, unweighted; an arc is
// internal when both ends share the group, external otherwise. Arcs with an end lacking a value
// for the attribute, and self-loops, are not counted.
//   π_in = Σ_g n_g (n_g − 1) / (N (N − 1)) — the share of ordered member pairs inside a group,
//   i.e. the chance an arc is internal under random mixing (N, n_g over members with a value).
import { groupArcsOf } from "../../compact/group-arcs.js";
import { memberIndexOf } from "../../compact/member-index.js";
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";
import { groupSizes } from "../support/graph.js";

export interface TieSplit {
  internal: number;
  external: number;
}

export interface EiCounts extends TieSplit {
  /** Per group: ties with at least one end in the group. */
  readonly byGroup: ReadonlyMap<string, TieSplit>;
  /** Per member with a value: its arcs in and out. */
  readonly byMember: ReadonlyMap<string, TieSplit>;
  readonly groups: ReadonlyMap<string, string>;
}

/** (E − I)/(E + I), null without ties. */
export function eiOf({ external, internal }: TieSplit): Value {
  const total = external + internal;
  return total === 0 ? null : (external - internal) / total;
}

/** E/(E + I), null without ties. */
export function crossShareOf({ external, internal }: TieSplit): Value {
  const total = external + internal;
  return total === 0 ? null : external / total;
}

export function eiCounts(graph: CommunityGraph, attribute: string): EiCounts {
  const { ids } = memberIndexOf(graph);
  const { codes, labels, sources, targets, fromGroups, toGroups } = groupArcsOf(graph, attribute);
  // [external, internal] per group and per member, filled from integer arrays, read into maps.
  const group = new Int32Array(2 * labels.length);
  const member = new Int32Array(2 * ids.length);
  const whole: TieSplit = { internal: 0, external: 0 };
  for (let k = 0; k < sources.length; k++) {
    const from = fromGroups[k]!;
    const to = toGroups[k]!;
    const internal = Number(from === to);
    if (internal) whole.internal++;
    else whole.external++;
    member[2 * sources[k]! + internal]!++;
    member[2 * targets[k]! + internal]!++;
    group[2 * from + internal]!++;
    if (!internal) group[2 * to]!++;
  }
  const split = (counts: Int32Array, i: number): TieSplit => ({
    internal: counts[2 * i + 1]!,
    external: counts[2 * i]!,
  });
  const byGroup = new Map<string, TieSplit>(labels.map((label, code) => [label, split(group, code)]));
  const byMember = new Map<string, TieSplit>();
  const groups = new Map<string, string>();
  codes.forEach((code, i) => {
    if (code < 0) return;
    byMember.set(ids[i]!, split(member, i));
    groups.set(ids[i]!, labels[code]!);
  });
  return { ...whole, byGroup, byMember, groups };
}

/** π_in, null when fewer than two members have a value. */
export function withinPairShare(groups: ReadonlyMap<string, string>): Value {
  return withinPairShareOfSizes(groupSizes(groups).values());
}

/** π_in from the group sizes n_g, null when fewer than two members have a value. */
export function withinPairShareOfSizes(sizes: Iterable<number>): Value {
  let n = 0;
  let pairs = 0;
  for (const size of sizes) {
    n += size;
    pairs += size * (size - 1);
  }
  return n < 2 ? null : pairs / (n * (n - 1));
}

/** Per-member values: null for members without a value for the attribute. */
export function perMember(
  graph: CommunityGraph,
  byMember: ReadonlyMap<string, TieSplit>,
  of: (split: TieSplit) => Value,
): Record<string, Value> {
  const result: Record<string, Value> = {};
  graph.forEachNode((node) => {
    const split = byMember.get(node);
    result[node] = split === undefined ? null : of(split);
  });
  return result;
}

export function perGroup(
  byGroup: ReadonlyMap<string, TieSplit>,
  of: (split: TieSplit) => Value,
): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const [group, split] of byGroup) result[group] = of(split);
  return result;
}
