import { describe, expect, it } from "vitest";
import type { ReadingPoint } from "./reading-condition.js";
import { reusableReadings } from "./reusable-readings.js";

const WEEK = 7 * 86_400_000;
const grid = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i * WEEK);
const readingsOn = (steps: number[]): ReadingPoint[] => steps.map((at, i) => ({ at, value: i, baseline: null }));

describe("reusableReadings", () => {
  const earlier = readingsOn(grid(0, 5));

  it("keeps the readings dated before the earliest touched date, on a grid that grew", () => {
    expect(reusableReadings(earlier, grid(0, 6), 3 * WEEK)).toEqual(earlier.slice(0, 3));
    // A record dated on a step touches that step.
    expect(reusableReadings(earlier, grid(0, 6), 3 * WEEK - 1)).toEqual(earlier.slice(0, 3));
    expect(reusableReadings(earlier, grid(0, 6), 2 * WEEK)).toEqual(earlier.slice(0, 2));
    expect(reusableReadings(earlier, grid(0, 6), Number.POSITIVE_INFINITY)).toEqual(earlier);
  });

  it("keeps nothing when everything is touched or the grid starts elsewhere", () => {
    expect(reusableReadings(earlier, grid(0, 6), Number.NEGATIVE_INFINITY)).toEqual([]);
    expect(reusableReadings(earlier, grid(-WEEK, 7), Number.POSITIVE_INFINITY)).toEqual([]);
  });

  it("keeps no reading past the end of a shorter grid", () => {
    expect(reusableReadings(earlier, grid(0, 2), Number.POSITIVE_INFINITY)).toEqual(earlier.slice(0, 2));
  });
});
