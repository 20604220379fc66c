import { describe, expect, it } from "vitest";
import { CommunityHistory, fromEvents } from "./community-history.js";
import { changed, day, erased, gathering, interaction, joined, left, retracted, stored } from "./fixtures.js";

describe("CommunityHistory", () => {
  const events = stored(
    joined("a", 0, { organisation: "Org", attributes: { office: "north" } }),
    joined("b", 0),
    changed("a", 3, { sector: "health", organisation: "Clinic", attributes: { office: null }, displayName: "A" }),
    [interaction("i1", "a", ["b"], 2, { notes: "private" }), 4],
    gathering("g1", 1, [
      ["a", "host"],
      ["b", "learner"],
    ]),
    [retracted("i1", 1), 9],
    left("b", 5),
  );

  it("keeps each kind of fact, indexed by valid time, with both clocks", () => {
    const history = fromEvents(events);
    expect(history.version).toBe(7);
    expect(history.interactions.all()).toEqual([
      {
        id: "i1",
        kind: "advice",
        from: "a",
        to: ["b"],
        weight: 1,
        occurredAt: day(2),
        recordedAt: day(4),
        revision: 3,
      },
    ]);
    expect(history.gatherings.all().map((g) => g.id)).toEqual(["g1"]);
    expect(history.retractions).toEqual(new Map([["i1", day(9)]]));
    expect(history.joins.all().map((j) => j.memberId)).toEqual(["a", "b"]);
    const a = history.member("a")!;
    expect(a.changes.all()).toEqual([
      {
        occurredAt: day(3),
        recordedAt: day(3),
        revision: 2,
        sector: "health",
        organisation: "Clinic",
        attributes: { office: null },
      },
    ]);
    expect(history.member("b")!.leaves).toEqual([{ occurredAt: day(5), recordedAt: day(5), revision: 6 }]);
  });

  it("forgets an erased member's organisation, including in profile changes", () => {
    const history = fromEvents([...events, ...stored(erased("a", 10)).map((e) => ({ ...e, revision: 7 }))]);
    const a = history.member("a")!;
    expect(a.erased).toBe(true);
    expect(a.joins[0]).not.toHaveProperty("organisation");
    expect(a.changes.all()[0]).not.toHaveProperty("organisation");
    expect(JSON.stringify([a.joins, a.changes.all()])).not.toMatch(/Org|Clinic/);
  });

  it("grows one event at a time, answering between appends", () => {
    const history = new CommunityHistory();
    for (const event of events) {
      history.apply(event);
      history.interactions.all();
    }
    expect(history.version).toBe(events.length);
    expect(history.member("b")?.leftBy(day(5), day(5))).toBe(true);
    expect(history.member("b")?.leftBy(day(5), day(4))).toBe(false);
  });
});
