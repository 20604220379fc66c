// Internal and external tie counts behind the E-I family (silo.ei, silo.ei_expected,
// silo.ei_p, silo.ei_z, silo.cross_share). Arcs are counted once each, unweighted; an arc is
// internal when both ends share the group, external otherwise. Arcs with an end lacking a value
// for the attribute, and self-loops, are not counted.
//   π_in = Σ_g n_g (n_g − 1) / (N (N − 1)) — the share of ordered member pairs inside a group,
//   i.e. the chance an arc is internal under random mixing (N, n_g over members with a value).
import type { CommunityGraph } from "../../projection/community-snapshot.js";
import type { Value } from "../indicator.js";
import { arcsOf, groupSizes, groupsOf } from "../support/graph.js";

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
  const groups = groupsOf(graph, attribute);
  const byGroup = new Map<string, TieSplit>();
  const byMember = new Map<string, TieSplit>();
  for (const group of groups.values()) if (!byGroup.has(group)) byGroup.set(group, { internal: 0, external: 0 });
  for (const member of groups.keys()) byMember.set(member, { internal: 0, external: 0 });
  const whole: TieSplit = { internal: 0, external: 0 };
  for (const [source, target] of arcsOf(graph)) {
    const from = groups.get(source);
    const to = groups.get(target);
    if (from === undefined || to === undefined) continue;
    const kind = from === to ? "internal" : "external";
    whole[kind]++;
    byMember.get(source)![kind]++;
    byMember.get(target)![kind]++;
    byGroup.get(from)![kind]++;
    if (from !== to) byGroup.get(to)!.external++;
  }
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
