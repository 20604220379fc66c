// Recovery of planted homophily by silo.ei (sector), through the real projection and indicators.
// Interaction layers only: homophily is planted in whom members interact with. Static membership
// (no growth, churn or profile changes), so the expectation of arc-expectation.ts is exact in
// expectation; its sampling sd here is ≈ 0.015, hence the tolerance 0.05 (> 3 sd).
import { describe, expect, it } from "vitest";
import { plantedEi } from "./expectations.js";
import { simulateCommunity } from "./simulate.js";
import { measure } from "./testing/measure.js";

const ids = ["silo.ei", "silo.ei_expected", "silo.ei_p"];
const levels = [0, 0.3, 0.6, 0.9];
const TOLERANCE = 0.05;

function run(homophily: number, size: { initialMembers: number; interactionsPerMemberPerMonth: number }) {
  const simulation = simulateCommunity({
    seed: 11,
    ...size,
    growth: 0,
    churn: 0,
    profileChangeRate: 0,
    gatheringsPerMonth: 0,
    homophily,
  });
  const values = measure(simulation, { layers: "interactions", ids, permutations: 400 });
  return {
    truth: simulation.truth,
    ei: values["silo.ei"]!.value!,
    baseline: values["silo.ei_expected"]!.value!,
    p: values["silo.ei_p"]!.value!,
  };
}

describe("silo.ei recovers planted homophily (200 members, 1.5 interactions/member/month, 1 year)", () => {
  const runs = levels.map((h) => ({ h, ...run(h, { initialMembers: 200, interactionsPerMemberPerMonth: 1.5 }) }));

  it("decreases monotonically with h ∈ {0, 0.3, 0.6, 0.9}", () => {
    for (let k = 1; k < runs.length; k++) expect(runs[k]!.ei).toBeLessThan(runs[k - 1]!.ei - 0.2);
  });

  it.each(levels)(`h = %s: within ${TOLERANCE} of the expected arc-level E-I`, (h) => {
    const { ei, truth } = runs.find((r) => r.h === h)!;
    expect(Math.abs(ei - truth.expected.ei!)).toBeLessThanOrEqual(TOLERANCE);
  });

  it("h = 0.9 reads as siloed: E-I below its random-mixing baseline by more than 1, p < 0.05", () => {
    const { ei, baseline, p } = runs.at(-1)!;
    expect(ei).toBeLessThan(baseline - 1);
    expect(p).toBeLessThan(0.05);
  });

  it(`h = 0 is within ${TOLERANCE} of its random-mixing baseline (silo.ei_expected) and not flagged (p ≥ 0.05)`, () => {
    const { ei, baseline, p, truth } = runs[0]!;
    expect(Math.abs(ei - baseline)).toBeLessThanOrEqual(TOLERANCE);
    expect(p).toBeGreaterThanOrEqual(0.05);
    // The simulator's own random-mixing value agrees with the indicator's baseline.
    expect(Math.abs(truth.expected.eiRandomMixing! - baseline)).toBeLessThanOrEqual(0.01);
  });
});

describe("silo.ei in a sparse community follows the closed form (1 − h)·E₀ − h (400 members, 0.5/month)", () => {
  // Sparse: pairs rarely repeat, so counting arcs or interactions hardly differs; E₀ is the
  // indicator's own baseline silo.ei_expected. Sampling sd ≈ 0.015; tolerance 0.05.
  it.each(levels)(`h = %s: within ${TOLERANCE} of (1 − h)·E₀ − h`, (h) => {
    const { ei, baseline, truth } = run(h, { initialMembers: 400, interactionsPerMemberPerMonth: 0.5 });
    expect(Math.abs(ei - plantedEi(h, baseline))).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(truth.expected.eiInteractions! - plantedEi(h, baseline))).toBeLessThanOrEqual(0.01);
  });
});
