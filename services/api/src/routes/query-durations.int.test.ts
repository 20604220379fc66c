import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

// The query parameters a probe of the running service answered with 500: a zero half-life, and a
// window too long to subtract from a date. A zero or unrepresentable duration is a 400 naming its
// parameter; a window reaching before the community's first event starts at that event.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: "GET", url });
const timeline = "/v1/communities/town/indicators/timeline?from=2025-01-01T00:00:00Z";
const readRoutes = {
  indicators: "/v1/communities/town/indicators?",
  graph: "/v1/communities/town/graph?",
  compare: "/v1/compare?communities=town&",
  timeline: `${timeline}&`,
  export: "/v1/communities/town/export?format=indicators-csv&",
  "export gexf": "/v1/communities/town/export?format=gexf&",
  member: "/v1/communities/town/members/ana?",
};

describe.each(Object.entries(readRoutes))("%s", (_name, prefix) => {
  it.each([
    { name: "halfLife", value: "PT0S", shown: "PT0S" },
    { name: "halfLife", value: "P0D", shown: "P0D" },
    { name: "window", value: "PT0S", shown: "PT0S" },
    { name: "halfLife", value: `P${"9".repeat(400)}D`, shown: "P(400 nines)D" },
    { name: "window", value: `P${"9".repeat(400)}Y`, shown: "P(400 nines)Y" },
  ])("refuses $name=$shown with 400 naming the parameter", async ({ name, value }) => {
    const response = await get(`${prefix}${name}=${value}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ in: "querystring", pointer: `/${name}` }));
  });

  it.each(["P999999Y", "P270000Y"])("answers window=%s as the whole history", async (window) => {
    const response = await get(`${prefix}window=${window}`);
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe("a window longer than the community's history", () => {
  // The seeded community's first event: three members join on 2 January 2025 at 09:00.
  const firstEvent = "2025-01-02T09:00:00.000Z";
  const indicators = (query: string) =>
    get(`/v1/communities/town/indicators?at=2026-06-01T12:00:00Z&indicators=activity.by_period,network.ties&${query}`);

  it("is clipped to it: the same answer as a window that starts at the first event", async () => {
    const fromFirst = await indicators(`from=${firstEvent}`);
    expect(fromFirst.statusCode, fromFirst.body).toBe(200);
    expect(fromFirst.json().query.from).toBe(firstEvent);
    for (const query of ["window=P999999Y", "window=P270000Y", "window=P10Y", "from=0000-01-01T00:00:00Z"]) {
      const clipped = await indicators(query);
      expect(clipped.statusCode, `${query}: ${clipped.body}`).toBe(200);
      expect(clipped.json(), query).toEqual(fromFirst.json());
    }
  });

  it("counts periods from the first event, not across the years the window names", async () => {
    const body = (await indicators("window=P999999Y")).json();
    // 30-day periods from 2 January 2025 to 1 June 2026.
    expect(body.indicators["activity.by_period"].details.periods).toHaveLength(18);
  });

  it("keeps a window that starts inside the history", async () => {
    const body = (await indicators("window=P30D")).json();
    expect(body.query.from).toBe("2026-05-02T12:00:00.000Z");
  });

  it("before the community's first event, starts at `at`: every window gives the same answer", async () => {
    const early = (window: string) =>
      get(`/v1/communities/town/indicators?at=2024-06-01T00:00:00Z&indicators=activity.by_period&window=${window}`);
    const short = await early("P1D");
    expect(short.statusCode, short.body).toBe(200);
    expect(short.json().query.from).toBe("2024-06-01T00:00:00.000Z");
    expect((await early("P999999Y")).json()).toEqual(short.json());
  });

  it("is clipped on every date of a timeline", async () => {
    const long = await get(`${timeline}&to=2025-06-01T00:00:00Z&step=P1M&window=P999999Y`);
    const fromFirst = await get(`${timeline}&to=2025-06-01T00:00:00Z&step=P1M&window=P10Y`);
    expect(long.statusCode, long.body).toBe(200);
    expect(long.json()).toEqual(fromFirst.json());
  });
});

describe("timeline steps", () => {
  it("refuses a zero step with 400 naming step", async () => {
    const response = await get(`${timeline}&step=PT0S`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ in: "querystring", pointer: "/step" }));
  });

  it("gives one date for a step longer than every date there is", async () => {
    const response = await get(`${timeline}&to=2025-06-01T00:00:00Z&step=P999999Y&indicators=network.members`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().steps).toEqual(["2025-01-01T00:00:00.000Z"]);
  });
});
