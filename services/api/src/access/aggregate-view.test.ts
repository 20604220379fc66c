// What an agency sees of groups: no group under the minimum size is named or valued, and no
// withheld value can be had back by subtracting the shown groups from the shown total.
import type { IndicatorValue } from "@copgraph/contract";
import { describe, expect, it } from "vitest";
import { aggregateValue, type GroupSizes } from "./aggregate-view.js";

const MIN = 5;
const OTHER = "other (suppressed)";

/** Groups of these sizes, plus `ungrouped` members without a value for the attribute. */
function sizesOf(groups: Record<string, number>, ungrouped = 0): GroupSizes {
  const byGroup = new Map(Object.entries(groups));
  const grouped = [...byGroup.values()].reduce((sum, size) => sum + size, 0);
  return { community: grouped + ungrouped, byGroup };
}

/** An indicator whose value is the member count and whose byGroup holds each group's count. */
function memberCounts(sizes: GroupSizes): IndicatorValue {
  return { value: sizes.community, version: 1, byGroup: Object.fromEntries(sizes.byGroup) };
}

/** Members outside every group whose value is shown: what `total − Σ shown` is a value over. */
function membersBehindTheDifference(sizes: GroupSizes, byGroup: Record<string, number | null>): number {
  let shown = 0;
  for (const [group, value] of Object.entries(byGroup)) if (value !== null) shown += sizes.byGroup.get(group)!;
  return sizes.community - shown;
}

describe("aggregateValue: groups as an agency sees them", () => {
  it("merges every group under the minimum into one unnamed, withheld bucket", () => {
    const sizes = sizesOf({ north: 6, south: 5, east: 4, west: 1 });
    const seen = aggregateValue(memberCounts(sizes), sizes, MIN);
    expect(seen.byGroup).toEqual({ north: 6, south: 5, [OTHER]: null });
    expect(seen.suppressedGroups).toEqual([OTHER]);
    expect(JSON.stringify(seen)).not.toMatch(/east|west/);
  });

  it("withholds a second group when the total minus the shown groups would give a small group away", () => {
    // The differencing attack on counts: 13 − 6 − 5 = 2 would be the count of the group of two.
    const sizes = sizesOf({ a: 6, b: 5, c: 2 });
    const seen = aggregateValue(memberCounts(sizes), sizes, MIN);
    expect(seen.value).toBe(13);
    expect(seen.byGroup).toEqual({ a: 6, b: null, [OTHER]: null });
    expect(seen.suppressedGroups).toEqual(["b", OTHER]);
    const recovered = seen.value! - Object.values(seen.byGroup!).reduce<number>((sum, v) => sum + (v ?? 0), 0);
    expect(recovered).toBe(7);
  });

  it("counts members without a value for the attribute among those the difference is over", () => {
    // Both groups shown and 11 members in all: 11 − 5 − 5 would be the one member without a region.
    const sizes = sizesOf({ north: 5, south: 5 }, 1);
    const seen = aggregateValue(memberCounts(sizes), sizes, MIN);
    expect(Object.values(seen.byGroup!).filter((value) => value === null)).toHaveLength(1);
    expect(membersBehindTheDifference(sizes, seen.byGroup!)).toBeGreaterThanOrEqual(MIN);
  });

  it("never leaves a difference over fewer members than the minimum, nor names a small group", () => {
    const range = [0, 1, 2, 4, 5, 6, 9];
    for (const a of range)
      for (const b of range)
        for (const c of range)
          for (const ungrouped of [0, 1, 3]) {
            const groups = Object.fromEntries(Object.entries({ a, b, c }).filter(([, size]) => size > 0)) as Record<
              string,
              number
            >;
            const sizes = sizesOf(groups, ungrouped);
            const seen = aggregateValue(memberCounts(sizes), sizes, MIN);
            const label = JSON.stringify({ groups, ungrouped });
            for (const group of Object.keys(seen.byGroup ?? {})) {
              if (group !== OTHER) expect(sizes.byGroup.get(group), label).toBeGreaterThanOrEqual(MIN);
            }
            if (seen.value === null) continue;
            const behind = membersBehindTheDifference(sizes, seen.byGroup ?? {});
            expect(behind === 0 || behind >= MIN, label).toBe(true);
          }
  });

  it("a community under the minimum shows no value and names no group", () => {
    const sizes = sizesOf({ education: 3, business: 1 });
    const seen = aggregateValue({ ...memberCounts(sizes), baseline: 0.5 }, sizes, MIN);
    expect(seen).toEqual({ value: null, version: 1, baseline: null, byGroup: { [OTHER]: null }, suppressed: true });
  });

  it("keys it cannot size (tie layers, cohorts) go into the bucket, as does a group named like it", () => {
    const sizes = sizesOf({ north: 6, [OTHER]: 7 });
    const value: IndicatorValue = { value: 0.4, version: 2, byGroup: { advice: 0.2, "2025-01-01T00:00:00.000Z": 1 } };
    expect(aggregateValue(value, sizes, MIN).byGroup).toEqual({ [OTHER]: null });
    const named = aggregateValue({ value: 0.4, version: 2, byGroup: { north: 0.1, [OTHER]: 0.3 } }, sizes, MIN);
    expect(named.byGroup).toEqual({ north: 0.1, [OTHER]: null });
  });

  it("keeps community-level fields and drops member-level ones", () => {
    const sizes = sizesOf({ north: 6, south: 6 });
    const value: IndicatorValue = {
      value: 0.1,
      version: 1,
      baseline: 0.2,
      p: 0.3,
      z: 1.1,
      byGroup: { north: 0.4, south: 0.5 },
      byMember: { m1: 1 },
      details: { members: ["m1"] },
    };
    const { byMember: _members, details: _details, ...communityLevel } = value;
    expect(aggregateValue(value, sizes, MIN)).toEqual(communityLevel);
  });
});
