import { type ParticipantRole, participantRoles } from "@copgraph/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activityIndicators } from "../activity/index.js";
import { defaultIndicatorOptions, type IndicatorOptions } from "../indicator.js";
import { reciprocityIndicators } from "../reciprocity/index.js";
import { day, SnapshotBuilder } from "../reciprocity/testing/snapshot-builder.js";
import { rolesIndicators } from "./index.js";

const options: IndicatorOptions = { ...defaultIndicatorOptions, permutations: 20 };
const members = ["a", "b", "c", "d", "e"];

// Gatherings on a coarse clock (days 0–3), so many share an instant.
const gathering = fc.record({
  at: fc.integer({ min: 0, max: 3 }),
  roles: fc.dictionary(fc.constantFrom(...members), fc.constantFrom(...participantRoles), { minKeys: 2, maxKeys: 5 }),
});
const interaction = fc.record({
  at: fc.integer({ min: 0, max: 3 }),
  from: fc.constantFrom(...members),
  to: fc.constantFrom(...members),
});

function build(
  gs: readonly { at: number; roles: Record<string, ParticipantRole> }[],
  is: { at: number; from: string; to: string }[],
) {
  const b = new SnapshotBuilder();
  for (const [i, m] of members.entries())
    b.member(m, {
      occupationalLayer: (["student", "professional", "management", "director", "other"] as const)[i]!,
      sector: i % 2 ? "business" : "education",
    });
  for (const g of gs) b.gathering(day(g.at), g.roles);
  for (const i of is) if (i.from !== i.to) b.interaction(i.from, i.to, day(i.at));
  return b.build({ at: day(40) });
}

describe("recording order never changes a value", () => {
  it("facts at the same instant, recorded in reverse order, give the same values", () => {
    fc.assert(
      fc.property(fc.array(gathering, { maxLength: 8 }), fc.array(interaction, { maxLength: 8 }), (gs, is) => {
        const forward = build(gs, is);
        const backward = build([...gs].reverse(), [...is].reverse());
        for (const indicator of [...rolesIndicators, ...activityIndicators, ...reciprocityIndicators]) {
          const a = indicator.compute(forward, options);
          const b = indicator.compute(backward, options);
          expect(b.value, indicator.id).toEqual(a.value);
          expect(b.byMember, indicator.id).toEqual(a.byMember);
        }
      }),
      { seed: 20240101, numRuns: 100 },
    );
  });
});

describe("every role value is null, never NaN, in [0, 1] or [−1, 1] as defined", () => {
  it("on random histories", () => {
    fc.assert(
      fc.property(fc.array(gathering, { maxLength: 8 }), fc.array(interaction, { maxLength: 8 }), (gs, is) => {
        const snapshot = build(gs, is);
        for (const indicator of rolesIndicators) {
          const result = indicator.compute(snapshot, options);
          const low = indicator.id === "roles.ei_flow" ? -1 : 0;
          const high = indicator.id === "roles.richness" ? 9 : 1;
          for (const v of [result.value, result.baseline ?? null, ...Object.values(result.byMember ?? {})]) {
            if (v === null) continue;
            expect(Number.isFinite(v), indicator.id).toBe(true);
            expect(v).toBeGreaterThanOrEqual(low);
            expect(v).toBeLessThanOrEqual(high);
          }
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe("an empty window", () => {
  it("gives null for every role, reciprocity and activity value, except the active-member counts (0)", () => {
    const snapshot = new SnapshotBuilder()
      .member("a", {}, day(0))
      .member("b", {}, day(0))
      .gathering(day(1), { a: "facilitator", b: "learner" })
      .interaction("b", "a", day(2))
      .build({ from: day(10), at: day(100) });
    for (const indicator of [...rolesIndicators, ...reciprocityIndicators, ...activityIndicators]) {
      const result = indicator.compute(snapshot, options);
      const counts = ["activity.active_members", "activity.by_period"];
      expect(result.value, indicator.id).toBe(counts.includes(indicator.id) ? 0 : null);
      for (const v of Object.values(result.byMember ?? {})) expect(v, indicator.id).toBeNull();
    }
  });

  it("roles ids", () => {
    expect(rolesIndicators.map((i) => i.id)).toEqual([
      "roles.entropy",
      "roles.richness",
      "roles.dual_role_share",
      "roles.switch_rate",
      "roles.reversal",
      "roles.hierarchy_inversion",
      "roles.ei_flow",
    ]);
  });
});
