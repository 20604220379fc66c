import { describe, expect, it } from "vitest";
import { fromEvents } from "../projection/community-history.js";
import { day } from "../projection/fixtures.js";
import type { StoredEvent } from "../projection/stored-event.js";
import { EngineCache } from "./engine-cache.js";

const history = (members: number) =>
  fromEvents(
    Array.from(
      { length: members },
      (_, i): StoredEvent => ({
        event: {
          type: "MemberJoined",
          data: {
            memberId: `m${i}`,
            displayName: "n",
            sector: "education",
            occupationalLayer: "professional",
            occurredAt: new Date(day(0)).toISOString(),
          },
        },
        recordedAt: day(0),
        revision: i,
      }),
    ),
  );
const query = (n: number) => ({ at: day(n), knownAt: day(30) });

describe("EngineCache", () => {
  it("answers a query asked again with the same view, and a new event with a new one", () => {
    const cache = new EngineCache();
    const h = history(3);
    expect(cache.get(h, query(1))).toBe(cache.get(h, query(1)));
    expect(cache.get(h, query(2))).not.toBe(cache.get(h, query(1)));
  });

  it("answers an equivalent query (layers in another order) with the same view until the history changes", () => {
    const cache = new EngineCache();
    const h = history(3);
    const q = { ...query(1), layers: ["advice", "led"] as const };
    const first = cache.get(h, q);
    expect(cache.get(h, { ...q, layers: ["led", "advice", "led"] })).toBe(first);
    h.apply({
      event: { type: "MemberLeft", data: { memberId: "m0", occurredAt: new Date(day(0)).toISOString() } },
      recordedAt: day(0),
      revision: 3,
    });
    const second = cache.get(h, q);
    expect(second).not.toBe(first);
    expect(second.compact.ids).toEqual(["m1", "m2"]);
  });

  it("keeps at most `capacity` views, the least recently used dropped first", () => {
    const cache = new EngineCache(2);
    const h = history(3);
    const first = cache.get(h, query(1));
    cache.get(h, query(2));
    cache.get(h, query(1));
    cache.get(h, query(3));
    expect(cache.get(h, query(1))).toBe(first);
    expect(cache.bytes).toBeGreaterThan(0);
  });

  it("drops views past its byte budget, across communities, but never the newest", () => {
    const small = history(2);
    const large = history(200);
    const cache = new EngineCache(100, 0);
    const kept = cache.get(large, query(1));
    expect(cache.get(large, query(1))).toBe(kept);
    cache.get(small, query(1));
    expect(cache.get(large, query(1))).not.toBe(kept);
  });

  it("forgets the views of a history let go, and only those", () => {
    const cache = new EngineCache();
    const [gone, kept] = [history(2), history(3)];
    const goneView = cache.get(gone, query(1));
    const keptView = cache.get(kept, query(1));
    cache.forget(gone);
    expect(cache.get(kept, query(1))).toBe(keptView);
    expect(cache.get(gone, query(1))).not.toBe(goneView);
  });
});
