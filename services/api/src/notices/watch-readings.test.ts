import type { Watch } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { WatchReadings } from "./watch-readings.js";

const watch = (watchId: string, threshold = 0.5): Watch => ({
  watchId,
  condition: { kind: "above", indicator: "network.density", threshold },
  setAt: "2026-01-01T00:00:00.000Z",
});
const readings = [{ at: 0, value: 1, baseline: null }];

describe("WatchReadings", () => {
  it("keeps the most recently evaluated watches up to its capacity", () => {
    const kept = new WatchReadings(2);
    kept.set("a", watch("w1"), readings);
    kept.set("a", watch("w2"), readings);
    kept.set("a", watch("w1"), readings);
    kept.set("b", watch("w3"), readings);
    expect(kept.get("a", watch("w1"))).toBe(readings);
    expect(kept.get("a", watch("w2"))).toBeUndefined();
    expect(kept.get("b", watch("w3"))).toBe(readings);
  });

  it("forgets a community's watches that no longer stand, and readings of another condition", () => {
    const kept = new WatchReadings();
    kept.set("a", watch("w1"), readings);
    kept.set("a", watch("w2"), readings);
    kept.set("ab", watch("w1"), readings);
    kept.drop("a", [watch("w2")]);
    expect(kept.get("a", watch("w1"))).toBeUndefined();
    expect(kept.get("a", watch("w2"))).toBe(readings);
    expect(kept.get("ab", watch("w1"))).toBe(readings);
    expect(kept.get("a", watch("w2", 0.7))).toBeUndefined();
  });
});
