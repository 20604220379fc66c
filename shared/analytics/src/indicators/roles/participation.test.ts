import { describe, expect, it } from "vitest";
import { defaultIndicatorOptions } from "../indicator.js";
import { day, SnapshotBuilder } from "../reciprocity/testing/snapshot-builder.js";
import { computeDualRoleShare } from "./dual-role.js";
import { perEligibleMember, roleEntropy, roleEntropyIndicator } from "./entropy.js";
import type { RolesOptions } from "./options.js";
import { roleRichness, roleRichnessIndicator } from "./richness.js";

const withMin = (minParticipations: number): RolesOptions => ({ ...defaultIndicatorOptions, minParticipations });

// a: facilitator, learner, facilitator, participant; b: participant ×3; c: host, mentee; x: observer.
const gatherings = () =>
  new SnapshotBuilder()
    .member("d")
    .gathering(day(0), { a: "facilitator", b: "participant", c: "host" })
    .gathering(day(1), { a: "learner", b: "participant", c: "mentee" })
    .gathering(day(2), { a: "facilitator", b: "participant" })
    .gathering(day(3), { a: "participant", x: "observer" });

const hA = (0.75 * Math.LN2) / Math.log(3); // −(½ ln ½ + 2·¼ ln ¼) / ln 9

describe("roles.entropy", () => {
  it("normalised by ln 9 (the role catalogue), only for members with ≥ 3 participations", () => {
    const result = roleEntropyIndicator.compute(gatherings().build({ at: day(10) }), defaultIndicatorOptions);
    expect(result.byMember).toEqual({ a: expect.closeTo(hA, 12), b: 0, c: null, d: null, x: null });
    expect(result.value).toBeCloseTo(hA / 2, 12);
    expect(result.details).toEqual({ minParticipations: 3, eligible: 2 });
  });

  it("minParticipations = 2 admits c: two roles once each give ln 2 / ln 9", () => {
    const result = roleEntropyIndicator.compute(gatherings().build({ at: day(10) }), withMin(2));
    expect(result.byMember?.c).toBeCloseTo(Math.LN2 / Math.log(9), 12);
    expect(result.value).toBeCloseTo((hA + 0 + Math.LN2 / Math.log(9)) / 3, 12);
  });

  it("a member in every role once has entropy 1", () => {
    const roles = [
      "facilitator",
      "presenter",
      "host",
      "mentor",
      "participant",
      "co-creator",
      "learner",
      "mentee",
      "observer",
    ] as const;
    const list = roles.map((role, i) => ({
      memberId: "a",
      at: i,
      role,
      roleClass: "peer" as const,
      gatheringId: `g${i}`,
    }));
    expect(roleEntropy(list)).toBeCloseTo(1, 12);
    expect(roleRichness(list)).toBe(9);
  });

  it("empty window: every member null, value null", () => {
    const result = roleEntropyIndicator.compute(
      gatherings().build({ from: day(5), at: day(10) }),
      defaultIndicatorOptions,
    );
    expect(result.value).toBeNull();
    expect(Object.values(result.byMember ?? {}).every((v) => v === null)).toBe(true);
  });

  it("refuses a minParticipations that is not a positive integer", () => {
    const s = gatherings().build({ at: day(10) });
    expect(() => perEligibleMember(s, withMin(0), roleEntropy)).toThrow(RangeError);
    expect(() => perEligibleMember(s, withMin(2.5), roleEntropy)).toThrow(RangeError);
  });
});

describe("roles.richness", () => {
  it("distinct roles per eligible member; value the mean", () => {
    const result = roleRichnessIndicator.compute(gatherings().build({ at: day(10) }), defaultIndicatorOptions);
    expect(result.byMember).toEqual({ a: 3, b: 1, c: null, d: null, x: null });
    expect(result.value).toBe(2);
  });

  it("a window that cuts the history: a has 2 participations after day 1, so nobody is eligible", () => {
    const result = roleRichnessIndicator.compute(
      gatherings().build({ from: day(2), at: day(10) }),
      defaultIndicatorOptions,
    );
    expect(result.value).toBeNull();
  });
});

describe("roles.dual_role_share", () => {
  // a facilitates b; b later advises a (both dual); c is a peer; d collaborates (mutual: neither);
  // e mentors f (one role each).
  const history = () =>
    new SnapshotBuilder()
      .member("idle")
      .gathering(day(0), { a: "facilitator", b: "learner", c: "participant" })
      .interaction("b", "a", day(1), "advice")
      .interaction("c", "d", day(2), "collaboration")
      .interaction("e", "f", day(3), "mentoring");

  it("members both giver and receiver, over active members (idle is not active)", () => {
    const result = computeDualRoleShare(history().build({ at: day(10) }));
    expect(result.value).toBeCloseTo(2 / 6, 12);
    expect(result.byMember).toEqual({ a: 1, b: 1, c: 0, d: 0, e: 0, f: 0 });
    expect(result.details).toEqual({ active: 6, givers: 3, receivers: 3, dual: 2 });
  });

  it("the window matters: from day 1, a only receives and b only gives", () => {
    const result = computeDualRoleShare(history().build({ from: day(1), at: day(10) }));
    expect(result.value).toBe(0);
    expect(result.details).toEqual({ active: 6, givers: 2, receivers: 2, dual: 0 });
  });

  it("two roles at the same instant count: a gives in one gathering and receives in another, same day", () => {
    const s = new SnapshotBuilder()
      .gathering(day(0), { a: "presenter", b: "observer" })
      .gathering(day(0), { c: "mentor", a: "mentee" })
      .build({ at: day(1) });
    expect(computeDualRoleShare(s).byMember).toEqual({ a: 1, b: 0, c: 0 });
  });

  it("empty window: null", () => {
    const result = computeDualRoleShare(history().build({ from: day(5), at: day(10) }));
    expect(result.value).toBeNull();
    expect(result.byMember).toEqual({});
  });
});
