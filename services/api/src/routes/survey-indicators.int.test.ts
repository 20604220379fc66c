// Structural indicators on a round's reported layers over the API, on a round worked by hand:
// five members of "grove" (ana, ben education; cem, dan business; eva higher-education), four
// answer, eva does not. Reported ties:
//   advice:    ana→ben, ana→cem, ben→ana, ben→eva, cem→dan, dan→cem, dan→eva
//   knowledge: ana→ben, cem→ana
// The facilitator opens the round, issues links, the members answer with their link token, the
// round is closed, then each role asks for the indicators.
import { SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReadingsApp, C, type ReadingsApp } from "../testing/survey-readings-app.js";

const OTHER = "other (suppressed)";

const members = [
  { memberId: "ana", displayName: "Ana Amsel", sector: "education", occupationalLayer: "professional" },
  { memberId: "ben", displayName: "Ben Brandt", sector: "education", occupationalLayer: "professional" },
  { memberId: "cem", displayName: "Cem Cakir", sector: "business", occupationalLayer: "director" },
  { memberId: "dan", displayName: "Dan Dorn", sector: "business", occupationalLayer: "student" },
  { memberId: "eva", displayName: "Eva Ernst", sector: "higher-education", occupationalLayer: "student" },
];

const nominations: Record<string, { question: string; named: string[] }[]> = {
  ana: [
    { question: "ng.advice.v1", named: ["ben", "cem"] },
    { question: "ng.knowledge.v1", named: ["ben"] },
  ],
  ben: [{ question: "ng.advice.v1", named: ["ana", "eva"] }],
  cem: [
    { question: "ng.advice.v1", named: ["dan"] },
    { question: "ng.knowledge.v1", named: ["ana"] },
  ],
  dan: [{ question: "ng.advice.v1", named: ["cem", "eva"] }],
};

const ok = <R extends { statusCode: number; body: string }>(what: string, response: R): R => {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response;
};

async function seed(t: ReadingsApp): Promise<void> {
  const post = async (url: string, payload?: object) =>
    ok(url, await t.app.inject({ method: "POST", url, headers: t.headers.facilitator, ...(payload && { payload }) }));
  ok(
    "register",
    await t.app.inject({
      method: "POST",
      url: "/v1/communities",
      headers: t.headers.admin,
      payload: { communityId: C, name: "Grove", concern: "healthy lifestyle", occurredAt: "2025-01-01T09:00:00Z" },
    }),
  );
  for (const member of members)
    await post(`/v1/communities/${C}/members`, { ...member, occurredAt: "2025-01-02T09:00:00Z" });
  await post(`/v1/communities/${C}/surveys`, {
    roundId: "spring",
    title: "Spring 2026",
    opensAt: "2026-06-01T00:00:00Z",
    closesAt: "2026-06-30T00:00:00Z",
  });
  const issued = await post(`/v1/communities/${C}/surveys/spring/links`);
  const tokens = Object.fromEntries(
    (issued.json().links as { memberId: string; link: string }[]).map(({ memberId, link }) => [
      memberId,
      link.split("#/survey/")[1]!,
    ]),
  );
  t.setNow("2026-06-02T10:00:00.000Z");
  for (const [memberId, named] of Object.entries(nominations)) {
    ok(
      `${memberId} answers`,
      await t.app.inject({
        method: "PUT",
        url: "/v1/survey/answer",
        headers: { [SURVEY_TOKEN_HEADER]: tokens[memberId]! },
        payload: { nominations: named, ratings: [], items: [] },
      }),
    );
  }
  t.setNow("2026-06-10T12:00:00.000Z");
  await post(`/v1/communities/${C}/surveys/spring/close`);
}

describe("structural indicators on a round's reported layers", () => {
  let t: ReadingsApp;
  beforeAll(async () => {
    t = await buildReadingsApp();
    await seed(t);
  });
  afterAll(() => t.close());

  const ask = (query: string, who: keyof ReadingsApp["headers"] = "facilitator") =>
    t.app.inject({ url: `/v1/communities/${C}/surveys/spring/indicators?${query}`, headers: t.headers[who] });

  it("computes the hand example on the advice layer, stating the response rate", async () => {
    const response = await ask(
      "layers=reported-advice&indicators=network.members,network.ties,network.density,reciprocity.dyadic,reciprocity.edge,silo.ei",
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      communityId: C,
      roundId: "spring",
      layers: ["reported-advice"],
      attribute: "sector",
      roster: 5,
      respondents: 4,
      responseRate: 0.8,
      reciprocityOver: "dyads in which both answered",
      audience: "names",
      // Attributes as of the close (the facilitator closed it on 06-10).
      at: "2026-06-10T12:00:00.000Z",
    });
    const { indicators } = body;
    expect(indicators["network.members"]).toMatchObject({ value: 5, over: "members asked" });
    expect(indicators["network.ties"].value).toBe(7);
    // 7 / (5 · 4)
    expect(indicators["network.density"].value).toBeCloseTo(0.35, 12);
    // Among the four who answered: mutual ana–ben, cem–dan, one-way ana→cem.
    expect(indicators["reciprocity.dyadic"]).toMatchObject({ over: "dyads in which both answered" });
    expect(indicators["reciprocity.dyadic"].value).toBeCloseTo(2 / 3, 12);
    expect(indicators["reciprocity.edge"].value).toBeCloseTo(4 / 5, 12);
    // External ana→cem, ben→eva, dan→eva; internal ana↔ben, cem↔dan: (3 − 4) / 7.
    expect(indicators["silo.ei"].value).toBeCloseTo(-1 / 7, 12);
  });

  it("reads every layer of the round by default, ties of several layers adding up", async () => {
    const body = (await ask("indicators=network.ties,reciprocity.dyadic,reciprocity.weighted")).json();
    expect(body.layers).toEqual(["reported-advice", "reported-knowledge", "reported-collaboration"]);
    // cem→ana (knowledge) returns ana→cem: every dyad among respondents with a tie is mutual.
    expect(body.indicators["network.ties"].value).toBe(8);
    expect(body.indicators["reciprocity.dyadic"].value).toBe(1);
  });

  it("refuses a time-based indicator, or a layer the round does not have, saying why", async () => {
    const burstiness = await ask("indicators=network.density,activity.burstiness");
    expect(burstiness.statusCode).toBe(400);
    expect(burstiness.json().detail).toMatch(/activity\.burstiness is time-based/);
    expect(burstiness.json().errors).toEqual([expect.objectContaining({ pointer: "/indicators" })]);
    const returns = await ask("indicators=reciprocity.returned_within");
    expect(returns.json().detail).toMatch(/time-based/);
    expect((await ask("indicators=roles.reversal")).json().detail).toMatch(/gatherings/);
    const recorded = await ask("layers=advice");
    expect(recorded.statusCode).toBe(400);
    expect(recorded.json().errors[0]).toMatchObject({ pointer: "/layers/0" });
    const missing = await t.app.inject({
      url: `/v1/communities/${C}/surveys/autumn/indicators`,
      headers: t.headers.facilitator,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("shows researchers pseudonyms and agencies community and group figures only", async () => {
    const query = "layers=reported-advice&indicators=reciprocity.member,silo.ei";
    const researcher = (await ask(query, "researcher")).json();
    expect(researcher.audience).toBe("pseudonyms");
    expect(researcher.indicators["reciprocity.member"].value).toBeCloseTo(
      (await ask(query)).json().indicators["reciprocity.member"].value,
      12,
    );
    const seen = JSON.stringify(researcher);
    for (const member of members) {
      expect(seen).not.toContain(`"${member.memberId}"`);
      expect(seen).not.toContain(member.displayName);
    }
    expect(Object.keys(researcher.indicators["reciprocity.member"].byMember)).toHaveLength(4);

    const agency = (await ask(query, "agency")).json();
    expect(agency).toMatchObject({ audience: "aggregates", responseRate: 0.8 });
    expect(agency.indicators["reciprocity.member"].byMember).toBeUndefined();
    expect(agency.indicators["silo.ei"].value).toBeCloseTo(-1 / 7, 12);
    // Minimum group size 2: eva's sector, a group of one, is not named, and business is withheld
    // too (else E-I overall minus the groups shown would give eva's away). Education: ana→ben,
    // ben→ana inside, ana→cem, ben→eva across: (2 − 2) / 4.
    expect(agency.indicators["silo.ei"].byGroup).toEqual({ education: 0, business: null, [OTHER]: null });
    expect(JSON.stringify(agency)).not.toMatch(/"(ana|ben|cem|dan|eva)"/);
  });
});
