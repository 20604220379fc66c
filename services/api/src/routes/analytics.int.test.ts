import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterEach(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });

describe("GET /v1/communities/{id}/graph", () => {
  it("returns members with attributes and per-member indicators, and ties with layers", async () => {
    const response = await get("/v1/communities/town/graph");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(["ana", "ben", "cem"]);
    expect(body.nodes[0].attributes).toMatchObject({ sector: "education", occupationalLayer: "professional" });
    expect(body.ties).toEqual([{ source: "ana", target: "ben", weight: 1, layers: { advice: 1 } }]);
    expect(body.query).toMatchObject({ attribute: "sector", revision: 4, from: null, minWeight: 0 });
  });

  it("replays the past: before the interaction there is no tie", async () => {
    const body = (await get("/v1/communities/town/graph?at=2025-01-05T00:00:00Z")).json();
    expect(body.nodes).toHaveLength(3);
    expect(body.ties).toEqual([]);
  });

  it("downloads GEXF and GraphML", async () => {
    const gexf = await get("/v1/communities/town/graph?format=gexf");
    expect(gexf.statusCode).toBe(200);
    expect(gexf.headers["content-disposition"]).toMatch(/attachment; filename="town-.*\.gexf"/);
    expect(gexf.body).toContain("<gexf");
    const graphml = await get("/v1/communities/town/graph?format=graphml");
    expect(graphml.body).toMatch(/<edge [^>]*source="ana" target="ben"/);
  });

  it("refuses contradictory or malformed queries with 400", async () => {
    const both = await get("/v1/communities/town/graph?from=2025-01-01T00:00:00Z&window=P30D");
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].pointer).toBe("/from");
    const bad = await get("/v1/communities/town/graph?window=30days&layers=advice,gossip");
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(["/layers/1", "/window"]);
    expect((await get("/v1/communities/nowhere/graph")).statusCode).toBe(404);
  });
});

describe("GET /v1/communities/{id}/indicators", () => {
  it("answers with the named indicators, their versions and the resolved query", async () => {
    const response = await get("/v1/communities/town/indicators?indicators=network.members,network.ties,silo.ei");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body.indicators)).toEqual(["network.members", "network.ties", "silo.ei"]);
    expect(body.indicators["network.members"]).toMatchObject({ value: 3, version: expect.any(Number) });
    expect(body.indicators["silo.ei"].value).toBe(1);
  });

  it("computes every indicator without NaN", async () => {
    const response = await get("/v1/communities/town/indicators");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain("NaN");
    expect(Object.keys(response.json().indicators).length).toBeGreaterThan(30);
  });

  it("refuses grouping by organisation (personal data, not in the log) with 400 saying why", async () => {
    const response = await get("/v1/communities/town/indicators?attribute=organisation");
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({
      pointer: "/attribute",
      message: expect.stringContaining("record it as a custom attribute"),
    });
  });

  it("refuses an unknown indicator with 400", async () => {
    const response = await get("/v1/communities/town/indicators?indicators=silo.nothing");
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("unknown_indicator");
  });

  it("sees a write at once (read after write)", async () => {
    const before = (await get("/v1/communities/town/indicators?indicators=network.ties")).json();
    await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/interactions",
      payload: { kind: "mentoring", from: "ben", to: ["cem"], occurredAt: "2025-03-01T00:00:00Z" },
    });
    const after = (await get("/v1/communities/town/indicators?indicators=network.ties")).json();
    expect([before.indicators["network.ties"].value, after.indicators["network.ties"].value]).toEqual([1, 2]);
    expect(after.query.revision).toBe(5);
  });
});

describe("timeline, member view, comparison", () => {
  it("gives a series per indicator at each step", async () => {
    const response = await get(
      "/v1/communities/town/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z&step=P1M&indicators=network.members,network.ties",
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.steps).toEqual(["2025-01-01T00:00:00.000Z", "2025-02-01T00:00:00.000Z", "2025-03-01T00:00:00.000Z"]);
    expect(body.series["network.members"].values).toEqual([0, 3, 3]);
    expect(body.series["network.ties"].values).toEqual([0, 1, 1]);
    const csv = await get(
      "/v1/communities/town/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z&step=P1M&indicators=network.ties&format=csv",
    );
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expect(csv.body).toMatch(/2025-02-01T00:00:00.000Z,network.ties,1,1/);
    const windowed = await get(
      "/v1/communities/town/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z&step=P1M&window=P30D&indicators=network.ties",
    );
    expect(windowed.statusCode, windowed.body).toBe(200);
    // The only interaction (10 January) is inside the 30 days before 1 February, not before 1 March.
    expect(windowed.json().series["network.ties"].values).toEqual([0, 1, 0]);
  });

  it("keeps monthly dates on their day, or the month's last day, and refuses more than 200 dates", async () => {
    const monthly = await get(
      "/v1/communities/town/indicators/timeline?from=2025-01-31T00:00:00Z&to=2025-04-30T00:00:00Z&step=P1M&indicators=network.ties",
    );
    expect(monthly.statusCode, monthly.body).toBe(200);
    expect(monthly.json().steps).toEqual([
      "2025-01-31T00:00:00.000Z",
      "2025-02-28T00:00:00.000Z",
      "2025-03-31T00:00:00.000Z",
      "2025-04-30T00:00:00.000Z",
    ]);
    const daily = (to: string) =>
      get(
        `/v1/communities/town/indicators/timeline?from=2025-01-01T00:00:00Z&to=${to}&step=P1D&indicators=network.ties`,
      );
    // 1 January + 199 days is 19 July: 200 dates; one day more is one date too many.
    expect((await daily("2025-07-19T00:00:00Z")).json().steps).toHaveLength(200);
    const tooMany = await daily("2025-07-20T00:00:00Z");
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().code ?? tooMany.body).toMatch(/too_many_steps/);
  });

  it("shows a member's ego network", async () => {
    const response = await get("/v1/communities/town/members/ana");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.member.id).toBe("ana");
    expect(body.ego.nodes.map((n: { id: string }) => n.id).sort()).toEqual(["ana", "ben"]);
    expect((await get("/v1/communities/town/members/zoe")).statusCode).toBe(404);
  });

  it("gives a member's values of the indicators asked only, and refuses an unknown one", async () => {
    const response = await get("/v1/communities/town/members/ana?indicators=silo.ei,diversity.ego");
    expect(response.statusCode, response.body).toBe(200);
    const { member } = response.json();
    expect(Object.keys(member.indicators).sort()).toEqual(["diversity.ego", "silo.ei"]);
    const all = (await get("/v1/communities/town/members/ana")).json().member.indicators;
    expect(member.indicators["silo.ei"]).toBe(all["silo.ei"]);
    expect((await get("/v1/communities/town/members/ana?indicators=silo.nothing")).statusCode).toBe(400);
  });

  it("compares communities side by side without member-level data", async () => {
    await seedCommunity(t.app, "village");
    const response = await get("/v1/compare?communities=town,village&indicators=silo.ei,network.density");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.communities.map((c: { communityId: string }) => c.communityId)).toEqual(["town", "village"]);
    expect(body.communities[0].indicators["silo.ei"]).not.toHaveProperty("byMember");
    expect((await get("/v1/compare?communities=town,nowhere")).statusCode).toBe(404);
  });
});
