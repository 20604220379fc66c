import { describe, expect, it } from "vitest";
import { roundInEffectAt } from "./round-in-effect.js";
import type { SurveyRound } from "./survey-round.js";

const round = (roundId: string, opensAt: string, closesAt: string, closedAt: string | null = null): SurveyRound => ({
  roundId,
  communityId: "town",
  title: roundId,
  opensAt,
  closesAt,
  roster: ["ana"],
  questions: ["ng.advice.v1"],
  catalogueVersion: 1,
  openedAt: opensAt,
  closedAt,
  answers: new Map(),
  withdrawn: new Set(),
});
const at = (iso: string) => Date.parse(iso);

describe("the round in effect at a date", () => {
  const spring = round("spring", "2026-03-01T00:00:00Z", "2026-03-31T00:00:00Z");
  const autumn = round("autumn", "2026-09-01T00:00:00Z", "2026-09-30T00:00:00Z", "2026-09-20T12:00:00Z");

  it("is none before any round ended, even while one takes answers", () => {
    expect(roundInEffectAt([spring, autumn], at("2026-02-01T00:00:00Z"))).toBeUndefined();
    expect(roundInEffectAt([spring, autumn], at("2026-03-30T23:59:59.999Z"))).toBeUndefined();
  });

  it("is a round from its close date on, until the next round ends", () => {
    expect(roundInEffectAt([spring, autumn], at("2026-03-31T00:00:00Z"))?.roundId).toBe("spring");
    expect(roundInEffectAt([autumn, spring], at("2026-09-10T00:00:00Z"))?.roundId).toBe("spring");
  });

  it("takes an early closing as the round's end", () => {
    expect(roundInEffectAt([spring, autumn], at("2026-09-20T12:00:00Z"))?.roundId).toBe("autumn");
    expect(roundInEffectAt([spring, autumn], at("2026-09-20T11:59:59Z"))?.roundId).toBe("spring");
  });

  it("prefers the round opened later when two end together", () => {
    const late = round("late", "2026-03-15T00:00:00Z", "2026-03-31T00:00:00Z");
    expect(roundInEffectAt([late, spring], at("2026-04-01T00:00:00Z"))?.roundId).toBe("late");
    expect(roundInEffectAt([spring, late], at("2026-04-01T00:00:00Z"))?.roundId).toBe("late");
  });
});
