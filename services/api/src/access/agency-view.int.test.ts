// An agency sees community-level figures of its communities, never member-level data, and no
// value of a group smaller than the minimum size (5): null, flagged as suppressed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp, SMALL } from "../testing/access-app.js";

describe("agency: aggregates with small groups suppressed", () => {
  let t: AccessTestApp;
  let agency: Record<string, string>;
  beforeAll(async () => {
    t = await buildAccessTestApp();
    agency = { authorization: `Bearer ${t.keys.create({ role: "agency", communities: [A, SMALL] }).secret}` };
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

  it("a group below the minimum size inside a community is withheld, the others shown", async () => {
    const response = await t.app.inject({
      url: `/v1/communities/${A}/indicators?indicators=silo.ei`,
      headers: agency,
    });
    const ei = response.json().indicators["silo.ei"];
    // Six in education, two in business (alpha's seed).
    expect(ei.byGroup.business).toBeNull();
    expect(ei.byGroup.education).toEqual(expect.any(Number));
    expect(ei.suppressedGroups).toEqual(["business"]);
    expect(ei.byMember).toBeUndefined();
    expect(ei.details).toBeUndefined();
    const facilitator = await t.app.inject({
      url: `/v1/communities/${A}/indicators?indicators=silo.ei`,
      headers: t.headers.facilitatorA,
    });
    expect(facilitator.json().indicators["silo.ei"].byGroup.business).toEqual(expect.any(Number));
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
