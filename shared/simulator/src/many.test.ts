import { describe, expect, it } from "vitest";
import { simulateMany } from "./many.js";
import { expectValidHistory } from "./testing/invariants.js";

const start = Date.UTC(2024, 0, 1);
const end = Date.UTC(2025, 0, 1);

describe("simulateMany", () => {
  it("yields the communities one at a time, with exactly eventsTotal events in all", () => {
    const generator = simulateMany({ communities: 6, eventsTotal: 12_000, seed: 4, start, end });
    const first = generator.next();
    expect(first.done).toBe(false);
    const all = [first.value!, ...generator];
    expect(all).toHaveLength(6);
    expect(all.reduce((n, s) => n + s.events.length, 0)).toBe(12_000);
    for (const simulation of all) expectValidHistory(simulation.events, end);
  });

  it("varies the communities: ids, sizes and planted values differ", () => {
    const all = [...simulateMany({ communities: 5, eventsTotal: 5_000, seed: 8, start, end })];
    expect(new Set(all.map((s) => s.truth.params.communityId)).size).toBe(5);
    expect(new Set(all.map((s) => s.events.length)).size).toBeGreaterThan(1);
    expect(new Set(all.map((s) => s.truth.planted.homophily)).size).toBe(5);
    expect(new Set(all.map((s) => s.truth.planted.reciprocity)).size).toBe(5);
  });

  it("is deterministic for a seed", () => {
    const run = () => [...simulateMany({ communities: 3, eventsTotal: 1_500, seed: 2, start, end })];
    expect(run()).toEqual(run());
  });

  it("refuses totals below the minimum per community, and bad counts", () => {
    expect(() => simulateMany({ communities: 10, eventsTotal: 100, start, end }).next()).toThrow(RangeError);
    expect(() => simulateMany({ communities: 0, eventsTotal: 100, start, end }).next()).toThrow(RangeError);
    expect(() => simulateMany({ communities: 2, eventsTotal: 1_000, start: end, end: start }).next()).toThrow(
      RangeError,
    );
  });
});
