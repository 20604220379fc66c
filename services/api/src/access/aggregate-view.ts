// Agencies see community-level figures only, and no figure of a group small enough to point at
// people: a value over fewer members than the minimum group size is withheld (null, flagged).
import type { CommunityGraph } from "@copgraph/analytics";
import type { IndicatorValue } from "@copgraph/contract";

export interface GroupSizes {
  /** Members in the snapshot. */
  readonly community: number;
  /** Members per value of the grouping attribute. */
  readonly byGroup: ReadonlyMap<string, number>;
}

/** Members in the graph, in total and per value of `attribute` (sector, layer, …). */
export function groupSizesOf(graph: CommunityGraph, attribute: string): GroupSizes {
  const byGroup = new Map<string, number>();
  graph.forEachNode((_id, attributes) => {
    const group = attributes[attribute];
    if (group !== undefined) byGroup.set(group, (byGroup.get(group) ?? 0) + 1);
  });
  return { community: graph.order, byGroup };
}

export const isSuppressed = (sizes: GroupSizes, minGroupSize: number) => sizes.community < minGroupSize;

/**
 * One indicator as an agency sees it: no per-member values, no details (they list members), and
 * null for the community or any group under `minGroupSize` members. A group whose size is not a
 * count of members (a tie layer, a cohort) cannot be checked, so it is withheld too.
 */
export function aggregateValue(
  value: IndicatorValue,
  sizes: GroupSizes,
  minGroupSize: number,
): Omit<IndicatorValue, "byMember" | "details"> {
  const { byMember: _members, details: _details, ...aggregate } = value;
  if (isSuppressed(sizes, minGroupSize)) {
    return {
      value: null,
      version: value.version,
      ...(value.baseline !== undefined && { baseline: null }),
      ...(value.p !== undefined && { p: null }),
      ...(value.z !== undefined && { z: null }),
      ...(value.byGroup && { byGroup: Object.fromEntries(Object.keys(value.byGroup).map((group) => [group, null])) }),
      suppressed: true,
    };
  }
  if (!value.byGroup) return aggregate;
  const byGroup: Record<string, number | null> = {};
  const suppressedGroups: string[] = [];
  for (const [group, groupValue] of Object.entries(value.byGroup)) {
    const size = sizes.byGroup.get(group);
    if (size === undefined || size < minGroupSize) {
      byGroup[group] = null;
      suppressedGroups.push(group);
    } else byGroup[group] = groupValue;
  }
  return { ...aggregate, byGroup, ...(suppressedGroups.length > 0 && { suppressedGroups }) };
}

/** Every indicator of a reading as an agency sees it. */
export function aggregateValues(
  values: Readonly<Record<string, IndicatorValue>>,
  sizes: GroupSizes,
  minGroupSize: number,
): Record<string, Omit<IndicatorValue, "byMember" | "details">> {
  return Object.fromEntries(
    Object.entries(values).map(([id, value]) => [id, aggregateValue(value, sizes, minGroupSize)]),
  );
}
