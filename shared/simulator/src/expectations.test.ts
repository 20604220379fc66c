import { describe, expect, it } from "vitest";
import { type Draw, expectedArcs } from "./arc-expectation.js";
import {
  classChances,
  dualRoleChance,
  expectedEdgeReciprocity,
  expectedReturnedWithin,
  expectedSwitchRate,
  plantedEi,
} from "./expectations.js";

const classes = ["giver", "peer", "receiver"] as const;

describe("expected switch rate 2s − 1.5s²", () => {
  it("equals 1 − Σ P(class)² for every habitual class", () => {
    for (const s of [0, 0.1, 0.35, 2 / 3, 0.9, 1]) {
      for (const habitual of classes) {
        const p = classes.map((c) => (c === habitual ? 1 - s : s / 2));
        expect(expectedSwitchRate(s)).toBeCloseTo(1 - p.reduce((sum, x) => sum + x * x, 0), 12);
      }
    }
  });

  it("is 0 at s = 0, peaks at 2/3 for s = 2/3, and is 0.5 at s = 1", () => {
    expect(expectedSwitchRate(0)).toBe(0);
    expect(expectedSwitchRate(2 / 3)).toBeCloseTo(2 / 3, 12);
    expect(expectedSwitchRate(0.6)).toBeLessThan(expectedSwitchRate(2 / 3));
    expect(expectedSwitchRate(0.75)).toBeLessThan(expectedSwitchRate(2 / 3));
    expect(expectedSwitchRate(1)).toBe(0.5);
  });
});

describe("dual-role chance", () => {
  /** Enumerates every sequence of n classes. */
  function bruteForce(n: number, habitual: (typeof classes)[number], s: number, gave: boolean, received: boolean) {
    const p = (c: string) => (c === habitual ? 1 - s : s / 2);
    let total = 0;
    const walk = (k: number, prob: number, g: boolean, r: boolean) => {
      if (k === n) {
        if (g && r) total += prob;
        return;
      }
      for (const c of classes) walk(k + 1, prob * p(c), g || c === "giver", r || c === "receiver");
    };
    walk(0, 1, gave, received);
    return total;
  }

  it("matches enumeration for n ≤ 5, every habitual class, with and without interaction roles", () => {
    for (let n = 0; n <= 5; n++) {
      for (const habitual of classes) {
        for (const s of [0, 0.3, 1]) {
          for (const [gave, received] of [
            [false, false],
            [true, false],
            [false, true],
            [true, true],
          ] as const) {
            const chance = dualRoleChance(n, classChances(habitual, s), gave, received);
            expect(chance).toBeCloseTo(bruteForce(n, habitual, s, gave, received), 12);
          }
        }
      }
    }
  });
});

describe("expected arcs", () => {
  it("one sure draw between two members: 1 + ρ arcs, 2ρ reciprocated", () => {
    const rho = 0.4;
    const arcs = expectedArcs([0, 0], [{ sender: 0, aIn: 1, aOut: 0, back: rho }]);
    expect(arcs.internal).toBeCloseTo(1 + rho, 12);
    expect(arcs.external).toBeCloseTo(0, 12);
    expect(arcs.reciprocated).toBeCloseTo(2 * rho, 12);
  });

  it("matches exact enumeration of a small community's draws", () => {
    // Members 0, 1 in group 0 and 2 in group 1; h = 0.5: a draw of 0 picks 1 with 0.5 + 0.5/2, 2 with 0.25.
    const groupOf = [0, 0, 1];
    const draws: Draw[] = [
      { sender: 0, aIn: 0.75, aOut: 0.25, back: 0.5 },
      { sender: 0, aIn: 0.75, aOut: 0.25, back: 1 },
      { sender: 2, aIn: 0, aOut: 0.5, back: 0.3 },
    ];
    const partnersOf = (d: Draw) =>
      [0, 1, 2]
        .filter((j) => j !== d.sender)
        .map((j) => ({ j, p: groupOf[j] === groupOf[d.sender] ? d.aIn : d.aOut }))
        .filter(({ p }) => p > 0);
    let internal = 0;
    let external = 0;
    let reciprocated = 0;
    const walk = (k: number, prob: number, arcs: Set<string>) => {
      if (k === draws.length) {
        for (const arc of arcs) {
          const [i, j] = arc.split(">").map(Number);
          if (groupOf[i!] === groupOf[j!]) internal += prob;
          else external += prob;
          if (arcs.has(`${j}>${i}`)) reciprocated += prob;
        }
        return;
      }
      const d = draws[k]!;
      for (const { j, p } of partnersOf(d)) {
        const there = new Set(arcs).add(`${d.sender}>${j}`);
        walk(k + 1, prob * p * d.back, new Set(there).add(`${j}>${d.sender}`));
        walk(k + 1, prob * p * (1 - d.back), there);
      }
    };
    walk(0, 1, new Set());
    const expected = expectedArcs(groupOf, draws);
    expect(expected.internal).toBeCloseTo(internal, 12);
    expect(expected.external).toBeCloseTo(external, 12);
    expect(expected.reciprocated).toBeCloseTo(reciprocated, 12);
  });

  it("no draws, no arcs", () => {
    expect(expectedArcs([0, 1, 1], [])).toEqual({ internal: 0, external: 0, reciprocated: 0 });
  });
});

describe("closed forms", () => {
  it("E-I under homophily: E₀ at h = 0, −1 at h = 1", () => {
    expect(plantedEi(0, 0.6)).toBe(0.6);
    expect(plantedEi(1, 0.6)).toBe(-1);
    expect(plantedEi(0.5, 0.6)).toBeCloseTo(-0.2, 12);
  });

  it("reciprocity: sparse-limit edge reciprocity and returned share", () => {
    expect(expectedEdgeReciprocity(0, 10, 0)).toBe(0);
    expect(expectedEdgeReciprocity(1, 10, 0)).toBe(1);
    expect(expectedEdgeReciprocity(0, 0, 5)).toBe(1);
    expect(expectedEdgeReciprocity(0.5, 0, 0)).toBeNull();
    expect(expectedReturnedWithin(1)).toBe(0.5);
  });
});
