import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

// `backbone=<α>` on the graph endpoint: the disparity filter's ties, on the hand-worked example of
// shared/analytics/src/backbone/disparity-filter.test.ts (advice given that many times).
const givenTimes: [string, string, number][] = [
  ["a", "b", 8],
  ["a", "c", 1],
  ["a", "d", 1],
  ["b", "a", 1],
  ["b", "c", 1],
  ["b", "d", 2],
  ["c", "a", 2],
  ["c", "b", 2],
  ["d", "a", 1],
  ["d", "b", 1],
  ["d", "c", 6],
  ["e", "f", 1],
];

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  const joined = ["a", "b", "c", "d", "e", "f", "g"].map((memberId) => ({
    type: "MemberJoined",
    data: {
      memberId,
      displayName: `Member ${memberId}`,
      sector: "education",
      occupationalLayer: "professional",
      occurredAt: "2025-01-02T09:00:00Z",
    },
  }));
  let n = 0;
  const advice = givenTimes.flatMap(([from, to, times]) =>
    Array.from({ length: times }, () => ({
      type: "InteractionRecorded",
      data: { interactionId: `i${++n}`, kind: "advice", from, to: [to], occurredAt: "2025-02-01T09:00:00Z" },
    })),
  );
  const events = [
    {
      type: "CommunityRegistered",
      data: { communityId: "town", name: "Town", concern: "lunches", occurredAt: "2025-01-01T09:00:00Z" },
    },
    ...joined,
    ...advice,
  ];
  const posted = await t.app.inject({ method: "POST", url: "/v1/communities/town/events", payload: { events } });
  if (posted.statusCode >= 300) throw new Error(`seed failed: ${posted.body}`);
});
afterEach(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });
const pairs = (ties: { source: string; target: string }[]) => ties.map((tie) => `${tie.source}→${tie.target}`).sort();

describe("GET /v1/communities/{id}/graph?backbone=<α>", () => {
  it("answers the backbone's ties, every member still a node, and says what was applied", async () => {
    const response = await get("/v1/communities/town/graph?backbone=0.1");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(pairs(body.ties)).toEqual(["a→b", "d→c", "e→f"]);
    expect(body.ties.find((tie: { source: string }) => tie.source === "a")).toEqual({
      source: "a",
      target: "b",
      weight: 8,
      layers: { advice: 8 },
    });
    expect(body.nodes.map((node: { id: string }) => node.id).sort()).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(body.backbone).toMatchObject({ filter: "disparity", alpha: 0.1, keptTies: 3, allTies: 12 });
    expect(body.backbone.source).toContain("Serrano");

    const wider = (await get("/v1/communities/town/graph?backbone=0.3")).json();
    expect(pairs(wider.ties)).toEqual(["a→b", "b→d", "c→a", "d→c", "e→f"]);
    expect(wider.backbone.keptTies).toBe(5);
  });

  it("answers every tie, and no backbone, when none is asked; minWeight applies before the filter", async () => {
    const all = (await get("/v1/communities/town/graph")).json();
    expect(all.ties).toHaveLength(12);
    expect(all.backbone).toBeUndefined();
    // Ties of weight ≥ 2: a→b, b→d, c→a, c→b, d→c. Out of c (s 4, k 2): 0.5 each; into b (s 10,
    // k 2): a→b 0.2, c→b 0.8; out of a, b, d and into a, c, d: one tie each, kept.
    const heavy = (await get("/v1/communities/town/graph?minWeight=2&backbone=0.05")).json();
    expect(heavy.backbone).toMatchObject({ keptTies: 4, allTies: 5 });
    expect(pairs(heavy.ties)).toEqual(["a→b", "b→d", "c→a", "d→c"]);
  });

  it.each([
    ["0", "/backbone", "more than 0"],
    ["-0.5", "/backbone", "more than 0"],
    ["1.5", "/backbone", "at most 1"],
    ["often", "/backbone", "a number more than 0 and at most 1"],
  ])("refuses backbone=%s with 400 naming the limit", async (value, pointer, words) => {
    const response = await get(`/v1/communities/town/graph?backbone=${value}`);
    expect(response.statusCode, response.body).toBe(400);
    const [error] = response.json().errors;
    expect(error).toMatchObject({ in: "querystring", pointer });
    expect(error.message).toContain(words);
    expect(error.message).toContain("significance level α of the disparity filter");
  });

  it("takes α = 1, and refuses a backbone on a file download", async () => {
    const one = (await get("/v1/communities/town/graph?backbone=1")).json();
    expect(one.backbone).toMatchObject({ alpha: 1, keptTies: 12 });
    const file = await get("/v1/communities/town/graph?format=gexf&backbone=0.2");
    expect(file.statusCode).toBe(400);
    expect(file.json().errors[0]).toMatchObject({ pointer: "/backbone" });
    expect(file.json().detail).toContain("a download (gexf, graphml) carries every tie");
  });
});
