import { describe, expect, it } from "vitest";
import { karate } from "../testing/datasets.js";
import { optionsFor, snapshotOf } from "../testing/snapshot.js";
import { eiPIndicator } from "./ei-p.js";
import { eiPermutationTest } from "./ei-permutation.js";
import { eiZIndicator } from "./ei-z.js";

const sector = (overrides = {}) => optionsFor("sector", overrides);

// Four members, two per sector, ties only inside sectors (both ways): a perfect silo.
const silo = snapshotOf({
  members: { a: { sector: "health" }, b: { sector: "health" }, c: { sector: "business" }, d: { sector: "business" } },
  edges: [
    ["a", "b"],
    ["c", "d"],
  ],
});

describe("E-I permutation test (silo.ei_p, silo.ei_z)", () => {
  it("is reproducible for a seed", () => {
    const first = eiPIndicator.compute(silo, sector({ seed: 3, permutations: 200 }));
    expect(eiPIndicator.compute(silo, sector({ seed: 3, permutations: 200 }))).toEqual(first);
  });

  it("p is one-sided toward silo and matches the exact permutation distribution", () => {
    // Of the 3 ways to split {a,b,c,d} into two pairs, 1 keeps both ties internal (EI = −1):
    // the chance of EI ≤ −1 is 1/3. With R permutations, p ≈ (1 + R/3)/(R + 1).
    const test = eiPermutationTest(silo.graph, "sector", 11, 6000);
    expect(test.observed).toBe(-1);
    expect(test.tail).toBe("lower");
    expect(test.p).toBeGreaterThan(1 / 3 - 0.03);
    expect(test.p).toBeLessThan(1 / 3 + 0.03);
    // The permutation mean approaches the exact E[EI] = 1 − 2·(4/12) = 1/3.
    expect(test.expected).toBeCloseTo(1 / 3, 15);
    expect(test.mean).toBeGreaterThan(1 / 3 - 0.05);
    expect(test.mean).toBeLessThan(1 / 3 + 0.05);
  });

  it("p is near 1 when ties cross groups (not toward silo)", () => {
    const bridges = snapshotOf({
      members: {
        a: { sector: "health" },
        b: { sector: "health" },
        c: { sector: "business" },
        d: { sector: "business" },
      },
      edges: [
        ["a", "c"],
        ["b", "d"],
      ],
    });
    const result = eiPIndicator.compute(bridges, sector({ seed: 5, permutations: 500 }));
    expect(result.value).toBe(1);
    expect(result.z).toBeGreaterThan(0);
  });

  it("karate by club: a clear silo, smallest possible p and a strongly negative z", () => {
    const club = karate();
    const options = optionsFor("club", { seed: 1, permutations: 999 });
    const p = eiPIndicator.compute(club, options);
    const z = eiZIndicator.compute(club, options);
    expect(p.value).toBe(1 / 1000);
    expect(p.baseline).toBeCloseTo(1 / 33, 12);
    expect(z.value).toBeLessThan(-5);
    expect(z.p).toBe(p.value);
    expect(z.value).toBe(p.z);
  });

  it("p is in (0, 1]: the observed labelling counts as one permutation", () => {
    const result = eiPIndicator.compute(silo, sector({ seed: 2, permutations: 1 }));
    expect(result.value === 1 || result.value === 0.5).toBe(true);
  });

  it("z is null when every permutation gives the same EI (one group)", () => {
    const same = snapshotOf({
      members: { a: { sector: "health" }, b: { sector: "health" }, c: { sector: "health" } },
      arcs: [
        ["a", "b"],
        ["b", "c"],
      ],
    });
    const result = eiZIndicator.compute(same, sector({ permutations: 50 }));
    expect(result.value).toBeNull();
    expect(result.p).toBe(1);
    expect(result.details).toMatchObject({ observed: -1, mean: -1, sd: 0 });
  });

  it("p and z are null without ties or with no permutations; z needs two", () => {
    const noTies = snapshotOf({ members: { a: { sector: "health" }, b: { sector: "business" } } });
    expect(eiPIndicator.compute(noTies, sector())).toMatchObject({ value: null, p: null, z: null, baseline: 1 });
    expect(eiPIndicator.compute(silo, sector({ permutations: 0 }))).toMatchObject({ value: null, z: null });
    expect(eiZIndicator.compute(silo, sector({ permutations: 1 })).value).toBeNull();
    expect(eiZIndicator.compute(snapshotOf({ members: {} }), sector()).value).toBeNull();
  });
});
