import { describe, expect, it } from "vitest";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { crossShareIndicator } from "./cross-share.js";
import { eiIndicator } from "./ei.js";
import { eiExpectedIndicator } from "./ei-expected.js";

const sector = optionsFor("sector");
// Groups: E = {a, b}, B = {c}, H = {d}; x has no sector.
// Arcs: a→b, b→a (internal), a→c (external), d→a (external), c→d (external), x→a (left out).
const small = snapshotOf({
  members: {
    a: { sector: "education" },
    b: { sector: "education" },
    c: { sector: "business" },
    d: { sector: "health" },
    x: {},
  },
  arcs: [
    ["a", "b"],
    ["b", "a"],
    ["a", "c", 5],
    ["d", "a"],
    ["c", "d"],
    ["x", "a"],
  ],
});

describe("silo.ei", () => {
  it("is (E − I)/(E + I) over arcs, unweighted, with members lacking a value left out", () => {
    const result = eiIndicator.compute(small, sector);
    expect(result.value).toBeCloseTo((3 - 2) / 5, 15);
    expect(result.details).toMatchObject({ external: 3, internal: 2 });
  });

  it("gives E[EI] = 1 − 2π_in as baseline: π_in = (2·1)/(4·3)", () => {
    expect(eiIndicator.compute(small, sector).baseline).toBeCloseTo(1 - 2 * (2 / 12), 15);
  });

  it("per group counts ties with at least one end in the group", () => {
    const { byGroup } = eiIndicator.compute(small, sector);
    // education: a→b, b→a internal; a→c, d→a external → 0. business: a→c, c→d → 1. health: d→a, c→d → 1.
    expect(byGroup).toEqual({ education: 0, business: 1, health: 1 });
  });

  it("per member counts arcs in and out; null without a value or without ties", () => {
    const { byMember } = eiIndicator.compute(small, sector);
    // a: a→b, b→a internal; a→c, d→a external → 0. b: two internal → −1.
    expect(byMember).toEqual({ a: 0, b: -1, c: 1, d: 1, x: null });
    const withIsolate = snapshotOf({
      members: { a: { sector: "health" }, b: { sector: "health" }, c: { sector: "business" } },
      arcs: [["a", "b"]],
    });
    expect(eiIndicator.compute(withIsolate, sector).byMember).toEqual({ a: -1, b: -1, c: null });
    expect(eiIndicator.compute(withIsolate, sector).byGroup).toEqual({ health: -1, business: null });
  });

  it("is −1 for a perfect silo and +1 when every tie crosses", () => {
    const silo = snapshotOf({
      members: {
        a: { sector: "health" },
        b: { sector: "health" },
        c: { sector: "business" },
        d: { sector: "business" },
      },
      edges: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    const bridge = snapshotOf({
      members: { a: { sector: "health" }, b: { sector: "business" } },
      edges: [["a", "b"]],
    });
    expect(eiIndicator.compute(silo, sector).value).toBe(-1);
    expect(eiIndicator.compute(bridge, sector).value).toBe(1);
  });

  it("is null without ties between members with values; baseline null with fewer than two", () => {
    const noTies = snapshotOf({ members: { a: { sector: "health" }, b: { sector: "business" } } });
    expect(eiIndicator.compute(noTies, sector)).toMatchObject({ value: null, baseline: 1 });
    const unlabelled = snapshotOf({ members: { a: {}, b: {} }, arcs: [["a", "b"]] });
    expect(eiIndicator.compute(unlabelled, sector)).toMatchObject({ value: null, baseline: null, byGroup: {} });
    expect(eiIndicator.compute(snapshotOf({ members: {} }), sector).value).toBeNull();
  });
});

describe("silo.ei_expected", () => {
  it("is 1 − 2π_in with π_in over members with a value", () => {
    const result = eiExpectedIndicator.compute(small, sector);
    expect(result.value).toBeCloseTo(2 / 3, 15);
    expect(result.details).toEqual({ piIn: 1 / 6 });
  });

  it("is −1 when everyone shares one value, 1 when all differ, null below two members", () => {
    const same = snapshotOf({ members: { a: { sector: "health" }, b: { sector: "health" } } });
    const different = snapshotOf({ members: { a: { sector: "health" }, b: { sector: "business" } } });
    expect(eiExpectedIndicator.compute(same, sector).value).toBe(-1);
    expect(eiExpectedIndicator.compute(different, sector).value).toBe(1);
    expect(eiExpectedIndicator.compute(snapshotOf({ members: { a: { sector: "health" } } }), sector).value).toBeNull();
  });
});

describe("silo.cross_share", () => {
  it("is E/(E + I) = (EI + 1)/2, with baseline 1 − π_in", () => {
    const result = crossShareIndicator.compute(small, sector);
    expect(result.value).toBeCloseTo(3 / 5, 15);
    expect(result.baseline).toBeCloseTo(5 / 6, 15);
    expect(result.byGroup).toEqual({ education: 0.5, business: 1, health: 1 });
    expect(result.byMember).toMatchObject({ b: 0, x: null });
  });

  it("is null without ties", () => {
    const noTies = snapshotOf({ members: { a: { sector: "health" }, b: { sector: "business" } } });
    expect(crossShareIndicator.compute(noTies, sector).value).toBeNull();
  });
});
