// Recovery of planted role switching s by roles.switch_rate and roles.dual_role_share.
// Gatherings only (no interactions, whose direction would make nearly everyone a giver and a
// receiver), 300 static members, ~1,300 participations in a year.
// switch_rate vs 2s − 1.5s²: ~1,000 transitions, sd ≈ 0.015, tolerance 0.05.
// dual_role_share vs the mean dual-role chance given each member's participations (truth):
// 300 members, sd ≈ 0.025, tolerance 0.075.
import { describe, expect, it } from "vitest";
import { expectedSwitchRate } from "./expectations.js";
import { simulateCommunity } from "./simulate.js";
import { measure } from "./testing/measure.js";

// 2s − 1.5s² rises up to s = 2/3, so the levels stay below it.
const levels = [0, 0.2, 0.4, 0.6];
const SWITCH_TOLERANCE = 0.05;
const DUAL_TOLERANCE = 0.075;

const runs = levels.map((s) => {
  const simulation = simulateCommunity({
    seed: 13,
    initialMembers: 300,
    growth: 0,
    churn: 0,
    profileChangeRate: 0,
    interactionsPerMemberPerMonth: 0,
    gatheringsPerMonth: 20,
    gatheringSize: { min: 3, max: 8 },
    roleSwitching: s,
  });
  const values = measure(simulation, { layers: "all", ids: ["roles.switch_rate", "roles.dual_role_share"] });
  return {
    s,
    truth: simulation.truth,
    switchRate: values["roles.switch_rate"]!.value!,
    dual: values["roles.dual_role_share"]!.value!,
  };
});

describe("role indicators recover planted role switching (300 members, 20 gatherings/month, 1 year)", () => {
  it("switch_rate and dual_role_share increase with s ∈ {0, 0.2, 0.4, 0.6}", () => {
    for (let k = 1; k < runs.length; k++) {
      expect(runs[k]!.switchRate).toBeGreaterThan(runs[k - 1]!.switchRate + 0.05);
      expect(runs[k]!.dual).toBeGreaterThan(runs[k - 1]!.dual + 0.05);
    }
  });

  it("s = 0: nobody switches, nobody holds two directions", () => {
    expect(runs[0]!.switchRate).toBe(0);
    expect(runs[0]!.dual).toBe(0);
  });

  it.each(levels)(`s = %s: switch_rate within ${SWITCH_TOLERANCE} of 2s − 1.5s²`, (s) => {
    const { switchRate, truth } = runs.find((r) => r.s === s)!;
    expect(truth.expected.switchRate).toBe(expectedSwitchRate(s));
    expect(Math.abs(switchRate - expectedSwitchRate(s))).toBeLessThanOrEqual(SWITCH_TOLERANCE);
  });

  it.each(levels)(`s = %s: dual_role_share within ${DUAL_TOLERANCE} of the expected share`, (s) => {
    const { dual, truth } = runs.find((r) => r.s === s)!;
    expect(Math.abs(dual - truth.expected.dualRoleShare!)).toBeLessThanOrEqual(DUAL_TOLERANCE);
  });
});
