// Indicators answer community-level values by default; per-member values come with
// details=members, a page of members at a time; the graph carries only the values asked.
import { simulateCommunity } from "@copgraph/simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp } from "../testing/access-app.js";
import { buildTestApp, TEST_NOW, type TestApp } from "../testing/test-app.js";

type Value = { byMember?: Record<string, number | null>; details?: unknown };
type Indicators = Record<string, Value>;

const DAY = 86_400_000;
const SIM = "sim";
/** Every indicator, with few permutations (the p-values are not what is tested here). */
const QUERY = "permutations=20";

describe("indicators of a simulated community, community-level and member by member", () => {
  let t: TestApp;
  let members: string[];
  const get = async (url: string) => {
    const response = await t.app.inject({ url });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response;
  };
  beforeAll(async () => {
    t = await buildTestApp();
    const end = TEST_NOW.getTime() - DAY;
    const { events } = simulateCommunity({
      communityId: SIM,
      seed: 7,
      start: end - 120 * DAY,
      end,
      initialMembers: 40,
      growth: 10,
      churn: 0.1,
      gatheringsPerMonth: 6,
    });
    const imported = await t.app.inject({ method: "POST", url: `/v1/communities/${SIM}/events`, payload: { events } });
    expect(imported.statusCode, imported.body).toBe(201);
    members = (await get(`/v1/communities/${SIM}/graph`)).json().nodes.map((node: { id: string }) => node.id);
  });
  afterAll(async () => t?.close());

  it("by default names no member anywhere, and says what it left out and how to get it", async () => {
    const response = await get(`/v1/communities/${SIM}/indicators?${QUERY}`);
    for (const member of members) expect(response.body, member).not.toContain(`"${member}"`);
    const body = response.json();
    expect(Object.keys(body.indicators).length).toBeGreaterThan(40);
    expect(body.memberDetails).toMatchObject({ included: false, ask: expect.stringContaining("details=members") });
    expect(body.memberDetails.omitted["network.betweenness"]).toEqual(["byMember"]);
    expect(body.memberDetails.omitted["silo.clusters"]).toEqual(["details.clusters[].members[]"]);
  });

  it("with details=members, pages of members give back every per-member value, in the order of member ids", async () => {
    const whole: Indicators = (
      await get(`/v1/communities/${SIM}/indicators?${QUERY}&details=members&pageSize=5000`)
    ).json().indicators;
    const ids = new Set<string>();
    for (const value of Object.values(whole)) for (const id of Object.keys(value.byMember ?? {})) ids.add(id);
    const sorted = [...ids].sort();
    const pageSize = 7;
    const first = (await get(`/v1/communities/${SIM}/indicators?${QUERY}&details=members&pageSize=${pageSize}`)).json();
    expect(first.memberDetails).toMatchObject({ included: true, page: 1, pageSize, order: "member id" });
    const pages: Indicators[] = [first.indicators];
    for (let page = 2; page <= first.memberDetails.pages; page++) {
      const url = `/v1/communities/${SIM}/indicators?${QUERY}&details=members&page=${page}&pageSize=${pageSize}`;
      pages.push((await get(url)).json().indicators);
    }
    const named = pages.map(
      (page) => new Set(Object.values(page).flatMap((value) => Object.keys(value.byMember ?? {}))),
    );
    // Page by page, the members come in the order of their ids.
    const inOrder = named.flatMap((page) => [...page].sort());
    expect(inOrder.filter((id) => ids.has(id))).toEqual(sorted);
    for (const [id, value] of Object.entries(whole)) {
      if (!value.byMember) continue;
      const merged = Object.assign({}, ...pages.map((page) => page[id]?.byMember));
      expect(merged, id).toEqual(value.byMember);
    }
  });

  it("caps the page size with a 400 that names the limit, and refuses paging without details=members", async () => {
    const tooLarge = await t.app.inject(`/v1/communities/${SIM}/indicators?details=members&pageSize=5001`);
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().errors[0]).toMatchObject({ pointer: "/pageSize", message: expect.stringContaining("5000") });
    const stray = await t.app.inject(`/v1/communities/${SIM}/indicators?page=2`);
    expect(stray.statusCode).toBe(400);
    expect(stray.json().errors[0].pointer).toBe("/page");
  });

  it("the graph carries no indicator unless asked, and then exactly the per-member values of /indicators", async () => {
    const plain = (await get(`/v1/communities/${SIM}/graph`)).json();
    expect(plain.nodes.every((node: object) => !("indicators" in node))).toBe(true);
    const asked = "network.betweenness,silo.brokerage";
    const graph = (await get(`/v1/communities/${SIM}/graph?${QUERY}&indicators=${asked}`)).json();
    const values: Indicators = (
      await get(`/v1/communities/${SIM}/indicators?${QUERY}&indicators=${asked}&details=members&pageSize=5000`)
    ).json().indicators;
    for (const node of graph.nodes as { id: string; indicators: Record<string, number | null> }[]) {
      expect(node.indicators).toEqual({
        "network.betweenness": values["network.betweenness"]?.byMember?.[node.id] ?? null,
        "silo.brokerage": values["silo.brokerage"]?.byMember?.[node.id] ?? null,
      });
    }
    expect((await t.app.inject(`/v1/communities/${SIM}/graph?indicators=silo.nothing`)).statusCode).toBe(400);
  });
});

describe("member details by audience", () => {
  let t: AccessTestApp;
  beforeAll(async () => {
    t = await buildAccessTestApp();
  });
  afterAll(async () => t?.close());

  it("an agency cannot ask for them (403) and is told none are in its view", async () => {
    const asked = await t.app.inject({
      url: `/v1/communities/${A}/indicators?details=members`,
      headers: t.headers.agencyA,
    });
    expect(asked.statusCode).toBe(403);
    const plain = await t.app.inject({ url: `/v1/communities/${A}/indicators`, headers: t.headers.agencyA });
    expect(plain.statusCode).toBe(200);
    expect(plain.json().memberDetails).toEqual({ included: false });
  });

  it("a researcher gets them under pseudonyms, paged in the order of the pseudonyms", async () => {
    const headers = t.headers.researcherA;
    const graph = await t.app.inject({ url: `/v1/communities/${A}/graph`, headers });
    const pseudonyms = new Set(graph.json().nodes.map((node: { id: string }) => node.id));
    const url = `/v1/communities/${A}/indicators?indicators=network.betweenness&details=members&pageSize=3`;
    const response = await t.app.inject({ url, headers });
    expect(response.statusCode, response.body).toBe(200);
    const page = Object.keys(response.json().indicators["network.betweenness"].byMember);
    expect(page).toHaveLength(3);
    for (const id of page) expect(pseudonyms.has(id), id).toBe(true);
    expect(page).toEqual([...pseudonyms].sort().slice(0, 3));
  });
});
