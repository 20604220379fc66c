// A researcher reads events, graph, member views, indicators and exports of its communities under
// stable pseudonyms: no name, organisation, free text or member id appears in any response.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp, personal } from "../testing/access-app.js";

const secrets = [...personal.names, ...personal.organisations, ...personal.freeText, ...personal.memberIds];

describe("researcher: pseudonyms only", () => {
  let t: AccessTestApp;
  let researcher: Record<string, string>;
  const get = async (url: string, headers = researcher, accept?: string) => {
    const response = await t.app.inject({ url, headers: { ...headers, ...(accept ? { accept } : {}) } });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.body;
  };
  beforeAll(async () => {
    t = await buildAccessTestApp();
    researcher = t.headers.researcherA;
  });
  afterAll(async () => t?.close());

  it("the admin sees the names the researcher must not (the search below would find them)", async () => {
    const body = await get(`/v1/communities/${A}/export?format=ndjson`, t.headers.admin);
    for (const text of secrets) expect(body).toContain(text);
  });

  const urls = [
    `/v1/communities`,
    `/v1/communities/${A}`,
    `/v1/communities/${A}/events?limit=1000`,
    `/v1/communities/${A}/graph`,
    `/v1/communities/${A}/members`,
    `/v1/communities/${A}/graph?format=gexf`,
    `/v1/communities/${A}/graph?format=graphml`,
    `/v1/communities/${A}/indicators`,
    `/v1/communities/${A}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z`,
    `/v1/compare?communities=${A}`,
    ...["ndjson", "research", "gexf", "graphml", "indicators-csv"].map(
      (format) => `/v1/communities/${A}/export?format=${format}`,
    ),
  ];
  for (const url of urls) {
    it(`no name, organisation, free text or member id in ${url}`, async () => {
      const body = await get(url);
      for (const text of secrets) expect(body, text).not.toContain(text);
    });
  }

  it("the event log as NDJSON carries pseudonyms only", async () => {
    const body = await get(`/v1/communities/${A}/events?limit=1000`, researcher, "application/x-ndjson");
    for (const text of secrets) expect(body).not.toContain(text);
    expect(body).toMatch(/"memberId":"p_[0-9a-f]{16}"/);
  });

  it("a member view is asked and answered by pseudonym", async () => {
    const graph = JSON.parse(await get(`/v1/communities/${A}/graph`));
    const pseudonym: string = graph.nodes[0].id;
    expect(pseudonym).toMatch(/^p_[0-9a-f]{16}$/);
    const body = await get(`/v1/communities/${A}/members/${pseudonym}`);
    for (const text of secrets) expect(body).not.toContain(text);
    expect(JSON.parse(body).member.id).toBe(pseudonym);
    const byRealId = await t.app.inject({ url: `/v1/communities/${A}/members/m-amira`, headers: researcher });
    expect(byRealId.statusCode).toBe(404);
  });

  it("pseudonyms are stable for one key and differ between keys", async () => {
    const ids = async (headers: Record<string, string>) =>
      (JSON.parse(await get(`/v1/communities/${A}/graph`, headers)).nodes as { id: string }[]).map((n) => n.id).sort();
    const first = await ids(researcher);
    expect(await ids(researcher)).toEqual(first);
    const events = JSON.parse(await get(`/v1/communities/${A}/events?limit=1000`));
    const joined = events.events
      .filter((e: { type: string }) => e.type === "MemberJoined")
      .map((e: { data: { memberId: string } }) => e.data.memberId);
    expect(first.every((id) => joined.includes(id))).toBe(true);
    const other = t.keys.create({ role: "researcher", communities: [A] }).secret;
    const theirs = await ids({ authorization: `Bearer ${other}` });
    expect(theirs.some((id) => first.includes(id))).toBe(false);
  });

  it("a researcher cannot choose the pseudonym key of an export", async () => {
    const response = await t.app.inject({
      url: `/v1/communities/${A}/export?format=research&key=a-key-of-my-own-choosing`,
      headers: researcher,
    });
    expect(response.statusCode).toBe(403);
  });

  it("indicator values equal the facilitator's, only member keys change", async () => {
    const researcherView = JSON.parse(await get(`/v1/communities/${A}/indicators?indicators=network.density,silo.ei`));
    const facilitatorView = JSON.parse(
      await get(`/v1/communities/${A}/indicators?indicators=network.density,silo.ei`, t.headers.facilitatorA),
    );
    expect(researcherView.indicators["network.density"].value).toBe(
      facilitatorView.indicators["network.density"].value,
    );
    expect(researcherView.indicators["silo.ei"].byGroup).toEqual(facilitatorView.indicators["silo.ei"].byGroup);
  });
});
