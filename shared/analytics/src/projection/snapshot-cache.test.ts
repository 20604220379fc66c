import { describe, expect, it } from "vitest";
import { fromEvents } from "./community-history.js";
import { day, interaction, joined, stored } from "./fixtures.js";
import { queryKey, SnapshotCache } from "./snapshot-cache.js";

describe("SnapshotCache", () => {
  const events = stored(joined("a", 0), joined("b", 0), interaction("i1", "a", ["b"], 1));

  it("returns the same snapshot for an equivalent query until the history changes", () => {
    const history = fromEvents(events.slice(0, 2));
    const cache = new SnapshotCache(2);
    const query = { at: day(5), knownAt: day(5), layers: ["advice", "led"] as const };
    const first = cache.get(history, query);
    expect(cache.get(history, { ...query, layers: ["led", "advice", "led"] })).toBe(first);
    history.apply(events[2]!);
    const second = cache.get(history, query);
    expect(second).not.toBe(first);
    expect(second.graph.size).toBe(1);
  });

  it("forgets the least recently used snapshot beyond its capacity", () => {
    const history = fromEvents(events);
    const cache = new SnapshotCache(2);
    const q = (n: number) => ({ at: day(n), knownAt: day(9) });
    const one = cache.get(history, q(1));
    const two = cache.get(history, q(2));
    expect(cache.get(history, q(1))).toBe(one);
    cache.get(history, q(3));
    expect(cache.get(history, q(1))).toBe(one);
    expect(cache.get(history, q(2))).not.toBe(two);
  });

  it("tells queries apart by every field", () => {
    const base = { at: 1, knownAt: 2 };
    const keys = [
      base,
      { ...base, from: 0 },
      { ...base, halfLife: 5 },
      { ...base, layers: [] },
      { ...base, minWeight: 1 },
    ];
    expect(new Set(keys.map(queryKey)).size).toBe(keys.length);
    expect(queryKey({ ...base, minWeight: 0 })).toBe(queryKey(base));
  });
});
