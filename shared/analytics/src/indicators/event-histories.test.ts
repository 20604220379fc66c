// Role-switching and temporal indicators on small event histories, computed by hand, through the
// real projection: retractions known or not yet known, and facts at the same instant.
import { describe, expect, it } from "vitest";
import { day, gathering, interaction, joined, retracted, stored } from "../projection/fixtures.js";
import { fromEvents, projectSnapshot } from "../projection/index.js";
import { defaultIndicatorOptions } from "./indicator.js";
import { computeIndicators } from "./registry.js";

const options = { ...defaultIndicatorOptions, permutations: 20 };

describe("roles over gatherings, with a retraction", () => {
  // a student, b professional, c director. g3 is retracted on day 4.
  const history = fromEvents(
    stored(
      joined("a", 0, { occupationalLayer: "student" }),
      joined("b", 0, { occupationalLayer: "professional" }),
      joined("c", 0, { occupationalLayer: "director" }),
      gathering("g1", 1, [
        ["a", "facilitator"],
        ["c", "learner"],
        ["b", "participant"],
      ]),
      gathering("g2", 2, [
        ["c", "facilitator"],
        ["a", "learner"],
      ]),
      gathering("g3", 3, [
        ["b", "facilitator"],
        ["a", "learner"],
      ]),
      retracted("g3", 4),
    ),
  );
  const ids = [
    "roles.dual_role_share",
    "roles.switch_rate",
    "roles.hierarchy_inversion",
    "roles.reversal",
    "roles.entropy",
  ];
  const valuesAt = (knownAt: number) => {
    const values = computeIndicators(projectSnapshot(history, { at: day(10), knownAt }), options, ids);
    return Object.fromEntries(ids.map((id) => [id, values[id]!.value]));
  };

  it("counts the gathering while its retraction is not yet known", () => {
    // a: giver, receiver, receiver (1 switch in 2); c: receiver, giver (1 in 1); b: peer, giver (1 in 1).
    // Arcs giver→receiver: a→c (student gives to director: inversion), c→a, b→a; a has 3 participations.
    const entropyOfA = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3)) / Math.log(9);
    const values = valuesAt(day(3.5));
    expect(values["roles.dual_role_share"]).toBeCloseTo(2 / 3, 12);
    expect(values["roles.switch_rate"]).toBeCloseTo(3 / 4, 12);
    expect(values["roles.hierarchy_inversion"]).toBeCloseTo(1 / 3, 12);
    expect(values["roles.reversal"]).toBeCloseTo(1 / 2, 12);
    expect(values["roles.entropy"]).toBeCloseTo(entropyOfA, 12);
  });

  it("drops it once the retraction is known", () => {
    const values = valuesAt(day(10));
    expect(values["roles.dual_role_share"]).toBeCloseTo(2 / 3, 12);
    expect(values["roles.switch_rate"]).toBe(1);
    expect(values["roles.hierarchy_inversion"]).toBe(1 / 2);
    expect(values["roles.reversal"]).toBe(1);
    // Nobody has the three participations entropy needs.
    expect(values["roles.entropy"]).toBeNull();
  });
});

describe("returns of help in time order", () => {
  // a→b and b→a on the same day do not return each other; b→a on day 5 returns a→b after 4 days.
  const events = (withRetraction: boolean) =>
    stored(
      joined("a", 0),
      joined("b", 0),
      interaction("i1", "a", ["b"], 1),
      interaction("i2", "b", ["a"], 1),
      interaction("i3", "b", ["a"], 5),
      ...(withRetraction ? [retracted("i3", 6)] : []),
    );
  const ids = ["reciprocity.returned_within", "reciprocity.time_to_return"];
  const values = (withRetraction: boolean) => {
    const snapshot = projectSnapshot(fromEvents(events(withRetraction)), { at: day(100), knownAt: day(100) });
    return computeIndicators(snapshot, options, ids);
  };

  it("counts a return only after the interaction, within 30 days", () => {
    const result = values(false);
    expect(result["reciprocity.returned_within"]!.value).toBeCloseTo(1 / 3, 12);
    expect(result["reciprocity.time_to_return"]!.value).toBe(4);
  });

  it("has nothing returned once the return is retracted", () => {
    const result = values(true);
    expect(result["reciprocity.returned_within"]!.value).toBe(0);
    expect(result["reciprocity.time_to_return"]!.value).toBeNull();
  });

  it("is null for an empty window", () => {
    const snapshot = projectSnapshot(fromEvents(events(false)), { at: day(100), knownAt: day(100), from: day(90) });
    const result = computeIndicators(snapshot, options, [...ids, "roles.switch_rate", "activity.burstiness"]);
    for (const id of Object.keys(result)) expect(result[id]!.value, id).toBeNull();
  });
});

describe("activity in time order", () => {
  it("reads burstiness from the gaps between events, same-instant events giving a gap of 0", () => {
    // Events on days 1, 1, 5 and 6: gaps 0, 4, 1 days; μ = 5/3, σ = sqrt(((5/3)² + (7/3)² + (2/3)²)/3).
    const snapshot = projectSnapshot(
      fromEvents(
        stored(
          joined("a", 0),
          joined("b", 0),
          interaction("i1", "a", ["b"], 1),
          interaction("i2", "b", ["a"], 1),
          interaction("i3", "a", ["b"], 5),
          interaction("i4", "b", ["a"], 6),
        ),
      ),
      { at: day(7), knownAt: day(7) },
    );
    const mean = 5 / 3;
    const sd = Math.sqrt(((5 / 3) ** 2 + (7 / 3) ** 2 + (2 / 3) ** 2) / 3);
    const value = computeIndicators(snapshot, options, ["activity.burstiness"])["activity.burstiness"]!.value;
    expect(value).toBeCloseTo((sd - mean) / (sd + mean), 12);
  });
});
