import { describe, expect, it } from "vitest";
import { fromEvents } from "./community-history.js";
import type { CommunitySnapshot } from "./community-snapshot.js";
import { DAY, day, gathering, interaction, joined, stored } from "./fixtures.js";
import { projectSnapshot } from "./project-snapshot.js";
import type { GraphQuery } from "./query.js";
import type { StoredEvent } from "./stored-event.js";

const snap = (events: StoredEvent[], query: Partial<GraphQuery> & { at: number }): CommunitySnapshot =>
  projectSnapshot(fromEvents(events), { knownAt: Number.POSITIVE_INFINITY, ...query });
const members = (...ids: string[]) => ids.map((id) => joined(id, 0));
/** Every tie as "source->target": weight. */
const ties = (s: CommunitySnapshot) =>
  Object.fromEntries(s.graph.mapEdges((_edge, { weight }, source, target) => [`${source}->${target}`, weight]));

describe("tie weights", () => {
  const events = stored(
    ...members("a", "b", "c"),
    interaction("i1", "a", ["b", "c"], 1),
    interaction("i2", "a", ["b"], 2, { weight: 2.5 }),
    interaction("i3", "b", ["a"], 3, { kind: "feedback" }),
  );

  it("counts occurrences per layer, an interaction's weight multiplying its share", () => {
    const s = snap(events, { at: day(3) });
    expect(ties(s)).toEqual({ "a->b": 3.5, "a->c": 1, "b->a": 1 });
    expect(s.graph.getEdgeAttributes("a", "b")).toEqual({ weight: 3.5, layers: { advice: 3.5 } });
    expect(s.graph.getEdgeAttributes("b", "a")).toEqual({ weight: 1, layers: { feedback: 1 } });
  });

  it("decays each occurrence by half per half-life before `at`", () => {
    const decayed = stored(
      ...members("a", "b", "c"),
      interaction("now", "a", ["b"], 10),
      interaction("one", "a", ["b"], 9),
      interaction("two", "a", ["c"], 8, { weight: 2 }),
      interaction("more", "a", ["c"], 9.5),
    );
    const s = snap(decayed, { at: day(10), halfLife: DAY });
    expect(s.graph.getEdgeAttribute("a", "b", "weight")).toBe(1.5);
    // 2·2^−2 + 2^−0.5
    expect(s.graph.getEdgeAttribute("a", "c", "weight")).toBeCloseTo(0.5 + Math.SQRT1_2, 12);
    expect(s.graph.getEdgeAttribute("a", "c", "weight")).toBeCloseTo(
      2 * Math.exp(-Math.LN2 * 2) + Math.exp(-Math.LN2 * 0.5),
      12,
    );
  });

  it("keeps only the selected layers, in the weight and in `layers`", () => {
    const mixed = stored(
      ...members("a", "b"),
      interaction("i1", "a", ["b"], 1),
      interaction("i2", "a", ["b"], 1, { kind: "mentoring" }),
      gathering("g1", 1, [
        ["a", "facilitator"],
        ["b", "learner"],
      ]),
    );
    expect(snap(mixed, { at: day(2) }).graph.getEdgeAttributes("a", "b")).toEqual({
      weight: 4,
      layers: { advice: 1, mentoring: 1, led: 1, "co-attendance": 1 },
    });
    const s = snap(mixed, { at: day(2), layers: ["mentoring", "led"] });
    expect(s.graph.getEdgeAttributes("a", "b")).toEqual({ weight: 2, layers: { mentoring: 1, led: 1 } });
    expect(s.graph.hasEdge("b", "a")).toBe(false);
    expect(snap(mixed, { at: day(2), layers: [] }).graph.size).toBe(0);
  });

  it("drops ties lighter than minWeight after summing, and keeps their members", () => {
    expect(ties(snap(events, { at: day(3), minWeight: 1.5 }))).toEqual({ "a->b": 3.5 });
    expect(snap(events, { at: day(3), minWeight: 1.5 }).graph.order).toBe(3);
    expect(ties(snap(events, { at: day(3), minWeight: 1 }))).toEqual({ "a->b": 3.5, "a->c": 1, "b->a": 1 });
    const decayed = snap(events, { at: day(3), halfLife: DAY, minWeight: 0.5 });
    // a→b: 2^−2 + 2.5·2^−1 = 1.5; a→c: 2^−2 dropped; b→a: 1.
    expect(ties(decayed)).toEqual({ "a->b": 1.5, "b->a": 1 });
  });
});

describe("tie directions", () => {
  it("runs collaboration both ways, to each partner", () => {
    const events = stored(
      ...members("a", "b", "c"),
      interaction("c1", "a", ["b", "c"], 1, { kind: "collaboration", weight: 2 }),
    );
    const s = snap(events, { at: day(1) });
    expect(ties(s)).toEqual({ "a->b": 2, "b->a": 2, "a->c": 2, "c->a": 2 });
    expect(s.graph.getEdgeAttribute("b", "a", "layers")).toEqual({ collaboration: 2 });
  });

  it("runs a directed kind from the giver to each receiver only", () => {
    const s = snap(stored(...members("a", "b", "c"), interaction("i", "a", ["b", "c"], 1)), { at: day(1) });
    expect(ties(s)).toEqual({ "a->b": 1, "a->c": 1 });
  });

  it("gives a gathering `led` ties from givers to receivers and co-attendance between all", () => {
    const events = stored(
      ...members("f", "p", "l", "m", "h"),
      gathering("g1", 1, [
        ["f", "facilitator"],
        ["p", "participant"],
        ["l", "learner"],
        ["m", "mentee"],
      ]),
      gathering("g2", 2, [
        ["h", "host"],
        ["f", "co-creator"],
        ["l", "observer"],
      ]),
    );
    const led = snap(events, { at: day(2), layers: ["led"] });
    expect(ties(led)).toEqual({ "f->l": 1, "f->m": 1, "h->l": 1 });
    const co = snap(events, { at: day(2), layers: ["co-attendance"] });
    expect(co.graph.size).toBe(12 + 6 - 2);
    expect(co.graph.getEdgeAttribute("f", "l", "weight")).toBe(2);
    expect(co.graph.getEdgeAttribute("l", "f", "weight")).toBe(2);
    expect(co.graph.getEdgeAttribute("p", "m", "weight")).toBe(1);
    // The peer neither gives nor receives a `led` tie.
    expect(snap(events, { at: day(2) }).graph.getEdgeAttribute("p", "f", "layers")).toEqual({ "co-attendance": 1 });
    expect(snap(events, { at: day(2) }).graph.getEdgeAttribute("f", "l", "layers")).toEqual({
      led: 1,
      "co-attendance": 2,
    });
  });

  it("never makes a self-loop, even from an odd log", () => {
    const events = stored(
      ...members("a", "b"),
      interaction("i", "a", ["a", "b"], 1),
      gathering("g", 1, [
        ["a", "facilitator"],
        ["a", "learner"],
        ["b", "learner"],
      ]),
    );
    const s = snap(events, { at: day(1) });
    expect(s.graph.selfLoopCount).toBe(0);
    expect(s.graph.getEdgeAttribute("a", "b", "layers")).toEqual({ advice: 1, led: 1, "co-attendance": 1 });
  });

  it("leaves out ties to members not yet known", () => {
    const events = stored(...members("a"), interaction("i", "a", ["ghost"], 1));
    const s = snap(events, { at: day(1) });
    expect(s.graph.nodes()).toEqual(["a"]);
    expect(s.graph.size).toBe(0);
  });
});
