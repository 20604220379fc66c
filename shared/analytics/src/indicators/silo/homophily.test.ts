import { describe, expect, it } from "vitest";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { assortativityIndicator } from "./assortativity.js";
import { colemanIndicator } from "./coleman.js";
import { attributeModularityIndicator } from "./modularity.js";

const sector = optionsFor("sector");
const members = {
  a: { sector: "health" },
  b: { sector: "health" },
  c: { sector: "business" },
  d: { sector: "business" },
  x: {},
};

describe("silo.assortativity", () => {
  it("is (Σ e_kk − Σ a_k b_k)/(1 − Σ a_k b_k) on the directed mixing matrix", () => {
    // health→health 2, health→business 1, business→business 1: e = [[.5, .25], [0, .25]],
    // a = (.75, .25), b = (.5, .5), Σab = .5, trace .75 → r = .25/.5.
    const snapshot = snapshotOf({
      members,
      arcs: [
        ["a", "b"],
        ["b", "a"],
        ["a", "c", 9],
        ["c", "d"],
        ["x", "a"],
      ],
    });
    const result = assortativityIndicator.compute(snapshot, sector);
    expect(result.value).toBeCloseTo(0.5, 15);
    expect(result.details).toEqual({
      groups: ["business", "health"],
      counts: [
        [1, 0],
        [1, 2],
      ],
    });
  });

  it("is 1 for a perfect silo with two groups and −1 when every tie crosses", () => {
    const silo = snapshotOf({
      members,
      edges: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    const crossing = snapshotOf({
      members,
      edges: [
        ["a", "c"],
        ["b", "d"],
      ],
    });
    expect(assortativityIndicator.compute(silo, sector).value).toBe(1);
    expect(assortativityIndicator.compute(crossing, sector).value).toBe(-1);
  });

  it("is null when every tie is inside one group (1 − Σab = 0) or there is no tie", () => {
    const oneGroup = snapshotOf({ members, edges: [["a", "b"]] });
    expect(assortativityIndicator.compute(oneGroup, sector).value).toBeNull();
    expect(assortativityIndicator.compute(snapshotOf({ members }), sector).value).toBeNull();
    expect(assortativityIndicator.compute(snapshotOf({ members: {} }), sector).value).toBeNull();
  });
});

describe("silo.coleman", () => {
  it("is (W − E)/(D − E) above expectation and (W − E)/E below, per group", () => {
    // health: sends a→b, a→c, b→a: D 3, W 2, E = 3·1/3 = 1 → (2 − 1)/(3 − 1) = 0.5.
    // business: c→d, d→a: D 2, W 1, E = 2/3 → (1/3)/(4/3) = 0.25. x→a is left out.
    const snapshot = snapshotOf({
      members,
      arcs: [
        ["a", "b"],
        ["a", "c"],
        ["b", "a"],
        ["c", "d"],
        ["d", "a"],
        ["x", "a"],
      ],
    });
    const result = colemanIndicator.compute(snapshot, sector);
    expect(result.byGroup!.health).toBeCloseTo(0.5, 15);
    expect(result.byGroup!.business).toBeCloseTo(0.25, 15);
    expect(result.value).toBeCloseTo(0.375, 15);
    expect(result.details).toMatchObject({ health: { sent: 3, within: 2, expected: 1 } });
  });

  it("is −1 for a group whose ties all leave it", () => {
    const snapshot = snapshotOf({
      members,
      arcs: [
        ["a", "c"],
        ["b", "d"],
        ["a", "d"],
        ["c", "d"],
      ],
    });
    expect(colemanIndicator.compute(snapshot, sector).byGroup!.health).toBe(-1);
  });

  it("is null for a group that sends nothing or has a single member (0/0)", () => {
    const snapshot = snapshotOf({
      members: { a: { sector: "health" }, b: { sector: "health" }, c: { sector: "business" } },
      arcs: [
        ["c", "a"],
        ["a", "b"],
      ],
    });
    const result = colemanIndicator.compute(snapshot, sector);
    expect(result.byGroup!.business).toBeNull();
    expect(result.value).toBe(result.byGroup!.health);
    const quiet = snapshotOf({ members });
    expect(colemanIndicator.compute(quiet, sector)).toMatchObject({
      value: null,
      byGroup: { health: null, business: null },
    });
    expect(colemanIndicator.compute(snapshotOf({ members: { a: { sector: "health" } } }), sector).value).toBeNull();
  });
});

describe("silo.modularity", () => {
  it("is Σ_g (m_g/m − (d_g/2m)²) on the undirected, unweighted graph", () => {
    // Two separate pairs, one per group: Q = 2·(1/2 − (2/4)²) = 0.5. A mutual pair is one edge;
    // weights are ignored; x's edge is left out.
    const snapshot = snapshotOf({
      members,
      arcs: [
        ["a", "b", 10],
        ["b", "a"],
        ["d", "c"],
        ["x", "a"],
      ],
    });
    const result = attributeModularityIndicator.compute(snapshot, sector);
    expect(result.value).toBeCloseTo(0.5, 15);
    expect(result.byGroup).toEqual({ health: 0.25, business: 0.25 });
    expect(result.details).toEqual({
      edges: 2,
      byGroup: { health: { edges: 1, degree: 2 }, business: { edges: 1, degree: 2 } },
    });
  });

  it("is negative when ties cross groups", () => {
    // Path a–c–b: m = 2, no edge inside; health degree 2, business 2 → −2·(1/4) = −0.5.
    const snapshot = snapshotOf({
      members,
      edges: [
        ["a", "c"],
        ["c", "b"],
      ],
    });
    expect(attributeModularityIndicator.compute(snapshot, sector).value).toBeCloseTo(-0.5, 15);
  });

  it("is null without edges among members with a value", () => {
    expect(attributeModularityIndicator.compute(snapshotOf({ members }), sector).value).toBeNull();
    const unlabelled = snapshotOf({ members, arcs: [["x", "a"]] });
    expect(attributeModularityIndicator.compute(unlabelled, sector)).toMatchObject({
      value: null,
      byGroup: { health: null, business: null },
    });
  });
});
