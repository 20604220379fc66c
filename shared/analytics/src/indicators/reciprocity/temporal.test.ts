import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions, type IndicatorOptions } from "../indicator.js";
import type { ReciprocityOptions } from "./options.js";
import { computeReturnedWithin } from "./returned-within.js";
import { median } from "./returns.js";
import { DAY, day, SnapshotBuilder } from "./testing/snapshot-builder.js";
import { computeTimeToReturn } from "./time-to-return.js";

const withDelta = (days: number): ReciprocityOptions => ({ ...defaultIndicatorOptions, returnWithinMs: days * DAY });

// i1 a→b d0, returned by i2 b→a d10 (10 days); i3 a→c d5 and i4 c→a d5: the same instant, no return;
// i5 d→a d20, returned by i6 a→d d60 (40 days); collaboration a–e d1 is left out (mutual).
const history = () =>
  new SnapshotBuilder()
    .interaction("a", "b", day(0))
    .interaction("a", "e", day(1), "collaboration")
    .interaction("b", "a", day(10), "feedback")
    .interaction("a", "c", day(5))
    .interaction("c", "a", day(5), "knowledge-sharing")
    .interaction("d", "a", day(20), "mentoring")
    .interaction("a", "d", day(60));

describe("reciprocity.returned_within", () => {
  it("Δ = 30 days (default): only a→b is returned in (t, t+Δ]; 1 of 6 observed arcs", () => {
    const result = computeReturnedWithin(history().build({ at: day(100) }), defaultIndicatorOptions);
    expect(result.value).toBeCloseTo(1 / 6, 12);
    expect(result.details).toEqual({ returnWithinMs: 30 * DAY, observedArcs: 6, returnedArcs: 1, censoredArcs: 0 });
    expect(result.byMember).toEqual({ a: 1 / 3, b: 0, c: 0, d: 0 });
  });

  it("Δ = 50 days: d→a is returned too, and a→d (d60) is censored at d100 (d60 + 50 > d100)", () => {
    const result = computeReturnedWithin(history().build({ at: day(100) }), withDelta(50));
    expect(result.value).toBeCloseTo(2 / 5, 12);
    expect(result.details).toMatchObject({ observedArcs: 5, returnedArcs: 2, censoredArcs: 1 });
  });

  it("a return exactly at t + Δ counts (closed window end)", () => {
    const s = new SnapshotBuilder()
      .interaction("a", "b", day(0))
      .interaction("b", "a", day(30))
      .build({ at: day(60) });
    const result = computeReturnedWithin(s, defaultIndicatorOptions);
    expect(result.details).toMatchObject({ observedArcs: 2, returnedArcs: 1 });
    expect(computeTimeToReturn(s, defaultIndicatorOptions).value).toBe(30);
  });

  it("same-instant interactions both ways are no return", () => {
    const s = new SnapshotBuilder()
      .interaction("a", "b", day(0))
      .interaction("b", "a", day(0))
      .build({ at: day(60) });
    expect(computeReturnedWithin(s, defaultIndicatorOptions).value).toBe(0);
    expect(computeTimeToReturn(s, defaultIndicatorOptions).value).toBeNull();
  });

  it("one interaction to several recipients is one arc per recipient", () => {
    const s = new SnapshotBuilder()
      .interaction("a", ["b", "c"], day(0))
      .interaction("b", "a", day(1))
      .build({ at: day(60) });
    const result = computeReturnedWithin(s, defaultIndicatorOptions);
    expect(result.value).toBeCloseTo(1 / 3, 12);
    expect(result.byMember).toEqual({ a: 0.5, b: 0 });
  });

  it("null with no observed arc: an empty window, a window shorter than Δ, only mutual kinds", () => {
    const empty = history().build({ from: day(200), at: day(300) });
    expect(computeReturnedWithin(empty, defaultIndicatorOptions).value).toBeNull();
    expect(computeReturnedWithin(empty, defaultIndicatorOptions).byMember).toEqual({});
    const recent = history().build({ at: day(25) });
    expect(computeReturnedWithin(recent, defaultIndicatorOptions).value).toBeNull();
    const mutual = new SnapshotBuilder().interaction("a", "b", day(0), "collaboration").build({ at: day(100) });
    expect(computeReturnedWithin(mutual, defaultIndicatorOptions).value).toBeNull();
  });

  it("a window that starts after the interaction does not see it (only returns inside the window)", () => {
    const s = history().build({ from: day(8), at: day(100) });
    // a→b d0, a→c and c→a d5 are outside; b→a d10, d→a d20 (returned after 40 > 30 days), a→d d60.
    expect(computeReturnedWithin(s, defaultIndicatorOptions).details).toMatchObject({
      observedArcs: 3,
      returnedArcs: 0,
    });
  });

  it("refuses a non-positive Δ", () => {
    const s = history().build({ at: day(100) });
    expect(() => computeReturnedWithin(s, withDelta(0))).toThrow(RangeError);
    expect(() => computeTimeToReturn(s, { returnWithinMs: Number.NaN } as unknown as IndicatorOptions)).toThrow(
      RangeError,
    );
  });
});

describe("reciprocity.time_to_return", () => {
  it("median delay in days of the arcs returned within Δ", () => {
    const s = history().build({ at: day(100) });
    expect(computeTimeToReturn(s, defaultIndicatorOptions).value).toBe(10);
    const wide = computeTimeToReturn(s, withDelta(50));
    expect(wide.value).toBe(25);
    expect(wide.byMember).toEqual({ a: 10, d: 40 });
  });

  it("the first return counts, not a later one", () => {
    const s = new SnapshotBuilder()
      .interaction("a", "b", day(0))
      .interaction("b", "a", day(2))
      .interaction("b", "a", day(9))
      .build({ at: day(100) });
    // a→b: 2 days; the b→a arcs have no later a→b.
    expect(computeTimeToReturn(s, defaultIndicatorOptions).value).toBe(2);
  });

  it("null in an empty window", () => {
    expect(
      computeTimeToReturn(history().build({ from: day(200), at: day(300) }), defaultIndicatorOptions).value,
    ).toBeNull();
  });

  it("median of an even count is the mean of the middle values", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});
