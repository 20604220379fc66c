// A round's chain test over the API, on the small round worked by hand (survey-readings-app.ts):
// the three QAP correlations and the MRQAP regression against the hand computation and against
// @copgraph/analytics on the same matrices, and the caps on its work.
import { chainTest, type DyadMatrix } from "@copgraph/analytics";
import { chainCaps, SURVEY_TOKEN_HEADER } from "@copgraph/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReadingsApp, C, type ReadingsApp, seedRound } from "../testing/survey-readings-app.js";

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

/** A symmetric 0/1 matrix over the respondents from its pairs. */
function matrix(pairs: readonly [string, string][]): DyadMatrix {
  const order = ["ana", "ben", "cem", "dan"];
  const n = order.length;
  const values = new Float64Array(n * n);
  for (const [a, b] of pairs) {
    const i = order.indexOf(a);
    const j = order.indexOf(b);
    values[i * n + j] = 1;
    values[j * n + i] = 1;
  }
  return { members: order, values };
}

describe("the chain over the API", () => {
  let t: ReadingsApp;
  const get = (url: string, who: keyof ReadingsApp["headers"] = "facilitator") =>
    t.app.inject({ url, headers: t.headers[who] });
  const chain = (query = "", who: keyof ReadingsApp["headers"] = "facilitator") =>
    get(`/v1/communities/${C}/surveys/spring/chain${query}`, who);

  beforeAll(async () => {
    t = await buildReadingsApp();
    await seedRound(t);
  });
  afterAll(async () => t?.close());

  it("tests the chain as worked by hand: three QAP correlations and the MRQAP regression over the respondents", async () => {
    const response = await chain("?permutations=100&seed=7");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      responseRate: { rostered: 5, respondents: 4, value: 0.8 },
      knownAt: "2026-06-10T12:00:00.000Z",
      window: { from: "2026-06-01T00:00:00Z", to: "2026-06-30T00:00:00Z" },
      chain: {
        members: 4,
        dyads: 6,
        permutations: 100,
        seed: 7,
        recordedWindow: { from: "2025-06-01T00:00:00.000Z", to: "2026-05-31T23:59:59.999Z" },
      },
    });
    // Over the 6 pairs of ana, ben, cem, dan: reversal {cem–dan}, reciprocity {ana–ben, cem–dan},
    // mutual trust {ana–ben, ana–cem}. r = 2/√10, −1/√10, 1/4. OLS: pairs with neither predictor
    // have trust 1, 0, 0, 0 (intercept 1/4); ana–ben (reciprocity only) 1: b = 3/4; cem–dan (both) 0:
    // b = −1. R² = 1 − (3/4) / (4/3) = 7/16.
    const { correlations, regression } = body.chain;
    expectClose(correlations.reversalReciprocity.r, 2 / Math.sqrt(10));
    expectClose(correlations.reversalTrust.r, -1 / Math.sqrt(10));
    expectClose(correlations.reciprocityTrust.r, 1 / 4);
    expectClose(regression.r2, 7 / 16);
    expect(regression.coefficients.map((c: { name: string }) => c.name)).toEqual([
      "intercept",
      "reversal",
      "reciprocity",
    ]);
    expectClose(
      regression.coefficients.map((c: { estimate: number }) => c.estimate),
      [1 / 4, -1, 3 / 4],
    );
    // The same matrices given to the analytics directly: every statistic and p-value.
    const expected = chainTest(
      {
        reversal: matrix([["cem", "dan"]]),
        reciprocity: matrix([
          ["ana", "ben"],
          ["cem", "dan"],
        ]),
        trust: matrix([
          ["ana", "ben"],
          ["ana", "cem"],
        ]),
      },
      { seed: 7, permutations: 100 },
    );
    expect(body.chain.correlations).toEqual(expected.correlations);
    expect(body.chain.regression).toEqual(expected.regression);
    for (const correlation of Object.values(correlations) as { p: number }[]) {
      expect(correlation.p).toBeGreaterThan(0);
      expect(correlation.p).toBeLessThanOrEqual(1);
    }
  });

  it("runs the default permutations and refuses more than the cap with 400 naming it", async () => {
    const defaulted = (await chain()).json();
    expect(defaulted.chain).toMatchObject({ permutations: chainCaps.defaultPermutations, seed: 1 });
    const tooMany = await chain(`?permutations=${chainCaps.permutations + 1}`);
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({
      pointer: "/permutations",
      message: `must be at most ${chainCaps.permutations}, the cap on permutations`,
    });
    expect((await chain("?permutations=-1")).statusCode).toBe(400);
    expect((await chain("?permutations=many")).statusCode).toBe(400);
  });
});

describe("the chain's work cap", () => {
  let t: ReadingsApp;
  beforeAll(async () => {
    t = await buildReadingsApp();
    const as = { headers: t.headers.admin };
    await t.app.inject({
      method: "POST",
      url: "/v1/communities",
      ...as,
      payload: { communityId: C, name: "Grove", concern: "healthy lifestyle", occurredAt: "2025-01-01T09:00:00Z" },
    });
    const many = Array.from({ length: 30 }, (_, i) => ({
      memberId: `m${i}`,
      displayName: `Member ${i}`,
      sector: i % 2 === 0 ? "education" : "business",
      occupationalLayer: "professional",
      occurredAt: "2025-01-02T09:00:00Z",
    }));
    await t.app.inject({
      method: "POST",
      url: `/v1/communities/${C}/events`,
      ...as,
      payload: { events: many.map((data) => ({ type: "MemberJoined", data })) },
    });
    await t.app.inject({
      method: "POST",
      url: `/v1/communities/${C}/surveys`,
      ...as,
      payload: {
        roundId: "spring",
        title: "Spring",
        opensAt: "2026-06-01T00:00:00Z",
        closesAt: "2026-06-30T00:00:00Z",
      },
    });
    const links = (
      await t.app.inject({ method: "POST", url: `/v1/communities/${C}/surveys/spring/links`, ...as })
    ).json().links as { link: string }[];
    expect(links).toHaveLength(30);
    for (const { link } of links) {
      const response = await t.app.inject({
        method: "PUT",
        url: "/v1/survey/answer",
        headers: { [SURVEY_TOKEN_HEADER]: link.split("#/survey/")[1]! },
        payload: { nominations: [], ratings: [], items: [] },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });
  afterAll(async () => t?.close());

  it("refuses ordered pairs × permutations past the cap with 400 naming it and the permutations that fit", async () => {
    // 30 respondents: 870 ordered pairs; 5,000,000 / 870 = 5747.1.
    const refused = await t.app.inject({
      url: `/v1/communities/${C}/surveys/spring/chain?permutations=5748`,
      headers: t.headers.facilitator,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain("use at most 5747 permutations");
    expect(refused.json().errors[0]).toMatchObject({
      pointer: "/permutations",
      message: "ordered pairs × permutations more than 5,000,000",
    });
    const defaulted = await t.app.inject({
      url: `/v1/communities/${C}/surveys/spring/chain`,
      headers: t.headers.facilitator,
    });
    expect(defaulted.statusCode, defaulted.body).toBe(200);
    expect(defaulted.json().chain).toMatchObject({ members: 30, dyads: 435, permutations: 200 });
  });
});
