import { describe, expect, it } from "vitest";
import { evolve } from "./evolve.js";
import { initialState } from "./state.js";
import {
  community,
  erased,
  gathering,
  interaction,
  joined,
  left,
  registered,
  retracted,
  T0,
  T1,
  T2,
} from "./testing/fixtures.js";

const replay = (events: Parameters<typeof evolve>[1][]) => events.reduce(evolve, initialState());

describe("evolve", () => {
  it("starts unregistered and empty", () => {
    expect(initialState()).toEqual({
      registered: false,
      communityId: null,
      registeredAt: null,
      members: new Map(),
      records: new Map(),
      eventCount: 0,
    });
  });

  it("records registration, members and records", () => {
    const state = replay([...community(), interaction("i1", "a", ["b"]), gathering("g1", ["a", "b"])]);
    expect(state).toMatchObject({
      registered: true,
      communityId: "makers",
      registeredAt: Date.parse(T0),
      eventCount: 6,
    });
    expect(state.members.get("a")).toEqual({
      joinedAt: Date.parse(T0),
      leftAt: null,
      erased: false,
      attributeKeys: new Set(),
    });
    expect(state.records.get("i1")).toMatchObject({ kind: "interaction", retracted: false });
    expect(state.records.get("g1")).toMatchObject({ kind: "gathering", retracted: false });
  });

  it("tracks leaving, erasure, retraction and attribute keys", () => {
    const state = replay([
      registered(),
      joined("a", { attributes: { region: "n", team: "x" } }),
      { type: "MemberProfileChanged", data: { memberId: "a", occurredAt: T1, attributes: { team: null, year: "1" } } },
      left("a", T2),
      erased("a"),
      interaction("i1", "a", ["b"]),
      retracted("i1"),
    ]);
    expect(state.members.get("a")).toEqual({
      joinedAt: Date.parse(T0),
      leftAt: Date.parse(T2),
      erased: true,
      attributeKeys: new Set(["region", "year"]),
    });
    expect(state.records.get("i1")?.retracted).toBe(true);
  });

  it("mutates and returns the state it is given (the caller owns it)", () => {
    const state = initialState();
    expect(evolve(state, registered())).toBe(state);
    expect(state.registered).toBe(true);
  });

  it("replaces member and record entries instead of mutating them", () => {
    const state = replay([...community(), interaction("i1", "a", ["b"])]);
    const member = state.members.get("a");
    const record = state.records.get("i1");
    evolve(state, left("a"));
    evolve(state, retracted("i1"));
    expect(member?.leftAt).toBeNull();
    expect(record?.retracted).toBe(false);
  });

  it("applies stored facts about unknown members or records without throwing", () => {
    const state = replay([registered(), left("ghost"), erased("ghost"), retracted("nothing")]);
    expect(state.members.size).toBe(0);
    expect(state.eventCount).toBe(4);
  });

  it("replays 200,000 events into one state", () => {
    const state = replay(community());
    for (let i = 0; i < 200_000; i += 1) evolve(state, interaction(`i${i}`, "a", ["b"]));
    expect(state.records.size).toBe(200_000);
  });
});
