import { describe, expect, it } from "vitest";
import { fromEvents } from "./community-history.js";
import type { CommunitySnapshot } from "./community-snapshot.js";
import { changed, DAY, day, erased, gathering, interaction, joined, left, retracted, stored } from "./fixtures.js";
import { projectSnapshot } from "./project-snapshot.js";
import type { GraphQuery } from "./query.js";
import type { StoredEvent } from "./stored-event.js";

const snap = (events: StoredEvent[], query: Partial<GraphQuery> & { at: number }): CommunitySnapshot =>
  projectSnapshot(fromEvents(events), { knownAt: Number.POSITIVE_INFINITY, ...query });
const weight = (s: CommunitySnapshot, source: string, target: string) =>
  s.graph.hasEdge(source, target) ? s.graph.getEdgeAttribute(source, target, "weight") : undefined;

describe("projectSnapshot: valid time (at)", () => {
  const events = stored(
    joined("a", 0),
    joined("b", 0),
    joined("c", 5),
    interaction("i1", "a", ["b"], 2),
    interaction("i2", "a", ["b"], 4),
    interaction("i3", "b", ["c"], 6),
  );

  it("holds the members who had joined by `at` and the records up to `at`, inclusive", () => {
    const s = snap(events, { at: day(4) });
    expect(s.graph.nodes()).toEqual(["a", "b"]);
    expect(weight(s, "a", "b")).toBe(2);
    expect(s.interactions.map((i) => i.id)).toEqual(["i1", "i2"]);
    expect(snap(events, { at: day(4) - 1 }).interactions.map((i) => i.id)).toEqual(["i1"]);
  });

  it("adds a member from the moment of joining", () => {
    const s = snap(events, { at: day(6) });
    expect(s.graph.nodes()).toEqual(["a", "b", "c"]);
    expect(s.joinedAt).toEqual(
      new Map([
        ["a", day(0)],
        ["b", day(0)],
        ["c", day(5)],
      ]),
    );
    expect(weight(s, "b", "c")).toBe(1);
  });
});

describe("projectSnapshot: transaction time (knownAt)", () => {
  // On day 10 an import back-dates a day-2 interaction and a day-1 join.
  const events = stored(
    joined("a", 0),
    joined("b", 0),
    interaction("i1", "a", ["b"], 3),
    [joined("c", 1), 10],
    [interaction("old", "c", ["a"], 2), 10],
  );

  it("does not see a back-dated import before it was recorded", () => {
    const s = snap(events, { at: day(5), knownAt: day(5) });
    expect(s.graph.nodes()).toEqual(["a", "b"]);
    expect(s.interactions.map((i) => i.id)).toEqual(["i1"]);
  });

  it("sees it, in valid-time order, once recorded", () => {
    const s = snap(events, { at: day(5), knownAt: day(10) });
    expect(s.graph.nodes()).toEqual(["a", "b", "c"]);
    expect(s.interactions.map((i) => i.id)).toEqual(["old", "i1"]);
    expect(weight(s, "c", "a")).toBe(1);
  });
});

describe("projectSnapshot: profile history", () => {
  const events = stored(
    joined("a", 0, { sector: "education", organisation: "School 1", attributes: { office: "north", gender: "f" } }),
    changed("a", 5, { sector: "business" }),
    // Logged on day 9, effective from day 7.
    [changed("a", 7, { occupationalLayer: "management", attributes: { office: null, team: "x" } }), 9],
  );

  it("gives the attributes valid at `at`", () => {
    expect(snap(events, { at: day(4) }).graph.getNodeAttributes("a")).toEqual({
      sector: "education",
      occupationalLayer: "professional",
      organisation: "School 1",
      office: "north",
      gender: "f",
    });
    expect(snap(events, { at: day(5) }).graph.getNodeAttribute("a", "sector")).toBe("business");
  });

  it("applies a late-logged change only once known, and removes attributes set to null", () => {
    const before = snap(events, { at: day(8), knownAt: day(8) }).graph.getNodeAttributes("a");
    expect(before).toMatchObject({ sector: "business", occupationalLayer: "professional", office: "north" });
    const after = snap(events, { at: day(8), knownAt: day(9) }).graph.getNodeAttributes("a");
    expect(after).toEqual({
      sector: "business",
      occupationalLayer: "management",
      organisation: "School 1",
      gender: "f",
      team: "x",
    });
  });

  it("clears organisation and learning environment with null", () => {
    const events2 = stored(
      joined("a", 0, { organisation: "Org", learningEnvironment: "formal" }),
      changed("a", 3, { organisation: null, learningEnvironment: null }),
      changed("a", 6, { learningEnvironment: "informal" }),
    );
    expect(snap(events2, { at: day(2) }).graph.getNodeAttributes("a")).toMatchObject({
      organisation: "Org",
      learningEnvironment: "formal",
    });
    expect(snap(events2, { at: day(3) }).graph.getNodeAttributes("a")).toEqual({
      sector: "education",
      occupationalLayer: "professional",
    });
    expect(snap(events2, { at: day(6) }).graph.getNodeAttribute("a", "learningEnvironment")).toBe("informal");
  });

  it("orders changes by valid time, not by recording", () => {
    const events2 = stored(joined("a", 0), changed("a", 6, { sector: "health" }), [
      changed("a", 3, { sector: "research" }),
      8,
    ]);
    expect(snap(events2, { at: day(7) }).graph.getNodeAttribute("a", "sector")).toBe("health");
    expect(snap(events2, { at: day(4) }).graph.getNodeAttribute("a", "sector")).toBe("research");
  });
});

describe("projectSnapshot: retraction", () => {
  // i1 is retracted on day 6 (with a valid time of day 1 as the facilitator states it).
  const events = stored(
    joined("a", 0),
    joined("b", 0),
    interaction("i1", "a", ["b"], 2),
    gathering("g1", 2, [
      ["a", "host"],
      ["b", "learner"],
    ]),
    [retracted("i1", 1), 6],
    retracted("g1", 7),
  );

  it("keeps a record whose retraction is not yet known", () => {
    const s = snap(events, { at: day(3), knownAt: day(5) });
    expect(s.interactions.map((i) => i.id)).toEqual(["i1"]);
    expect(s.gatherings.map((g) => g.id)).toEqual(["g1"]);
    expect(s.graph.getEdgeAttribute("a", "b", "layers")).toEqual({ advice: 1, led: 1, "co-attendance": 1 });
  });

  it("removes the record entirely once its retraction is known, whatever `at`", () => {
    const s = snap(events, { at: day(3), knownAt: day(6) });
    expect(s.interactions).toEqual([]);
    expect(s.graph.getEdgeAttribute("a", "b", "layers")).toEqual({ led: 1, "co-attendance": 1 });
    const later = snap(events, { at: day(3), knownAt: day(7) });
    expect(later.gatherings).toEqual([]);
    expect(later.graph.size).toBe(0);
  });
});

describe("projectSnapshot: window `from`", () => {
  const events = stored(
    joined("a", 0),
    joined("b", 0),
    interaction("i1", "a", ["b"], 1),
    interaction("i2", "a", ["b"], 3),
    interaction("i3", "a", ["b"], 5),
  );

  it("counts only records at or after `from`", () => {
    const s = snap(events, { at: day(5), from: day(3) });
    expect(weight(s, "a", "b")).toBe(2);
    expect(s.interactions.map((i) => i.id)).toEqual(["i2", "i3"]);
    expect(snap(events, { at: day(5), from: day(3) + 1 }).interactions.map((i) => i.id)).toEqual(["i3"]);
  });

  it("is empty when `from` is after `at`", () => {
    const s = snap(events, { at: day(2), from: day(4) });
    expect(s.graph.size).toBe(0);
    expect(s.graph.order).toBe(2);
  });
});

describe("projectSnapshot: members who left or were erased", () => {
  const events = stored(
    joined("a", 0),
    joined("b", 0, { organisation: "Lab" }),
    joined("c", 0),
    interaction("i1", "c", ["a"], 1),
    left("c", 2),
    interaction("i2", "b", ["a"], 3),
    erased("b", 4),
  );

  it("drops a member who left, once the window holds none of their records", () => {
    expect(snap(events, { at: day(1) }).graph.hasNode("c")).toBe(true);
    expect(snap(events, { at: day(5), from: day(2) }).graph.nodes()).toEqual(["a", "b"]);
    expect(snap(events, { at: day(2) - 1, knownAt: day(5) }).graph.hasNode("c")).toBe(true);
  });

  it("keeps a member who left while the window holds their ties", () => {
    const s = snap(events, { at: day(5) });
    expect(s.graph.nodes()).toEqual(["a", "b", "c"]);
    expect(weight(s, "c", "a")).toBe(1);
    expect(s.joinedAt.get("c")).toBe(day(0));
  });

  it("ignores a leave not yet known", () => {
    expect(snap(events, { at: day(5), from: day(2), knownAt: day(2) - DAY / 2 }).graph.hasNode("c")).toBe(true);
  });

  it("keeps an erased member's node and ties, without their personal data, at any knownAt", () => {
    for (const knownAt of [day(3), day(5)]) {
      const s = snap(events, { at: day(3), knownAt });
      expect(s.graph.getNodeAttributes("b")).toEqual({ sector: "education", occupationalLayer: "professional" });
      expect(weight(s, "b", "a")).toBe(1);
    }
    expect(snap(events, { at: day(9) }).graph.hasNode("b")).toBe(true);
  });
});

describe("projectSnapshot: facts", () => {
  it("lists facts by (occurredAt, recording order) with their weight and format", () => {
    const events = stored(
      joined("a", 0),
      joined("b", 0),
      interaction("late", "a", ["b"], 2, { weight: 3, format: "online", notes: "kept out" }),
      interaction("first", "b", ["a"], 1),
      interaction("second", "a", ["b"], 2),
    );
    const s = snap(events, { at: day(3) });
    expect(s.interactions).toEqual([
      { id: "first", kind: "advice", from: "b", to: ["a"], occurredAt: day(1), weight: 1 },
      { id: "late", kind: "advice", from: "a", to: ["b"], occurredAt: day(2), weight: 3, format: "online" },
      { id: "second", kind: "advice", from: "a", to: ["b"], occurredAt: day(2), weight: 1 },
    ]);
  });

  it("refuses a query it cannot answer", () => {
    expect(() => snap([], { at: Number.NaN })).toThrow(RangeError);
    expect(() => snap([], { at: 0, halfLife: 0 })).toThrow(RangeError);
  });
});
