import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicator.js";
import { DAY, day, SnapshotBuilder } from "../reciprocity/testing/snapshot-builder.js";
import { computeActiveMembers } from "./active-members.js";
import { computeActivityByPeriod } from "./by-period.js";
import type { ActivityOptions } from "./options.js";
import { computeRetention } from "./retention.js";

const opts = (extra: Partial<ActivityOptions> = {}): ActivityOptions => ({ ...defaultIndicatorOptions, ...extra });

describe("activity.active_members", () => {
  const history = () =>
    new SnapshotBuilder()
      .member("e")
      .interaction("a", ["b", "c"], day(0))
      .gathering(day(10), { a: "host", d: "participant" })
      .interaction("c", "a", day(20), "collaboration");

  it("members with any interaction or gathering; byMember their events", () => {
    const result = computeActiveMembers(history().build({ at: day(30) }));
    expect(result.value).toBe(4);
    expect(result.byMember).toEqual({ a: 3, b: 1, c: 2, d: 1 });
    expect(result.details).toEqual({ activeShare: 4 / 5, interactions: 2, gatherings: 1 });
  });

  it("a member no longer in the graph is active but outside the share", () => {
    const s = history().build({ at: day(30) });
    s.graph.dropNode("d");
    const result = computeActiveMembers(s);
    expect(result.value).toBe(4);
    expect((result.details as { activeShare: number }).activeShare).toBe(3 / 4);
  });

  it("empty window: 0 active (a true count, not undefined)", () => {
    const result = computeActiveMembers(history().build({ from: day(21), at: day(30) }));
    expect(result.value).toBe(0);
    expect(result.byMember).toEqual({});
    expect((result.details as { activeShare: number }).activeShare).toBe(0);
  });
});

describe("activity.by_period", () => {
  // Events d0 {a,b}, d29 {c,a}, d30 {a,d}, d61 {b,e}, d90 {a,c}; everyone joined d0.
  const history = () =>
    new SnapshotBuilder()
      .interaction("a", "b", day(0))
      .interaction("c", "a", day(29))
      .gathering(day(30), { a: "host", d: "learner" })
      .interaction("b", "e", day(61))
      .interaction("a", "c", day(90));

  it("30-day periods anchored at `at`: (d60, d90], (d30, d60], [d0, d30]; boundaries go to the older period", () => {
    const result = computeActivityByPeriod(history().build({ at: day(90) }), opts());
    expect(result.value).toBe(4);
    expect(result.details).toEqual({
      periodMs: 30 * DAY,
      periods: [
        { start: day(0), end: day(30), partial: false, active: 4, events: 3 },
        { start: day(30), end: day(60), partial: false, active: 0, events: 0 },
        { start: day(60), end: day(90), partial: false, active: 4, events: 2 },
      ],
    });
  });

  it("a window not a multiple of the period: the oldest period is partial", () => {
    const result = computeActivityByPeriod(history().build({ at: day(100) }), opts());
    const periods = (result.details as { periods: { start: number; end: number; partial: boolean; active: number }[] })
      .periods;
    expect(periods.map((p) => [p.start, p.end, p.partial, p.active])).toEqual([
      [day(0), day(10), true, 2],
      [day(10), day(40), false, 3],
      [day(40), day(70), false, 2],
      [day(70), day(100), false, 2],
    ]);
    expect(result.value).toBe(2);
  });

  it("periodMs option: 45 days", () => {
    const result = computeActivityByPeriod(history().build({ at: day(90) }), opts({ periodMs: 45 * DAY }));
    const periods = (result.details as { periods: { active: number }[] }).periods;
    expect(periods.map((p) => p.active)).toEqual([4, 4]);
  });

  it("empty window: zero periods of activity with query.from, null without a window start", () => {
    const withFrom = computeActivityByPeriod(history().build({ from: day(91), at: day(120) }), opts());
    expect(withFrom.value).toBe(0);
    const nothing = computeActivityByPeriod(new SnapshotBuilder().build({ at: day(10) }), opts());
    expect(nothing.value).toBeNull();
    expect(nothing.details).toEqual({ periodMs: 30 * DAY, periods: [] });
  });

  it("refuses a non-positive period", () => {
    expect(() => computeActivityByPeriod(history().build({ at: day(90) }), opts({ periodMs: -1 }))).toThrow(RangeError);
  });
});

describe("activity.retention", () => {
  // Window [d0, d90], periods [d0,d30] (d30,d60] (d60,d90]; z joined before the window (no cohort).
  // Cohorts: a (d0), b (d5), g (d30: boundary, the older period) | c (d35), d (d40) | e (d70), f (d85).
  const history = () =>
    new SnapshotBuilder()
      .member("z", {}, day(-100))
      .member("a", {}, day(0))
      .member("b", {}, day(5))
      .member("g", {}, day(30))
      .member("c", {}, day(35))
      .member("d", {}, day(40))
      .member("e", {}, day(70))
      .member("f", {}, day(85))
      .interaction("a", "z", day(40))
      .interaction("b", "z", day(10))
      .interaction("c", "z", day(65))
      .interaction("d", "z", day(45))
      .interaction("d", "z", day(70))
      .interaction("e", "z", day(80));

  it("pooled next-period retention: (1 of a, b, g) + (2 of c, d) over 5", () => {
    const result = computeRetention(history().build({ from: day(0), at: day(90) }), opts());
    expect(result.value).toBeCloseTo(3 / 5, 12);
    expect(result.byGroup).toEqual({ [new Date(day(0)).toISOString()]: 1 / 3, [new Date(day(30)).toISOString()]: 1 });
    expect(result.details).toMatchObject({
      cohorts: [
        { start: day(0), end: day(30), size: 3, retention: [1 / 3, 0] },
        { start: day(30), end: day(60), size: 2, retention: [1] },
        { start: day(60), end: day(90), size: 2, retention: [] },
      ],
    });
  });

  it("empty window: null when no cohort has a next period", () => {
    expect(computeRetention(history().build({ from: day(86), at: day(100) }), opts()).value).toBeNull();
    expect(computeRetention(new SnapshotBuilder().build({ at: day(10) }), opts()).value).toBeNull();
  });

  it("members who joined but were never active are cohort members who were not retained (a true 0)", () => {
    const s = new SnapshotBuilder()
      .member("a", {}, day(0))
      .member("b", {}, day(1))
      .build({ from: day(0), at: day(60) });
    expect(computeRetention(s, opts()).value).toBe(0);
  });
});
