import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import type { MemberAttributes, TieAttributes } from "../../projection/community-snapshot.js";
import { defaultIndicatorOptions } from "../indicator.js";
import { computeDyadicReciprocity } from "./dyadic.js";
import { computeEdgeReciprocity } from "./edge.js";
import { reciprocityIndicators } from "./index.js";
import { computeMemberReciprocity } from "./member.js";
import { computeRho } from "./rho.js";
import { krackhardtAdvice, krackhardtFriendship, mcfarland, oracle } from "./testing/datasets.js";
import { day, graphSnapshot, SnapshotBuilder } from "./testing/snapshot-builder.js";
import { computeWeightedReciprocity } from "./weighted.js";

const close = (actual: unknown, expected: number) => expect(actual as number).toBeCloseTo(expected, 9);

describe("Krackhardt high-tech managers (oracle values from metrics.md, networkx 3.6.1)", () => {
  const cases = [
    { name: "advice", graph: krackhardtAdvice(), edge: 0.4736842105, dyadic: 0.3103448276, rho: 0.0389016018 },
    { name: "friendship", graph: krackhardtFriendship(), edge: 0.4509803922, dyadic: 0.2911392405, rho: 0.2748797632 },
  ] as const;
  for (const c of cases) {
    it(`${c.name}: edge, dyadic and ρ agree to 1e-9`, () => {
      const snapshot = graphSnapshot(c.graph);
      // metrics.md gives 10 decimals: agreement to 1e-9 within that rounding.
      expect(Math.abs(computeEdgeReciprocity(snapshot).value! - c.edge)).toBeLessThan(1e-9);
      expect(Math.abs(computeDyadicReciprocity(snapshot).value! - c.dyadic)).toBeLessThan(1e-9);
      expect(Math.abs(computeRho(snapshot).value! - c.rho)).toBeLessThan(1e-9);
    });
  }

  it("advice and friendship match the stored networkx oracle exactly (1e-12), per member too", () => {
    for (const [graph, name] of [
      [krackhardtAdvice(), "krackhardt_advice"],
      [krackhardtFriendship(), "krackhardt_friendship"],
    ] as const) {
      const o = oracle(name);
      const snapshot = graphSnapshot(graph);
      expect(graph.order).toBe(o.N);
      expect(graph.size).toBe(o.L);
      expect(computeEdgeReciprocity(snapshot).value).toBeCloseTo(o.edge, 12);
      expect(computeEdgeReciprocity(snapshot).baseline).toBeCloseTo(o.density, 12);
      expect(computeRho(snapshot).baseline).toBe(0);
      expect(computeRho(snapshot).details).toMatchObject({ density: expect.closeTo(o.density, 12) });
      expect(computeRho(snapshot).value).toBeCloseTo(o.rho, 12);
      const member = computeMemberReciprocity(snapshot);
      expect(member.value).toBeCloseTo(o.memberMean, 12);
      for (const [id, r] of Object.entries(o.member)) {
        if (r === null) expect(member.byMember?.[id]).toBeNull();
        else expect(member.byMember?.[id]).toBeCloseTo(r, 12);
      }
      // Unweighted: r_w is the edge reciprocity.
      expect(computeWeightedReciprocity(snapshot).value).toBeCloseTo(o.edge, 12);
    }
  });

  it("McFarland s641 (valued): Squartini r_w matches the oracle", () => {
    const o = oracle("mcfarland_s641");
    const snapshot = graphSnapshot(mcfarland());
    expect(snapshot.graph.size).toBe(o.L);
    close(computeWeightedReciprocity(snapshot).value, o.weighted);
    close(computeEdgeReciprocity(snapshot).value, o.edge);
    close(computeDyadicReciprocity(snapshot).value, o.dyadic);
  });
});

describe("small hand-computed graph", () => {
  // a⇄b (a→b weight 2, b→a weight 1), a→c, isolate d, and a self-loop on c that is left out.
  const snapshot = new SnapshotBuilder()
    .member("d")
    .arc("a", "b", "advice", 2)
    .arc("b", "a")
    .arc("a", "c")
    .build({ at: day(1) });
  snapshot.graph.addDirectedEdge("c", "c", { weight: 5, layers: { advice: 5 } });

  it("edge r = 2/3 with baseline ā = 3/12; dyadic 1/2 with baseline ā/(2−ā); ρ = 5/9", () => {
    close(computeEdgeReciprocity(snapshot).value, 2 / 3);
    close(computeEdgeReciprocity(snapshot).baseline as number, 0.25);
    close(computeDyadicReciprocity(snapshot).value, 0.5);
    close(computeDyadicReciprocity(snapshot).baseline as number, 0.25 / 1.75);
    close(computeRho(snapshot).value, 5 / 9);
  });

  it("weighted r_w = (1 + 1) / 4", () => {
    close(computeWeightedReciprocity(snapshot).value, 0.5);
  });

  it("per member: a 2/3, b 1, c 0, isolate d null; mean 5/9; balance by strength", () => {
    const result = computeMemberReciprocity(snapshot);
    expect(result.byMember).toEqual({ a: 2 / 3, b: 1, c: 0, d: null });
    close(result.value, 5 / 9);
    expect(result.details).toEqual({ balance: { a: 0.5, b: -1 / 3, c: -1, d: null } });
  });
});

describe("undefined values are null", () => {
  it("an empty graph and a graph without arcs give null everywhere", () => {
    const empty = graphSnapshot(new DirectedGraph<MemberAttributes, TieAttributes>());
    const noArcs = new SnapshotBuilder()
      .member("a")
      .member("b")
      .build({ at: day(1) });
    for (const snapshot of [empty, noArcs]) {
      for (const indicator of reciprocityIndicators) {
        const result = indicator.compute(snapshot, defaultIndicatorOptions);
        expect(result.value, indicator.id).toBeNull();
        for (const v of Object.values(result.byMember ?? {})) expect(v).toBeNull();
      }
      expect(computeEdgeReciprocity(empty).baseline).toBeNull();
    }
  });

  it("a complete graph has r = 1 and ρ null (ā = 1)", () => {
    const snapshot = new SnapshotBuilder()
      .arc("a", "b")
      .arc("b", "a")
      .build({ at: day(1) });
    expect(computeEdgeReciprocity(snapshot).value).toBe(1);
    expect(computeRho(snapshot).value).toBeNull();
    expect(computeRho(snapshot).baseline).toBeNull();
  });

  it("ids are unique and versioned", () => {
    const ids = reciprocityIndicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "reciprocity.edge",
      "reciprocity.dyadic",
      "reciprocity.rho",
      "reciprocity.weighted",
      "reciprocity.member",
      "reciprocity.by_layer",
      "reciprocity.cross_layer",
      "reciprocity.returned_within",
      "reciprocity.time_to_return",
    ]);
  });
});

describe("properties on random graphs", () => {
  const arcs = fc.uniqueArray(
    fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 5 })),
    { selector: ([a, b]) => `${a}-${b}`, maxLength: 40 },
  );
  const build = (list: [number, number, number][]) => {
    const b = new SnapshotBuilder();
    for (let i = 0; i < 8; i++) b.member(`m${i}`);
    for (const [s, t, w] of list) if (s !== t) b.arc(`m${s}`, `m${t}`, "advice", w);
    return b.build({ at: day(1) });
  };

  it("r = 2d / (1 + d) between edge and dyadic reciprocity; ρ in [−ā/(1−ā), 1]; r_w in [0, 1]", () => {
    fc.assert(
      fc.property(arcs, (list) => {
        const snapshot = build(list);
        const r = computeEdgeReciprocity(snapshot).value;
        const d = computeDyadicReciprocity(snapshot).value;
        if (snapshot.graph.size === 0) return r === null && d === null;
        expect(r).toBeCloseTo((2 * d!) / (1 + d!), 12);
        const a = snapshot.graph.size / 56;
        const rho = computeRho(snapshot).value!;
        expect(rho).toBeGreaterThanOrEqual(-a / (1 - a) - 1e-12);
        expect(rho).toBeLessThanOrEqual(1 + 1e-12);
        const rw = computeWeightedReciprocity(snapshot).value!;
        expect(rw).toBeGreaterThanOrEqual(0);
        expect(rw).toBeLessThanOrEqual(1 + 1e-12);
        // With equal weights r_w is r.
        const unit = build(list.map(([a, b]) => [a, b, 1]));
        expect(computeWeightedReciprocity(unit).value).toBeCloseTo(r!, 12);
        return true;
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
