import { describe, expect, it } from "vitest";
import { SurveyInputError, type SurveyResponses } from "./responses.js";
import { exampleGroups, exampleRound } from "./testing-example.js";
import { trustValueReadings } from "./trust-value.js";

// Scores by hand (mean of the three dimensions): trust a→b 4, b→a 3, a→c 2, c→a 3, c→d 3, d→c 1,
// d→e 4; value a→b 3, b→a 2, c→d 2, d→e 4, b→e 1.
describe("trust and value readings on the hand-worked round", () => {
  const readings = trustValueReadings(exampleRound, exampleGroups);

  it("state the response rate and the network's coalition-style scores", () => {
    expect(readings.rostered).toBe(5);
    expect(readings.respondents).toBe(4);
    expect(readings.responseRate).toBe(0.8);
    expect(readings.network.trustScore).toBeCloseTo(20 / 7, 12);
    expect(readings.network.trustShareOfMaximum).toBeCloseTo(20 / 28, 12);
    expect(readings.network.valueScore).toBeCloseTo(2.4, 12);
    expect(readings.network.trustRatings).toBe(7);
    expect(readings.network.valueRatings).toBe(5);
    const d = readings.network.dimensions;
    expect(d.reliable).toBeCloseTo(22 / 7, 12);
    expect(d.commonConcern).toBeCloseTo(3, 12);
    expect(d.openToDiscussion).toBeCloseTo(17 / 7, 12);
    expect(d.influence).toBeCloseTo(11 / 5, 12);
    expect(d.involvement).toBeCloseTo(12 / 5, 12);
    expect(d.resources).toBeCloseTo(13 / 5, 12);
  });

  it("give each rostered member's means given and received (trust received: the member's trust score)", () => {
    const m = readings.byMember;
    expect(Object.keys(m)).toEqual(["a", "b", "c", "d", "e"]);
    expect(m.a).toMatchObject({ trustGiven: 3, trustReceived: 3, valueGiven: 3, valueReceived: 2 });
    expect(m.b).toMatchObject({ trustGiven: 3, trustReceived: 4, valueGiven: 1.5, valueReceived: 3 });
    expect(m.c).toMatchObject({ trustGiven: 3, trustReceived: 1.5, valueGiven: 2, valueReceived: null });
    expect(m.d).toMatchObject({ trustGiven: 2.5, trustReceived: 3, valueGiven: 4, valueReceived: 2 });
    // e did not answer: nothing given, still rated by others.
    expect(m.e).toEqual({
      trustGiven: null,
      trustReceived: 4,
      valueGiven: null,
      valueReceived: 2.5,
      trustRatingsGiven: 0,
      trustRatingsReceived: 1,
      valueRatingsGiven: 0,
      valueRatingsReceived: 2,
    });
  });

  it("pool ratings by group, for sector and layer", () => {
    expect(readings.byGroup.sector!.education).toMatchObject({
      trustGiven: 3,
      trustReceived: 3.5,
      valueGiven: 2,
      valueReceived: 2.5,
    });
    expect(readings.byGroup.sector!.business).toMatchObject({
      trustGiven: 2.75,
      trustReceived: 2,
      valueGiven: 3,
      valueReceived: 2,
    });
    // Layers: management is d alone: gave d→c 1, d→e 4; received c→d 3.
    expect(readings.byGroup.occupationalLayer!.management).toMatchObject({ trustGiven: 2.5, trustReceived: 3 });
  });

  it("compare trust across and within sectors, with the E-I index of trust ties", () => {
    expect(readings.acrossWithin).toEqual({
      attribute: "sector",
      trustWithin: 2.75,
      trustAcross: 3,
      valueWithin: 2,
      valueAcross: 4,
      internalTrustTies: 3,
      externalTrustTies: 2,
      ei: -0.2,
    });
  });

  it("count mutual trust over pairs of respondents only (d→e leaves out e, who did not answer)", () => {
    expect(readings.mutualTrust).toEqual({
      dyads: 6,
      mutualDyads: 1,
      oneWayDyads: 2,
      value: 1 / 3,
      shareOfDyads: 1 / 6,
    });
  });
});

describe("trust and value readings with dimensions left out", () => {
  it("score a rating by the dimensions given, and a dimension over the ratings that give it", () => {
    const round: SurveyResponses = {
      roster: ["a", "b", "c"],
      respondents: ["a", "b"],
      ties: [],
      ratings: [
        // a → b: trust (4, −, 2) scores 3, a trust tie; value with no dimension is no value rating.
        { from: "a", to: "b", trust: { reliable: 4, openToDiscussion: 2 }, value: {} },
        // b → a: trust (3, 3, 3); a → c: only commonConcern 1.
        { from: "b", to: "a", trust: { reliable: 3, commonConcern: 3, openToDiscussion: 3 } },
        { from: "a", to: "c", trust: { commonConcern: 1 } },
      ],
    };
    const readings = trustValueReadings(round, new Map());
    expect(readings.network.trustRatings).toBe(3);
    expect(readings.network.trustScore).toBeCloseTo(7 / 3, 12);
    expect(readings.network.valueRatings).toBe(0);
    expect(readings.network.dimensions).toEqual({
      reliable: 3.5,
      commonConcern: 2,
      openToDiscussion: 2.5,
      influence: null,
      involvement: null,
      resources: null,
    });
    expect(readings.mutualTrust).toMatchObject({ mutualDyads: 1, value: 1 });
    expect(readings.byMember.a).toMatchObject({ trustGiven: 2, trustReceived: 3 });
  });
});

describe("trust and value readings on bad or empty input", () => {
  it("are null, not zero, without ratings", () => {
    const empty = trustValueReadings({ roster: [], respondents: [], ties: [], ratings: [] }, new Map());
    expect(empty.responseRate).toBeNull();
    expect(empty.network.trustScore).toBeNull();
    expect(empty.acrossWithin.ei).toBeNull();
    expect(empty.mutualTrust.value).toBeNull();
    expect(empty.mutualTrust.shareOfDyads).toBeNull();
    expect(empty.mutualTrust.dyads).toBe(0);
  });

  it("name what is wrong", () => {
    const base: SurveyResponses = { roster: ["a", "b"], respondents: ["a"], ties: [], ratings: [] };
    const bad = (change: Partial<SurveyResponses>) => () => trustValueReadings({ ...base, ...change }, new Map());
    expect(bad({ respondents: ["z"] })).toThrow(new SurveyInputError("respondent z is not on the roster"));
    expect(bad({ ratings: [{ from: "b", to: "a" }] })).toThrow("rating b → a: b is not a respondent");
    expect(bad({ ratings: [{ from: "a", to: "a" }] })).toThrow("a member cannot name themselves");
    expect(
      bad({ ratings: [{ from: "a", to: "b", trust: { reliable: 5, commonConcern: 1, openToDiscussion: 1 } }] }),
    ).toThrow("rating a → b: trust.reliable must be a whole number from 1 to 4, not 5");
    expect(
      bad({
        ratings: [
          { from: "a", to: "b" },
          { from: "a", to: "b" },
        ],
      }),
    ).toThrow("rating a → b is given twice");
    expect(bad({ ties: [{ from: "a", to: "q", question: "advice" }] })).toThrow("tie a → q: q is not on the roster");
  });
});
