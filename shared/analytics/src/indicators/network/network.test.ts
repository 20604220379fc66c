import { describe, expect, it } from "vitest";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { betweennessIndicator } from "./betweenness.js";
import { componentsIndicator } from "./components.js";
import { densityIndicator } from "./density.js";
import { isolatesIndicator } from "./isolates.js";
import { membersIndicator } from "./members.js";
import { tiesIndicator } from "./ties.js";

const options = optionsFor("sector");
const empty = snapshotOf({ members: {} });
const one = snapshotOf({ members: { a: {} } });
// a → b → c, c → a: a directed triangle; d → e and e → d: a mutual pair; f alone.
const small = snapshotOf({
  members: { a: {}, b: {}, c: {}, d: {}, e: {}, f: {} },
  arcs: [
    ["a", "b"],
    ["b", "c"],
    ["c", "a"],
    ["d", "e"],
    ["e", "d"],
  ],
});

describe("network.members and network.ties", () => {
  it("count members (isolates included) and arcs (a mutual pair counts 2)", () => {
    expect(membersIndicator.compute(small, options).value).toBe(6);
    expect(tiesIndicator.compute(small, options).value).toBe(5);
  });

  it("are 0 for an empty graph (true counts, not undefined)", () => {
    expect(membersIndicator.compute(empty, options).value).toBe(0);
    expect(tiesIndicator.compute(empty, options).value).toBe(0);
  });

  it("ignore self-loops", () => {
    const loop = snapshotOf({
      members: { a: {}, b: {} },
      arcs: [
        ["a", "a"],
        ["a", "b"],
      ],
    });
    expect(tiesIndicator.compute(loop, options).value).toBe(1);
    expect(densityIndicator.compute(loop, options).value).toBe(0.5);
  });
});

describe("network.density", () => {
  it("is L / (N(N − 1))", () => {
    expect(densityIndicator.compute(small, options).value).toBeCloseTo(5 / 30, 15);
  });

  it("is null with fewer than two members, 0 with two members and no tie", () => {
    expect(densityIndicator.compute(empty, options).value).toBeNull();
    expect(densityIndicator.compute(one, options).value).toBeNull();
    expect(densityIndicator.compute(snapshotOf({ members: { a: {}, b: {} } }), options).value).toBe(0);
  });
});

describe("network.components and network.isolates", () => {
  it("count weak components, largest first, and isolates", () => {
    expect(componentsIndicator.compute(small, options)).toEqual({ value: 3, details: { sizes: [3, 2, 1] } });
    expect(isolatesIndicator.compute(small, options)).toEqual({ value: 1, details: { members: ["f"] } });
  });

  it("ignore direction: a → b ← c is one component", () => {
    const star = snapshotOf({
      members: { a: {}, b: {}, c: {} },
      arcs: [
        ["a", "b"],
        ["c", "b"],
      ],
    });
    expect(componentsIndicator.compute(star, options).value).toBe(1);
    expect(isolatesIndicator.compute(star, options).value).toBe(0);
  });

  it("are 0 for an empty graph", () => {
    expect(componentsIndicator.compute(empty, options).value).toBe(0);
    expect(isolatesIndicator.compute(empty, options).value).toBe(0);
  });

  it("a member with only a self-loop is an isolate", () => {
    const loop = snapshotOf({ members: { a: {}, b: {} }, arcs: [["a", "a"]] });
    expect(isolatesIndicator.compute(loop, options).value).toBe(2);
  });
});

describe("network.betweenness", () => {
  it("directed path a → b → c: b lies on the one a–c path; normalised by (N−1)(N−2) = 2", () => {
    const path = snapshotOf({
      members: { a: {}, b: {}, c: {} },
      arcs: [
        ["a", "b"],
        ["b", "c"],
      ],
    });
    const result = betweennessIndicator.compute(path, options);
    expect(result.byMember).toEqual({ a: 0, b: 0.5, c: 0 });
    expect(result.value).toBe(0.5);
    expect(result.details).toEqual({ mean: 0.5 / 3 });
  });

  it("splits a pair's credit over its shortest paths: a → {b, c} → d", () => {
    const diamond = snapshotOf({
      members: { a: {}, b: {}, c: {}, d: {} },
      arcs: [
        ["a", "b"],
        ["a", "c"],
        ["b", "d"],
        ["c", "d"],
      ],
    });
    const result = betweennessIndicator.compute(diamond, options);
    // b carries half of the single pair (a, d): 0.5 / ((4−1)(4−2)) = 1/12.
    expect(result.byMember!.b).toBeCloseTo(1 / 12, 15);
    expect(result.byMember!.c).toBeCloseTo(1 / 12, 15);
    expect(result.byMember!.a).toBe(0);
  });

  it("is unweighted: a heavy arc does not change shortest paths", () => {
    const weighted = snapshotOf({
      members: { a: {}, b: {}, c: {} },
      arcs: [
        ["a", "b", 10],
        ["b", "c", 10],
        ["a", "c", 1],
      ],
    });
    expect(betweennessIndicator.compute(weighted, options).value).toBe(0);
  });

  it("is null below three members (normalisation undefined) and for an empty graph", () => {
    const pair = snapshotOf({ members: { a: {}, b: {} }, arcs: [["a", "b"]] });
    expect(betweennessIndicator.compute(pair, options)).toEqual({
      value: null,
      byMember: { a: null, b: null },
      details: { mean: null },
    });
    expect(betweennessIndicator.compute(empty, options).value).toBeNull();
  });
});
