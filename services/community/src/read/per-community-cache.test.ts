import { describe, expect, it } from "vitest";
import { PerCommunityCache } from "./per-community-cache.js";
import { valuesSize } from "./values-size.js";

describe("PerCommunityCache", () => {
  it("keeps a few answers per community, the oldest out first, and drops a community's on its event", () => {
    const cache = new PerCommunityCache<number>(2);
    cache.set("a", "k1", 1);
    cache.set("a", "k2", 2);
    cache.set("a", "k3", 3);
    expect([cache.get("a", "k1"), cache.get("a", "k2"), cache.get("a", "k3")]).toEqual([undefined, 2, 3]);
    cache.set("b", "k1", 4);
    cache.drop("a");
    expect([cache.get("a", "k2"), cache.get("b", "k1")]).toEqual([undefined, 4]);
  });

  it("keeps within its byte budget across communities, least recently read first, never the newest", () => {
    const cache = new PerCommunityCache<number>(10, 25, (value) => value);
    cache.set("a", "k", 10);
    cache.set("b", "k", 10);
    cache.get("a", "k");
    cache.set("c", "k", 10);
    expect([cache.get("a", "k"), cache.get("b", "k"), cache.get("c", "k")]).toEqual([10, undefined, 10]);
    cache.set("d", "k", 100);
    expect([cache.get("a", "k"), cache.get("c", "k"), cache.get("d", "k")]).toEqual([undefined, undefined, 100]);
    expect(cache.bytes).toBe(100);
  });
});

describe("valuesSize", () => {
  it("grows with per-member entries", () => {
    const small = valuesSize({ "silo.ei": { value: 0.1, version: 1, byMember: { a: 1 } } });
    const large = valuesSize({
      "silo.ei": {
        value: 0.1,
        version: 1,
        byMember: Object.fromEntries([...Array(1000).keys()].map((i) => [`m${i}`, i])),
      },
    });
    expect(large - small).toBeGreaterThanOrEqual(999 * 50);
  });
});
