// Recovery of planted reciprocity ρ by reciprocity.edge and reciprocity.returned_within
// (Δ = 30 days ≥ the longest return delay, 14 days), interaction layers, static membership.
// reciprocity.edge is compared with the arc-level expectation (arc-expectation.ts; sd ≈ 0.01 here,
// tolerance 0.03); returned_within with ρ/(1 + ρ), which leaves out returns that happen by chance
// (≈ 0.01 at this density) — tolerance 0.03.
import { describe, expect, it } from "vitest";
import { expectedReturnedWithin } from "./expectations.js";
import { simulateCommunity } from "./simulate.js";
import { measure } from "./testing/measure.js";

const levels = [0, 0.3, 0.6, 0.9];
const TOLERANCE = 0.03;

const runs = levels.map((rho) => {
  const simulation = simulateCommunity({
    seed: 12,
    initialMembers: 200,
    interactionsPerMemberPerMonth: 1.5,
    growth: 0,
    churn: 0,
    profileChangeRate: 0,
    gatheringsPerMonth: 0,
    homophily: 0.3,
    reciprocity: rho,
  });
  const values = measure(simulation, {
    layers: "interactions",
    ids: ["reciprocity.edge", "reciprocity.returned_within"],
  });
  return {
    rho,
    truth: simulation.truth,
    edge: values["reciprocity.edge"]!.value!,
    returned: values["reciprocity.returned_within"]!.value!,
  };
});

describe("reciprocity recovers planted ρ (200 members, h = 0.3, 1.5 interactions/member/month, 1 year)", () => {
  it("reciprocity.edge and returned_within increase with ρ ∈ {0, 0.3, 0.6, 0.9}", () => {
    for (let k = 1; k < runs.length; k++) {
      expect(runs[k]!.edge).toBeGreaterThan(runs[k - 1]!.edge + 0.1);
      expect(runs[k]!.returned).toBeGreaterThan(runs[k - 1]!.returned + 0.05);
    }
  });

  it.each(levels)(`ρ = %s: reciprocity.edge within ${TOLERANCE} of the expected arc-level value`, (rho) => {
    const { edge, truth } = runs.find((r) => r.rho === rho)!;
    expect(Math.abs(edge - truth.expected.edgeReciprocity!)).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each(levels)(`ρ = %s: returned_within within ${TOLERANCE} of ρ/(1 + ρ)`, (rho) => {
    const { returned, truth } = runs.find((r) => r.rho === rho)!;
    expect(truth.expected.returnedWithin).toBe(expectedReturnedWithin(rho));
    expect(Math.abs(returned - expectedReturnedWithin(rho))).toBeLessThanOrEqual(TOLERANCE);
  });
});
