import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicator.js";
import { day, SnapshotBuilder } from "../reciprocity/testing/snapshot-builder.js";
import type { RolesOptions } from "./options.js";
import { computeSwitchRate } from "./switch-rate.js";

describe("roles.switch_rate", () => {
  // a: giver d0, receiver d1, peer d2, giver d3 (3 switches in 3); b: peer ×3 (0 in 2);
  // c: giver, giver (0 in 1; too few participations for its own value).
  const history = () =>
    new SnapshotBuilder()
      .gathering(day(0), { a: "facilitator", b: "participant", c: "host" })
      .gathering(day(1), { a: "learner", b: "co-creator", c: "mentor" })
      .gathering(day(2), { a: "participant", b: "participant" })
      .gathering(day(3), { a: "presenter", z: "observer" });

  it("pooled switches / transitions, per-member rates and the 3×3 class matrix", () => {
    const result = computeSwitchRate(history().build({ at: day(10) }), defaultIndicatorOptions);
    expect(result.value).toBe(0.5);
    expect(result.byMember).toEqual({ a: 1, b: 0, c: null, z: null });
    expect(result.details).toMatchObject({
      classes: ["giver", "peer", "receiver"],
      // rows from, columns to: G→G 1 (c), G→R 1, R→P 1, P→G 1, P→P 2 (b)
      counts: [
        [1, 0, 1],
        [1, 2, 0],
        [0, 1, 0],
      ],
      probabilities: [
        [0.5, 0, 0.5],
        [1 / 3, 2 / 3, 0],
        [0, 1, 0],
      ],
      transitions: 6,
      switches: 3,
    });
  });

  it("same-instant participations: giver before peer before receiver, whatever the recording order", () => {
    // z: learner and facilitator on day 5 (two gatherings), facilitator on day 6.
    // Ordered G(d5) R(d5) G(d6): 2 switches in 2 transitions (recording order R, G, G would give 1).
    const recorded = (learnerFirst: boolean) => {
      const b = new SnapshotBuilder();
      if (learnerFirst)
        b.gathering(day(5), { z: "learner", y: "host" }).gathering(day(5), { z: "facilitator", w: "mentee" });
      else b.gathering(day(5), { z: "facilitator", w: "mentee" }).gathering(day(5), { z: "learner", y: "host" });
      return b.gathering(day(6), { z: "facilitator", v: "observer" }).build({ at: day(10) });
    };
    for (const learnerFirst of [true, false]) {
      const result = computeSwitchRate(recorded(learnerFirst), defaultIndicatorOptions);
      expect(result.byMember?.z).toBe(1);
      expect(result.details).toMatchObject({ transitions: 2, switches: 2 });
    }
  });

  it("same instant and same class: ordered by role, then gathering id; G, G, R is 1 switch in 2", () => {
    const s = new SnapshotBuilder()
      .gathering(day(0), { a: "mentor", b: "mentee" })
      .gathering(day(0), { a: "facilitator", c: "learner" })
      .gathering(day(1), { a: "learner", c: "host" })
      .build({ at: day(2) });
    expect(computeSwitchRate(s, defaultIndicatorOptions).byMember?.a).toBe(0.5);
  });

  it("minParticipations = 2 gives c its own rate (0)", () => {
    const options: RolesOptions = { ...defaultIndicatorOptions, minParticipations: 2 };
    const result = computeSwitchRate(history().build({ at: day(10) }), options);
    expect(result.byMember?.c).toBe(0);
    expect(result.value).toBe(0.5);
  });

  it("minParticipations = 1 still needs two participations for a member's own rate", () => {
    const options: RolesOptions = { ...defaultIndicatorOptions, minParticipations: 1 };
    const result = computeSwitchRate(history().build({ at: day(10) }), options);
    expect(result.byMember?.z).toBeNull();
  });

  it("empty window: value null, empty matrix, probabilities null", () => {
    const result = computeSwitchRate(history().build({ from: day(4), at: day(10) }), defaultIndicatorOptions);
    expect(result.value).toBeNull();
    expect(result.details).toMatchObject({
      counts: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      probabilities: [
        [null, null, null],
        [null, null, null],
        [null, null, null],
      ],
    });
  });
});
