import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicator.js";
import { DAY, day, SnapshotBuilder } from "../reciprocity/testing/snapshot-builder.js";
import { burstinessOf, computeBurstiness } from "./burstiness.js";
import { computeChurn } from "./churn.js";
import { activityIndicators } from "./index.js";
import type { ActivityOptions } from "./options.js";

describe("activity.churn", () => {
  // Last activity: a d100, b d110, c and d d150; at d200, τ 90 days.
  const history = () =>
    new SnapshotBuilder()
      .interaction("a", "b", day(100))
      .interaction("b", "c", day(110))
      .interaction("c", "d", day(150));

  it("share of active members quiet for ≥ τ; exactly τ counts as churned", () => {
    const result = computeChurn(history().build({ at: day(200) }), defaultIndicatorOptions);
    expect(result.value).toBe(0.5);
    expect(result.byMember).toEqual({ a: 1, b: 1, c: 0, d: 0 });
    expect(result.details).toEqual({
      churnAfterMs: 90 * DAY,
      everActive: 4,
      churned: 2,
      daysSinceLastActivity: { a: 100, b: 90, c: 50, d: 50 },
    });
  });

  it("churnAfterMs option: τ = 95 days spares b", () => {
    const options: ActivityOptions = { ...defaultIndicatorOptions, churnAfterMs: 95 * DAY };
    const result = computeChurn(history().build({ at: day(200) }), options);
    expect(result.value).toBe(0.25);
  });

  it("empty window: null", () => {
    expect(computeChurn(history().build({ from: day(151), at: day(200) }), defaultIndicatorOptions).value).toBeNull();
  });
});

describe("activity.burstiness", () => {
  it("regular events: B = −1", () => {
    expect(burstinessOf([0, 1, 2, 3].map(day)).burstiness).toBe(-1);
  });

  it("same-instant events give gaps of 0: d0, d0, d0, d10 → μ = 10/3, σ = 10√2/3, B = 3 − 2√2", () => {
    const s = new SnapshotBuilder()
      .interaction("a", "b", day(0))
      .interaction("a", "c", day(0))
      .interaction("a", "b", day(0), "feedback")
      .gathering(day(10), { a: "host", b: "learner" })
      .build({ at: day(20) });
    const result = computeBurstiness(s);
    expect(result.value).toBeCloseTo(3 - 2 * Math.SQRT2, 12);
    // a: as the community; b: d0, d0, d10 → gaps 0, 10: μ = σ = 5, B = 0; c: one event.
    expect(result.byMember).toEqual({ a: expect.closeTo(3 - 2 * Math.SQRT2, 12), b: 0, c: null });
    expect(result.details).toEqual({
      events: 4,
      meanGapDays: 10 / 3,
      sdGapDays: expect.closeTo((10 * Math.SQRT2) / 3, 12),
    });
  });

  it("null with fewer than 3 events or all at one instant (σ + μ = 0); empty window", () => {
    expect(burstinessOf([day(0), day(5)]).burstiness).toBeNull();
    expect(burstinessOf([day(1), day(1), day(1)]).burstiness).toBeNull();
    const empty = computeBurstiness(
      new SnapshotBuilder().interaction("a", "b", day(0)).build({ from: day(1), at: day(2) }),
    );
    expect(empty.value).toBeNull();
    expect(empty.details).toEqual({ events: 0, meanGapDays: null, sdGapDays: null });
  });
});

describe("activity indicators", () => {
  it("ids", () => {
    expect(activityIndicators.map((i) => i.id)).toEqual([
      "activity.active_members",
      "activity.by_period",
      "activity.retention",
      "activity.churn",
      "activity.burstiness",
    ]);
  });
});
