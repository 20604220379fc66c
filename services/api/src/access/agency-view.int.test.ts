// An agency sees community-level figures of its communities, never member-level data, and no
// value of a group smaller than the minimum size (5): null, flagged as suppressed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app.js";
import { A, type AccessTestApp, buildAccessTestApp, SMALL } from "../testing/access-app.js";

const MIN = 5;
const OTHER = "other (suppressed)";
/** A community grouped by a custom attribute: two regions of five, one of four, one of a single member. */
const REGIONS = "regions";
const regionSizes = { north: 5, south: 5, east: 4, west: 1 };

describe("agency: aggregates with small groups suppressed", () => {
  let t: AccessTestApp;
  let agency: Record<string, string>;
  beforeAll(async () => {
    t = await buildAccessTestApp();
    await seedRegions(t.app, t.headers.admin);
    agency = {
      authorization: `Bearer ${t.keys.create({ role: "agency", communities: [A, SMALL, REGIONS] }).secret}`,
    };
  });
  afterAll(async () => t?.close());

  it("member-level data is 403", async () => {
    for (const url of [
      `/v1/communities/${A}/graph`,
      `/v1/communities/${A}/members/m-amira`,
      `/v1/communities/${A}/events`,
      `/v1/communities/${A}/export?format=indicators-csv`,
    ]) {
      const response = await t.app.inject({ url, headers: agency });
      expect(response.statusCode, url).toBe(403);
    }
  });

  it("a comparison with a community below the minimum size withholds its values", async () => {
    const response = await t.app.inject({
      url: `/v1/compare?communities=${A},${SMALL}&indicators=network.density,silo.ei`,
      headers: agency,
    });
    expect(response.statusCode).toBe(200);
    const [large, small] = response.json().communities;
    expect(large.communityId).toBe(A);
    expect(large.indicators["network.density"].value).toEqual(expect.any(Number));
    expect(large.indicators["network.density"].suppressed).toBeUndefined();
    expect(small.communityId).toBe(SMALL);
    for (const value of Object.values(small.indicators) as { value: unknown; suppressed: boolean }[]) {
      expect(value.value).toBeNull();
      expect(value.suppressed).toBe(true);
    }
  });

  it("groups under the minimum merge into one unnamed bucket; the one-member group is not named", async () => {
    for (const url of [
      `/v1/communities/${REGIONS}/indicators?indicators=silo.ei,silo.modularity&attribute=region`,
      `/v1/compare?communities=${REGIONS}&indicators=silo.ei,silo.modularity&attribute=region`,
    ]) {
      const response = await t.app.inject({ url, headers: agency });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).not.toMatch(/"west"|"east"/);
      const body = response.json();
      const ei = (body.indicators ?? body.communities[0].indicators)["silo.ei"];
      // 15 members, 10 of them in the shown regions: the 5 others are enough to be differenced.
      expect(ei.byGroup, url).toEqual({ north: expect.any(Number), south: expect.any(Number), [OTHER]: null });
      expect(ei.suppressedGroups, url).toEqual([OTHER]);
      expect(ei.byMember).toBeUndefined();
      expect(ei.details).toBeUndefined();
    }
    const facilitator = await t.app.inject({
      url: `/v1/communities/${REGIONS}/indicators?indicators=silo.ei&attribute=region`,
      headers: t.headers.admin,
    });
    expect(facilitator.json().indicators["silo.ei"].byGroup.west).toEqual(expect.any(Number));
  });

  it("no withheld group value comes back as the total minus the shown groups (differencing)", async () => {
    // alpha: six in education, two in business. Modularity is the sum of its groups' terms, so
    // with education shown, Q − education would be the business term.
    const url = `/v1/communities/${A}/indicators?indicators=silo.modularity`;
    const full = (await t.app.inject({ url, headers: t.headers.facilitatorA })).json().indicators["silo.modularity"];
    const seen = (await t.app.inject({ url, headers: agency })).json().indicators["silo.modularity"];
    expect(full.byGroup.business).toEqual(expect.any(Number));
    expect(seen.value).toBeCloseTo(full.value);
    const shown = Object.entries(seen.byGroup as Record<string, number | null>).filter(([, v]) => v !== null);
    const difference = seen.value - shown.reduce((sum, [, v]) => sum + v!, 0);
    expect(difference).not.toBeCloseTo(full.byGroup.business);
    // In general: the members outside the shown groups are none or at least the minimum.
    const graph = (await t.app.inject({ url: `/v1/communities/${A}/graph`, headers: t.headers.facilitatorA })).json();
    const sizes = new Map<string, number>();
    for (const node of graph.nodes) sizes.set(node.attributes.sector, (sizes.get(node.attributes.sector) ?? 0) + 1);
    const behind = graph.nodes.length - shown.reduce((sum, [group]) => sum + sizes.get(group)!, 0);
    expect(behind === 0 || behind >= MIN).toBe(true);
    expect(seen.byGroup).toEqual({ education: null, [OTHER]: null });
    expect(seen.suppressedGroups).toEqual(["education", OTHER]);
  });

  it("a community below the minimum shows no counts, alone or in the list, and names no group", async () => {
    const one = await t.app.inject({ url: `/v1/communities/${SMALL}`, headers: agency });
    expect(one.statusCode).toBe(200);
    const withheld = { members: null, activeMembers: null, interactions: null, gatherings: null, retractions: null };
    expect(one.json()).toMatchObject({ ...withheld, suppressed: true });
    const list = (await t.app.inject({ url: "/v1/communities", headers: agency })).json().communities;
    const byId = new Map(list.map((community: { communityId: string }) => [community.communityId, community]));
    expect(byId.get(SMALL)).toMatchObject({ ...withheld, suppressed: true });
    expect(byId.get(A)).toMatchObject({ members: expect.any(Number), interactions: expect.any(Number) });
    expect(byId.get(A)).not.toHaveProperty("suppressed");
    // The community's own facilitator-level callers still see its counts.
    const admin = (await t.app.inject({ url: `/v1/communities/${SMALL}`, headers: t.headers.admin })).json();
    expect(admin).toMatchObject({ members: 3, activeMembers: 3, interactions: 1 });
    const ei = (
      await t.app.inject({ url: `/v1/communities/${SMALL}/indicators?indicators=silo.ei`, headers: agency })
    ).json().indicators["silo.ei"];
    expect(ei).toMatchObject({ value: null, suppressed: true, byGroup: { [OTHER]: null } });
  });

  it("the API reference says the counts may be withheld", async () => {
    const spec = (await t.app.inject("/docs/json")).json();
    const summary = spec.components.schemas.CommunitySummary;
    expect(summary.properties.members).toMatchObject({ type: "integer", nullable: true });
    expect(summary.properties.suppressed).toMatchObject({ type: "boolean" });
  });

  it("a timeline of a small community is withheld at every date", async () => {
    const response = await t.app.inject({
      url: `/v1/communities/${SMALL}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z&indicators=network.density`,
      headers: agency,
    });
    expect(response.statusCode).toBe(200);
    const series = response.json().series["network.density"];
    expect(series.values.every((value: unknown) => value === null)).toBe(true);
    expect(series.suppressed.every((withheld: boolean) => withheld)).toBe(true);
  });

  it("per-member indicators carry no member", async () => {
    const response = await t.app.inject({ url: `/v1/communities/${A}/indicators`, headers: agency });
    expect(response.body).not.toContain("m-amira");
    expect(response.body).not.toContain("byMember");
  });
});

/** REGIONS: members in four regions, each tied to the next, so every region has ties in and out. */
async function seedRegions(app: App, headers: Record<string, string>): Promise<void> {
  const post = async (url: string, payload: object) => {
    const response = await app.inject({ method: "POST", url, payload, headers });
    if (response.statusCode !== 201) throw new Error(`seed ${url} failed: ${response.body}`);
  };
  await post("/v1/communities", {
    communityId: REGIONS,
    name: "Regions",
    concern: "healthy lifestyle",
    occurredAt: "2025-01-01T09:00:00Z",
  });
  const members = Object.entries(regionSizes)
    .flatMap(([region, size]) => Array.from({ length: size }, () => region))
    .map((region, index) => ({ id: `r-${index}`, region }));
  for (const { id, region } of members) {
    await post(`/v1/communities/${REGIONS}/members`, {
      memberId: id,
      displayName: `Member ${id}`,
      sector: "education",
      occupationalLayer: "professional",
      attributes: { region },
      occurredAt: "2025-01-02T09:00:00Z",
    });
  }
  for (const [index, { id }] of members.entries()) {
    await post(`/v1/communities/${REGIONS}/interactions`, {
      kind: "advice",
      from: id,
      to: [members[(index + 1) % members.length]!.id, members[(index + 3) % members.length]!.id],
      occurredAt: "2025-01-10T09:00:00Z",
    });
  }
}
