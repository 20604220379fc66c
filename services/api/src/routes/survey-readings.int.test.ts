// A round's readings over the API (its chain: survey-chain.int.test.ts), on a small round worked by hand: five members, four
// answer, one answers and withdraws; recorded ties in the 12 months before the round opened. Each
// figure is checked against the hand computation (and against @copgraph/analytics on the same
// plain input), then what each role sees: names, pseudonyms, aggregates with small groups withheld.
import { reportedReciprocity, type SurveyResponses, trustValueReadings } from "@copgraph/analytics";
import { SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  answers,
  buildReadingsApp,
  C,
  memberIds,
  members,
  type ReadingsApp,
  seedRound,
} from "../testing/survey-readings-app.js";

const OTHER = "other (suppressed)";
const names = members.map((member) => member.displayName);

/** The same answers as plain input to the analytics (eva withdrew): the cross-check. */
const plainResponses: SurveyResponses = {
  roster: memberIds,
  respondents: ["ana", "ben", "cem", "dan"],
  ties: [
    { from: "ana", to: "ben", question: "ng.advice.v1", layer: "reported-advice" },
    { from: "ana", to: "cem", question: "ng.advice.v1", layer: "reported-advice" },
    { from: "ben", to: "ana", question: "ng.advice.v1", layer: "reported-advice" },
    { from: "ben", to: "dan", question: "ng.knowledge.v1", layer: "reported-knowledge" },
    { from: "ben", to: "eva", question: "ng.knowledge.v1", layer: "reported-knowledge" },
    { from: "cem", to: "ana", question: "ng.advice.v1", layer: "reported-advice" },
    { from: "cem", to: "ben", question: "ng.advice.v1", layer: "reported-advice" },
    { from: "dan", to: "cem", question: "ng.collaboration.v1", layer: "reported-collaboration" },
  ],
  ratings: [
    { from: "ana", ...answers.ana.ratings[0]!, to: "ben" },
    { from: "ana", ...answers.ana.ratings[1]!, to: "cem" },
    { from: "ben", ...answers.ben.ratings[0]!, to: "ana" },
    { from: "ben", ...answers.ben.ratings[1]!, to: "dan" },
    { from: "cem", ...answers.cem.ratings[0]!, to: "ana" },
  ].map(({ memberId: _id, ...rating }) => rating),
};

const given = (
  trustGiven: number | null,
  trustRatingsGiven: number,
  valueGiven: number | null,
  valueRatingsGiven: number,
) => ({
  trustGiven,
  trustRatingsGiven,
  valueGiven,
  valueRatingsGiven,
});
const received = (
  trustReceived: number | null,
  trustRatingsReceived: number,
  valueReceived: number | null,
  valueRatingsReceived: number,
) => ({ trustReceived, trustRatingsReceived, valueReceived, valueRatingsReceived });

/** Worked by hand from the ratings above (trust scores 4, 3, 3, 1, 3.5; value scores 2, 4, 3). */
const byHand = {
  network: {
    trustScore: 14.5 / 5,
    valueScore: 3,
    trustShareOfMaximum: 14.5 / 20,
    valueShareOfMaximum: 0.75,
    trustRatings: 5,
    valueRatings: 3,
    dimensions: {
      reliable: 3,
      commonConcern: 3.25,
      openToDiscussion: 10 / 3,
      influence: 3,
      involvement: 2.5,
      resources: 2.5,
    },
  },
  byMember: {
    ana: { ...given(3.5, 2, 2, 1), ...received(3.25, 2, 3.5, 2) },
    ben: { ...given(2, 2, 4, 1), ...received(4, 1, 2, 1) },
    cem: { ...given(3.5, 1, 3, 1), ...received(3, 1, null, 0) },
    dan: { ...given(null, 0, null, 0), ...received(1, 1, null, 0) },
    eva: { ...given(null, 0, null, 0), ...received(null, 0, null, 0) },
  },
  professional: { ...given(2.75, 4, 3, 2), ...received(3.5, 3, 3, 3) },
  byGroup: {
    sector: {
      education: { ...given(2.75, 4, 3, 2), ...received(3.5, 3, 3, 3) },
      business: { ...given(3.5, 1, 3, 1), ...received(2, 2, null, 0) },
    },
    occupationalLayer: {
      professional: { ...given(2.75, 4, 3, 2), ...received(3.5, 3, 3, 3) },
      director: { ...given(3.5, 1, 3, 1), ...received(3, 1, null, 0) },
      student: { ...given(null, 0, null, 0), ...received(1, 1, null, 0) },
    },
  },
  // Within sector: ana→ben (4), ben→ana (3); across: ana→cem (3), ben→dan (1), cem→ana (3.5).
  acrossWithin: {
    attribute: "sector",
    trustWithin: 3.5,
    trustAcross: 2.5,
    valueWithin: 3,
    valueAcross: 3,
    internalTrustTies: 2,
    externalTrustTies: 2,
    ei: 0,
  },
  // Pairs of respondents: 6; ana–ben and ana–cem rate each other 3 or more.
  mutualTrust: { dyads: 6, mutualDyads: 2, oneWayDyads: 0, value: 1, shareOfDyads: 1 / 3 },
  reciprocity: [
    {
      layer: "reported-advice",
      question: "ng.advice.v1",
      over: "dyads in which both answered",
      value: 2 / 3,
      edge: 4 / 5,
      mutualDyads: 2,
      asymmetricDyads: 1,
      dyadsUsed: 6,
      arcsLeftOut: 0,
    },
    {
      layer: "reported-knowledge",
      question: "ng.knowledge.v1",
      over: "dyads in which both answered",
      value: 0,
      edge: 0,
      mutualDyads: 0,
      asymmetricDyads: 1,
      dyadsUsed: 6,
      // ben → eva: eva withdrew.
      arcsLeftOut: 1,
    },
    {
      layer: "reported-collaboration",
      question: "ng.collaboration.v1",
      over: "dyads in which both answered",
      value: 0,
      edge: 0,
      mutualDyads: 0,
      asymmetricDyads: 1,
      dyadsUsed: 6,
      arcsLeftOut: 0,
    },
  ],
};

/** Numbers compared to 1e-12; everything else as it is. */
function expectClose(actual: unknown, expected: unknown, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThan(1e-12);
    return;
  }
  if (expected !== null && typeof expected === "object") {
    expect(actual, path).toBeTypeOf("object");
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe("survey readings over the API", () => {
  let t: ReadingsApp;
  let tokens: Record<string, string>;
  const asRespondent = (token: string) => ({ [SURVEY_TOKEN_HEADER]: token });
  const get = (url: string, who: keyof ReadingsApp["headers"] = "facilitator") =>
    t.app.inject({ url, headers: t.headers[who] });
  const readings = (query = "", who: keyof ReadingsApp["headers"] = "facilitator") =>
    get(`/v1/communities/${C}/surveys/spring/readings${query}`, who);
  const chain = (query = "", who: keyof ReadingsApp["headers"] = "facilitator") =>
    get(`/v1/communities/${C}/surveys/spring/chain${query}`, who);

  beforeAll(async () => {
    t = await buildReadingsApp();
    tokens = await seedRound(t);
  });
  afterAll(async () => t?.close());

  it("a respondent's link token reaches no reading: it is not a key", async () => {
    for (const url of ["readings", "chain"]) {
      const response = await t.app.inject({
        url: `/v1/communities/${C}/surveys/spring/${url}`,
        headers: asRespondent(tokens.ana!),
      });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it("reads trust, value and reported reciprocity as worked by hand, stating the response rate, window and known-at", async () => {
    const response = await readings();
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      communityId: C,
      roundId: "spring",
      status: "open",
      window: { from: "2026-06-01T00:00:00Z", to: "2026-06-30T00:00:00Z" },
      knownAt: "2026-06-10T12:00:00.000Z",
      responseRate: { rostered: 5, respondents: 4, value: 0.8 },
      audience: "names",
    });
    const { byMember, byGroup, ...network } = body.trustValue;
    expectClose(network, {
      network: byHand.network,
      acrossWithin: byHand.acrossWithin,
      mutualTrust: byHand.mutualTrust,
    });
    expectClose(byGroup, byHand.byGroup);
    expect(Object.keys(byMember)).toEqual(memberIds);
    for (const member of members) {
      expectClose(byMember[member.memberId], {
        ...byHand.byMember[member.memberId as keyof typeof byHand.byMember],
        displayName: member.displayName,
      });
    }
    expect(body.reciprocity).toHaveLength(3);
    expectClose(body.reciprocity, byHand.reciprocity);
    for (const layer of body.reciprocity)
      expect(layer).toMatchObject({ respondents: 4, rostered: 5, responseRate: 0.8 });
  });

  it("gives what @copgraph/analytics gives for the same answers as plain input", async () => {
    const body = (await readings()).json();
    const expected = trustValueReadings(plainResponses, new Map(members.map((m) => [m.memberId, m])), {
      attribute: "sector",
      groupAttributes: ["sector", "occupationalLayer"],
    });
    const { byMember, rostered: _r, respondents: _s, responseRate: _v, ...network } = expected;
    const { byMember: served, ...servedNetwork } = body.trustValue;
    expect(servedNetwork).toEqual(network);
    for (const [memberId, reading] of Object.entries(byMember)) expect(served[memberId]).toMatchObject(reading);
    for (const [index, layer] of ["reported-advice", "reported-knowledge", "reported-collaboration"].entries()) {
      expect(body.reciprocity[index]).toEqual({
        ...reportedReciprocity(plainResponses, { layer }),
        question: body.reciprocity[index].question,
      });
    }
  });

  it("reads the round as known at an earlier date: before the withdrawal the withdrawn answer counts, without its ratings", async () => {
    const body = (await readings("?knownAt=2026-06-03T00:00:00Z")).json();
    expect(body.knownAt).toBe("2026-06-03T00:00:00.000Z");
    expect(body.responseRate).toEqual({ rostered: 5, respondents: 5, value: 1 });
    // eva rated ana's trust 4, but the withdrawal deleted her ratings from the vault (privacy wins
    // over replay, docs/surveys.md): (3 + 3.5) / 2, not (3 + 3.5 + 4) / 3.
    expectClose(body.trustValue.byMember.ana.trustReceived, 3.25);
    // ben → eva is between respondents now.
    expect(body.reciprocity[1]).toMatchObject({ arcsLeftOut: 0, asymmetricDyads: 2, dyadsUsed: 10 });
    const before = await readings("?knownAt=2026-05-01T00:00:00Z");
    expect(before.statusCode).toBe(404);
    expect(before.json()).toMatchObject({ code: "round_not_found" });
  });

  it("groups across versus within by the attribute asked", async () => {
    const body = (await readings("?attribute=occupationalLayer")).json();
    // Within: ana↔ben (4, 3); across: ana→cem 3, ben→dan 1, cem→ana 3.5.
    expectClose(body.trustValue.acrossWithin, { ...byHand.acrossWithin, attribute: "occupationalLayer" });
    // An attribute no member has: a group breakdown with no group, nothing within or across.
    const region = (await readings("?attribute=region")).json().trustValue;
    expect(Object.keys(region.byGroup)).toEqual(["sector", "occupationalLayer", "region"]);
    expect(region.byGroup.region).toEqual({});
    expect(region.acrossWithin).toMatchObject({ attribute: "region", trustWithin: null, trustAcross: null, ei: null });
    const bad = await readings("?attribute=organisation");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ pointer: "/attribute" });
  });

  it("a researcher sees pseudonyms and no names; the member readings are the same numbers", async () => {
    const response = await readings("", "researcher");
    expect(response.statusCode, response.body).toBe(200);
    const text = response.body;
    for (const secret of [...names, ...memberIds]) expect(text).not.toContain(secret);
    const body = response.json();
    expect(body.audience).toBe("pseudonyms");
    const pseudonyms = Object.keys(body.trustValue.byMember);
    expect(pseudonyms).toHaveLength(5);
    for (const pseudonym of pseudonyms) expect(pseudonym).toMatch(/^p_[0-9a-f]{16}$/);
    // The pseudonyms are those of the researcher's graph.
    const graph = (await get(`/v1/communities/${C}/graph`, "researcher")).json();
    expect(graph.nodes.map((node: { id: string }) => node.id)).toEqual(expect.arrayContaining(pseudonyms));
    const named = (await readings()).json();
    const numbers = (byMember: Record<string, object>) =>
      Object.values(byMember)
        .map(({ displayName: _name, ...reading }: { displayName?: string }) => JSON.stringify(reading))
        .sort();
    expect(numbers(body.trustValue.byMember)).toEqual(numbers(named.trustValue.byMember));
    expect(body.trustValue.byGroup).toEqual(named.trustValue.byGroup);
    const chained = await chain("?permutations=10", "researcher");
    expect(chained.statusCode).toBe(200);
    for (const secret of [...names, ...memberIds]) expect(chained.body).not.toContain(secret);
  });

  it("an agency sees network and group figures only, groups under the minimum size withheld", async () => {
    const response = await readings("", "agency");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    for (const secret of [...names, ...memberIds]) expect(response.body).not.toContain(secret);
    expect(body).toMatchObject({ audience: "aggregates", responseRate: { rostered: 5, respondents: 4, value: 0.8 } });
    expect(body.trustValue.byMember).toBeUndefined();
    expectClose(body.trustValue.network, byHand.network);
    expectClose(body.trustValue.mutualTrust, byHand.mutualTrust);
    // Respondents by sector: education 2 (ana, ben), business 2 (cem, dan): both shown.
    expectClose(body.trustValue.byGroup.sector, byHand.byGroup.sector);
    // By occupational layer: professional 2 shown; director 1 and student 1 merged, unnamed.
    expect(Object.keys(body.trustValue.byGroup.occupationalLayer).sort()).toEqual([OTHER, "professional"]);
    expectClose(body.trustValue.byGroup.occupationalLayer.professional, byHand.professional);
    expect(body.trustValue.byGroup.occupationalLayer[OTHER]).toBeNull();
    expect(body.trustValue.suppressedGroups).toEqual({ occupationalLayer: [OTHER] });
    expect(body.reciprocity).toHaveLength(3);
    // Known at a time when one member had answered: fewer than the minimum, every value withheld.
    const early = (await readings("?knownAt=2026-06-02T09:30:00Z", "agency")).json();
    expect(early).toMatchObject({
      suppressed: true,
      responseRate: { rostered: null, respondents: null, value: null },
      trustValue: null,
      reciprocity: null,
    });
    const earlyChain = (await chain("?knownAt=2026-06-02T09:30:00Z", "agency")).json();
    expect(earlyChain).toMatchObject({ suppressed: true, chain: null });
    const chained = (await chain("?permutations=10", "agency")).json();
    expect(chained.chain.members).toBe(4);
    // The facilitator still sees it all at that date.
    const facilitator = (await readings("?knownAt=2026-06-02T09:30:00Z")).json();
    expect(facilitator.responseRate).toEqual({ rostered: 5, respondents: 1, value: 0.2 });
  });

  it("records a member-level read in the audit log, an agency's aggregates not", async () => {
    const entries = async () =>
      (await get("/v1/audit?limit=100", "admin")).json().entries as { route: string; action: string; role: string }[];
    const route = "/v1/communities/:id/surveys/:roundId/readings";
    const before = (await entries()).filter((entry) => entry.route === route).length;
    await readings("", "researcher");
    await readings("", "agency");
    await chain("?permutations=0");
    const after = (await entries()).filter((entry) => entry.route === route);
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ action: "read", role: "researcher" });
  });

  // Last: it closes the round.
  it("states the round's status and window as known at known-at", async () => {
    t.setNow("2026-06-12T08:00:00.000Z");
    const closed = await t.app.inject({
      method: "POST",
      url: `/v1/communities/${C}/surveys/spring/close`,
      headers: t.headers.facilitator,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const now = (await readings()).json();
    expect(now).toMatchObject({
      status: "closed",
      window: { from: "2026-06-01T00:00:00Z", to: "2026-06-12T08:00:00.000Z" },
      responseRate: { respondents: 4 },
    });
    const before = (await readings("?knownAt=2026-06-10T12:00:00Z")).json();
    expect(before).toMatchObject({ status: "open", window: { to: "2026-06-30T00:00:00Z" } });
    expect(before.trustValue).toEqual(now.trustValue);
  });

  it("refuses callers of other communities and unknown rounds", async () => {
    expect((await readings("", "otherFacilitator")).statusCode).toBe(403);
    expect((await chain("", "otherFacilitator")).statusCode).toBe(403);
    const unknown = await get(`/v1/communities/${C}/surveys/autumn/readings`);
    expect(unknown.statusCode).toBe(404);
    expect((await get(`/v1/communities/${C}/surveys/autumn/chain`)).statusCode).toBe(404);
    expect((await get(`/v1/communities/nowhere/surveys/spring/readings`, "admin")).statusCode).toBe(404);
  });
});
