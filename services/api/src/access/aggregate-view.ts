// Agencies see community-level figures only, and no figure of a group small enough to point at
// people: a value over fewer members than the minimum group size is withheld (null, flagged), a
// small group is not even named, and no withheld value is the total minus the values shown.
import type { GroupSizes } from "@copgraph/community";
import type { CommunitySummary, IndicatorValue } from "@copgraph/contract";

/** The one key under which an agency sees every group it may not see, unnamed; its value is always null. */
export const OTHER_GROUPS = "other (suppressed)";

export type { GroupSizes };

export const isSuppressed = (sizes: GroupSizes, minGroupSize: number) => sizes.community < minGroupSize;

/**
 * One indicator as an agency sees it: no per-member values, no details (they list members), and
 * null for the community when it is under `minGroupSize` members. Groups: see `groupsShown`.
 */
export function aggregateValue(
  value: IndicatorValue,
  sizes: GroupSizes,
  minGroupSize: number,
): Omit<IndicatorValue, "byMember" | "details"> {
  const { byMember: _members, details: _details, ...aggregate } = value;
  const groups = Object.keys(value.byGroup ?? {});
  if (isSuppressed(sizes, minGroupSize)) {
    return {
      value: null,
      version: value.version,
      ...(value.baseline !== undefined && { baseline: null }),
      ...(value.p !== undefined && { p: null }),
      ...(value.z !== undefined && { z: null }),
      ...(value.byGroup && { byGroup: groups.length > 0 ? { [OTHER_GROUPS]: null } : {} }),
      suppressed: true,
    };
  }
  if (!value.byGroup) return aggregate;
  const { shown, withheld, merged } = groupsShown(groups, sizes, minGroupSize);
  const byGroup: Record<string, number | null> = {};
  for (const group of groups) {
    if (shown.has(group)) byGroup[group] = value.byGroup[group] ?? null;
    else if (withheld.includes(group)) byGroup[group] = null;
  }
  const suppressedGroups = groups.filter((group) => withheld.includes(group));
  if (merged) {
    byGroup[OTHER_GROUPS] = null;
    suppressedGroups.push(OTHER_GROUPS);
  }
  return { ...aggregate, byGroup, ...(suppressedGroups.length > 0 && { suppressedGroups }) };
}

/**
 * Which of a reading's groups an agency sees. A group under the minimum, or one that cannot be
 * sized as members (a tie layer, a cohort), is merged into OTHER_GROUPS: never named, never
 * valued, as merging changes what a group's value means. Then, while the members outside the
 * shown groups are some but fewer than the minimum, the smallest shown group is withheld (named,
 * null) too: else the total minus the shown groups would be a value of those few members, exactly
 * so for counts and for sums such as modularity's terms.
 */
function groupsShown(
  groups: readonly string[],
  sizes: GroupSizes,
  minGroupSize: number,
): { shown: Set<string>; withheld: string[]; merged: boolean } {
  const large = groups.filter((group) => group !== OTHER_GROUPS && (sizes.byGroup.get(group) ?? 0) >= minGroupSize);
  const sizeOf = (group: string) => sizes.byGroup.get(group)!;
  // Smallest last, so the loop below withholds it first.
  const shown = [...large].sort((a, b) => sizeOf(b) - sizeOf(a) || (a < b ? 1 : a > b ? -1 : 0));
  let outside = sizes.community - shown.reduce((sum, group) => sum + sizeOf(group), 0);
  const withheld: string[] = [];
  while (outside > 0 && outside < minGroupSize && shown.length > 0) {
    const group = shown.pop()!;
    withheld.push(group);
    outside += sizeOf(group);
  }
  return { shown: new Set(shown), withheld, merged: large.length < groups.length };
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

/**
 * A community's summary as an agency sees it: no counts (members, activity, retractions) when it
 * has fewer current members than the minimum, so nothing is said of so few people.
 */
export function aggregateSummary(summary: CommunitySummary, minGroupSize: number): CommunitySummary {
  if (summary.activeMembers !== null && summary.activeMembers >= minGroupSize) return summary;
  return {
    ...summary,
    activeMembers: null,
    members: null,
    interactions: null,
    gatherings: null,
    retractions: null,
    suppressed: true,
  };
}
