import { describe, expect, it } from "vitest";
import { parseWatchEvent, type WatchEvent } from "./watch-events.js";
import { decideWatch, watchesOf } from "./watches-of.js";

const set = (watchId: string, occurredAt = "2026-01-05T09:00:00Z"): WatchEvent => ({
  type: "WatchSet",
  data: { watchId, condition: { kind: "below-baseline", indicator: "silo.ei" }, occurredAt },
});
const removed = (watchId: string): WatchEvent => ({
  type: "WatchRemoved",
  data: { watchId, occurredAt: "2026-02-01T09:00:00Z" },
});

describe("watch events", () => {
  it("accept each kind of condition, strictly", () => {
    for (const condition of [
      { kind: "below-baseline", indicator: "silo.ei" },
      { kind: "below", indicator: "reciprocity.dyadic", threshold: 0.2, window: "P90D" },
      { kind: "above", indicator: "network.density", threshold: 0.5 },
      { kind: "drops-by", indicator: "reciprocity.dyadic", by: 0.1, days: 90 },
      { kind: "no-gathering", days: 60 },
    ]) {
      const parsed = parseWatchEvent({
        type: "WatchSet",
        data: { watchId: "w1", condition, occurredAt: "2026-01-05T09:00:00Z" },
      });
      expect(parsed.ok, JSON.stringify(condition)).toBe(true);
    }
  });

  it("refuse unknown kinds, missing fields and extra keys, pointing at them", () => {
    const bad = (condition: object) =>
      parseWatchEvent({ type: "WatchSet", data: { watchId: "w1", condition, occurredAt: "2026-01-05T09:00:00Z" } });
    expect(bad({ kind: "sideways", indicator: "silo.ei" }).ok).toBe(false);
    const missing = bad({ kind: "drops-by", indicator: "silo.ei", by: 0.1 });
    expect(missing.ok ? [] : missing.issues.map((issue) => issue.path)).toEqual([["data", "condition", "days"]]);
    const extra = bad({ kind: "no-gathering", days: 60, member: "m1" });
    expect(extra.ok ? [] : extra.issues.map((issue) => issue.path)).toEqual([["data", "condition", "member"]]);
    expect(bad({ kind: "below", indicator: "Silo EI", threshold: 1 }).ok).toBe(false);
  });

  it("fold into the watches standing, and refuse a second set or a removal of none", () => {
    const standing = watchesOf([set("w1"), set("w2"), removed("w1")]);
    expect(standing.map((watch) => watch.watchId)).toEqual(["w2"]);
    expect(standing[0]?.setAt).toBe("2026-01-05T09:00:00Z");
    expect(decideWatch(standing, set("w2"))).toEqual({ ok: false, code: "watch_exists" });
    expect(decideWatch(standing, removed("w1"))).toEqual({ ok: false, code: "unknown_watch" });
    expect(decideWatch(standing, removed("w2")).ok).toBe(true);
  });
});
