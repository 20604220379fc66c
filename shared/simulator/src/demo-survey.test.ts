import { CommunityHistory, roundChainTest } from "@copgraph/analytics";
import { decideSurvey, type SurveyRound, surveyResponsesOf, surveyRoundOf } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { type DemoStory, demoCommunities } from "./demo.js";
import { simulationToStored } from "./stored.js";
import { DAY_MS } from "./time.js";

const now = Date.UTC(2026, 2, 15, 10, 30);
const demos = demoCommunities(now);
const byStory = (story: DemoStory) => demos.find((d) => d.story === story)!;

/** The round after its events, each decided on the ones before it as the survey log would. */
function decided(story: DemoStory): SurveyRound {
  const events = byStory(story).survey!.events.map(({ event }) => event);
  events.forEach((event, index) => {
    const decision = decideSurvey(surveyRoundOf(events.slice(0, index)), event);
    expect(decision.ok ? "ok" : decision.detail, `event ${index}`).toBe("ok");
  });
  return surveyRoundOf(events)!;
}

describe("the demo survey round", () => {
  it("is a round of the diverse and the siloed community, none of the growing one", () => {
    expect(byStory("diverse").survey?.roundId).toBe("demo-survey");
    expect(byStory("siloed").survey?.roundId).toBe("demo-survey");
    expect(byStory("growing").survey).toBeUndefined();
  });

  it("passes the survey decider, closed a month ago, about four in five of its roster answering", () => {
    for (const story of ["diverse", "siloed"] as const) {
      const round = decided(story);
      expect(Date.parse(round.closesAt)).toBe(now - 32 * DAY_MS);
      const { respondents, roster } = surveyResponsesOf(round);
      expect(roster.length).toBeGreaterThanOrEqual(40);
      expect(respondents.length / roster.length).toBeGreaterThan(0.65);
      expect(respondents.length / roster.length).toBeLessThan(0.95);
      // Recorded as given: never after `now`, in order.
      const times = byStory(story).survey!.events.map(({ recordedAt }) => recordedAt);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThan(now);
    }
  });

  it("is deterministic for a given now", () => {
    expect(demoCommunities(now)[1]!.survey).toEqual(byStory("diverse").survey);
  });

  it("tells the chain where roles change hands: pairs who switched roles trust each other more", () => {
    const demo = byStory("diverse");
    const round = decided("diverse");
    const history = CommunityHistory.fromEvents(simulationToStored(demo.events));
    const chain = roundChainTest(history, surveyResponsesOf(round), {
      openedAt: Date.parse(round.opensAt),
      knownAt: now,
      seed: 7,
      permutations: 200,
    });
    const { r, p } = chain.correlations.reversalTrust;
    expect(r).toBeGreaterThan(0.1);
    expect(p).toBeLessThan(0.05);
  });
});
