import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions, type IndicatorOptions } from "../indicator.js";
import { day, SnapshotBuilder } from "../reciprocity/testing/snapshot-builder.js";
import { computeEiFlow } from "./ei-flow.js";
import { computeHierarchyInversion } from "./hierarchy-inversion.js";
import { summariseNull } from "./permutation.js";
import { computeReversal } from "./reversal.js";

const opts = (permutations: number, seed = 7): IndicatorOptions => ({ ...defaultIndicatorOptions, permutations, seed });

describe("roles.reversal", () => {
  // {a,b}: a facilitates b on d0, b advises a on d5: reversed.
  // {a,c}: a facilitates c on d0, c advises a on d0: the same instant, not reversed.
  // {d,e}: d → e on d1, d2, d4: one direction. {f,g}: f → g once.
  const history = () =>
    new SnapshotBuilder()
      .gathering(day(0), { a: "facilitator", b: "learner", c: "learner", p: "participant" })
      .interaction("c", "a", day(0))
      .interaction("b", "a", day(5))
      .interaction("d", "e", day(1), "mentoring")
      .interaction("d", "e", day(2), "feedback")
      .interaction("d", "e", day(4))
      .interaction("f", "g", day(3))
      .interaction("f", "h", day(3), "collaboration");

  it("reversed dyads / dyads with a giver→receiver arc; same-instant arcs do not reverse", () => {
    const result = computeReversal(history().build({ at: day(10) }), opts(0));
    expect(result.value).toBe(0.25);
    expect(result.byMember).toEqual({ a: 0.5, b: 1, c: 0, d: 0, e: 0, f: 0, g: 0 });
    // exact null mean: {a,b} 1 − 2^(−1), {a,c} 0 (one instant), {d,e} 1 − 2^(−2), {f,g} 0.
    expect(result.details).toEqual({ dyads: 4, reversed: 1, arcs: 8, expected: (0.5 + 0.75) / 4, permutations: 0 });
    expect(result.baseline).toBeNull();
    expect(result.p).toBeNull();
    expect(result.z).toBeNull();
  });

  it("baseline: the mean over seeded random directions, close to the exact expectation; p and z", () => {
    const s = history().build({ at: day(10) });
    const result = computeReversal(s, opts(4000));
    expect(result.baseline as number).toBeCloseTo(0.3125, 1);
    expect(Math.abs((result.baseline as number) - 0.3125)).toBeLessThan(0.015);
    expect(result.z as number).toBeLessThan(0);
    expect(result.p as number).toBeGreaterThan(0);
    expect(result.p as number).toBeLessThanOrEqual(1);
    expect(computeReversal(s, opts(4000))).toEqual(result);
    expect(computeReversal(s, opts(4000, 8)).baseline).not.toBe(result.baseline);
  });

  it("the order of the two arcs does not matter: B→A first, then A→B, is reversed too", () => {
    const s = new SnapshotBuilder()
      .interaction("b", "a", day(0))
      .interaction("a", "b", day(1))
      .build({ at: day(2) });
    expect(computeReversal(s, opts(0)).value).toBe(1);
  });

  it("empty window: value, baseline, p, z null", () => {
    const result = computeReversal(history().build({ from: day(6), at: day(10) }), opts(100));
    expect(result).toMatchObject({ value: null, baseline: null, p: null, z: null });
  });
});

describe("roles.hierarchy_inversion", () => {
  const layered = () =>
    new SnapshotBuilder()
      .member("s", { occupationalLayer: "student" })
      .member("p", { occupationalLayer: "professional" })
      .member("p2", { occupationalLayer: "professional" })
      .member("m", { occupationalLayer: "management" })
      .member("d", { occupationalLayer: "director" })
      .member("o", { occupationalLayer: "other" });

  it("inverted / ranked giver→receiver arcs, one per pair per episode", () => {
    // arcs: s→d, s→m (inverted), s→o (unranked), d→p, p→m (inverted), p→p2 (same rank), s→d again (inverted).
    const s = layered()
      .gathering(day(0), { s: "facilitator", d: "learner", m: "learner", o: "learner", p: "participant" })
      .interaction("d", "p", day(1))
      .interaction("p", "m", day(2), "mentoring")
      .interaction("p", "p2", day(3))
      .interaction("s", "d", day(4))
      .build({ at: day(10) });
    const result = computeHierarchyInversion(s, opts(0));
    expect(result.value).toBe(0.8);
    expect(result.details).toEqual({ arcs: 7, rankedArcs: 5, invertedArcs: 4, difference: null });
  });

  it("baseline permutes roles within each episode: a director leading two juniors has baseline ½", () => {
    // Giver d: 0 inverted. If s gives: s→d, s→p both inverted (1). If p gives: p→d yes, p→s no (½).
    const s = layered()
      .gathering(day(0), { d: "presenter", s: "observer", p: "learner" })
      .build({ at: day(1) });
    const result = computeHierarchyInversion(s, opts(3000));
    expect(result.value).toBe(0);
    expect(Math.abs((result.baseline as number) - 0.5)).toBeLessThan(0.03);
    expect(result.z as number).toBeLessThan(0);
    expect((result.details as { difference: number }).difference).toBeCloseTo(-(result.baseline as number), 12);
  });

  it("a directed interaction is an episode too: its source and recipient swap with probability ½", () => {
    const s = layered()
      .interaction("s", "d", day(0))
      .build({ at: day(1) });
    const result = computeHierarchyInversion(s, opts(2000));
    expect(result.value).toBe(1);
    expect(Math.abs((result.baseline as number) - 0.5)).toBeLessThan(0.04);
  });

  it("one-to-one interactions are drawn as fair coins: the null share is Binomial(400, ½) / 400", () => {
    // 200 arcs s→d (inverted) and 200 arcs d→s: value ½; under the null each arc is inverted with probability ½.
    const b = layered();
    for (let i = 0; i < 200; i++) b.interaction("s", "d", day(i % 7)).interaction("d", "s", day(i % 5));
    const s = b.build({ at: day(10) });
    const result = computeHierarchyInversion(s, opts(2000));
    expect(result.value).toBe(0.5);
    expect(Math.abs((result.baseline as number) - 0.5)).toBeLessThan(0.005);
    // binomial: sd of the share is √(¼ / 400) = 0.025
    expect(Math.abs((result.z as number) * 0.025 - (0.5 - (result.baseline as number)))).toBeLessThan(0.003);
  });

  it("null without ranked pairs (peers only, `other` layers, an empty window)", () => {
    const peers = layered()
      .gathering(day(0), { s: "participant", d: "co-creator" })
      .build({ at: day(1) });
    expect(computeHierarchyInversion(peers, opts(50))).toMatchObject({ value: null, baseline: null, z: null });
    const other = layered()
      .interaction("o", "d", day(0))
      .build({ at: day(1) });
    expect(computeHierarchyInversion(other, opts(50)).value).toBeNull();
    const empty = layered()
      .interaction("s", "d", day(0))
      .build({ from: day(1), at: day(2) });
    expect(computeHierarchyInversion(empty, opts(50)).value).toBeNull();
  });
});

describe("roles.ei_flow", () => {
  const sectors = () =>
    new SnapshotBuilder()
      .member("a", { sector: "education", office: "north" })
      .member("b", { sector: "education", office: "north" })
      .member("c", { sector: "business", office: "south" })
      .member("d", { sector: "business" })
      .member("e", { sector: "health" })
      .gathering(day(0), { a: "facilitator", b: "learner", c: "learner" })
      .interaction("c", "d", day(1))
      .interaction("d", "a", day(2), "mentoring")
      .interaction("c", "d", day(3))
      .interaction("a", "e", day(4), "collaboration");

  it("E-I over distinct giver→receiver pairs; baseline 1 − 2π_in over the graph's members", () => {
    const result = computeEiFlow(sectors().build({ at: day(10) }), opts(0));
    // a→b I, a→c E, c→d I, d→a E
    expect(result.value).toBe(0);
    expect(result.byGroup).toEqual({ business: 1 / 3, education: 1 / 3 });
    // π_in = (2·1 + 2·1) / (5·4) = 0.2
    expect(result.baseline).toBeCloseTo(0.6, 12);
    expect(result.details).toEqual({ pairs: 4, external: 2, internal: 2, attribute: "sector" });
  });

  it("label permutation: z below 0 (flows stay inside sectors more than chance), p in (0, 1]", () => {
    const result = computeEiFlow(sectors().build({ at: day(10) }), opts(2000));
    expect(result.z as number).toBeLessThan(0);
    expect(result.p as number).toBeGreaterThan(0);
    expect(result.p as number).toBeLessThanOrEqual(1);
  });

  it("a custom attribute: members without a value (d, e) are left out", () => {
    const result = computeEiFlow(sectors().build({ at: day(10) }), { ...opts(0), attribute: "office" });
    // a→b I, a→c E; π_in = 2 / 6
    expect(result.value).toBe(0);
    expect(result.baseline).toBeCloseTo(1 - 2 / 3, 12);
  });

  it("null without pairs (empty window); the baseline is still the graph's", () => {
    const result = computeEiFlow(sectors().build({ from: day(5), at: day(10) }), opts(100));
    expect(result.value).toBeNull();
    expect(result.p).toBeNull();
    expect(result.z).toBeNull();
  });
});

describe("permutation summary", () => {
  it("two-sided p with the +1 correction; z from the sample sd; nulls left out", () => {
    const summary = summariseNull(3, [0, 1, 2, null]);
    expect(summary.baseline).toBe(1);
    expect(summary.p).toBe(1 / 4);
    expect(summary.z).toBeCloseTo(2, 12);
    expect(summariseNull(1, [1, 1])).toEqual({ baseline: 1, p: 1, z: null });
    expect(summariseNull(null, [1])).toEqual({ baseline: 1, p: null, z: null });
    expect(summariseNull(0.5, [])).toEqual({ baseline: null, p: null, z: null });
  });
});
