import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await t.app.inject({
    method: "POST",
    url: "/v1/communities",
    payload: { communityId: "csv", name: "CSV town", concern: "imports", occurredAt: "2025-01-01T00:00:00Z" },
  });
});
afterEach(() => t.close());

const upload = (kind: string, body: string | Buffer, dryRun = false) =>
  t.app.inject({
    method: "POST",
    url: `/v1/communities/csv/imports/csv?kind=${kind}${dryRun ? "&dryRun=true" : ""}`,
    headers: { "content-type": "text/csv" },
    payload: body,
  });

const members = [
  "memberId,displayName,sector,occupationalLayer,joinedAt",
  "ana,Ana,education,professional,2025-01-02",
  "ben,Ben,business,director,2025-01-02",
  "cem,Cem,education,student,2025-01-02",
  "dan,Dan,business,management,2025-01-02",
].join("\n");

const interactions = [
  "kind,from,to,occurredAt",
  "advice,ana,cem,2025-02-01",
  "advice,cem,ana,2025-02-02",
  "mentoring,ben,dan,2025-02-03",
  "feedback,ana,ben,2025-02-04",
].join("\n");

describe("POST /v1/communities/{id}/imports/csv", () => {
  it("reports every bad row with its line and stores nothing", async () => {
    const bad = [
      "memberId,displayName,sector,occupationalLayer,joinedAt",
      "ana,Ana,education,professional,2025-01-02",
      "ben,Ben,banking,director,2025-01-02",
      "cem,Cem,education,student,last tuesday",
    ].join("\n");
    const response = await upload("members", bad);
    expect(response.statusCode, response.body).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe("invalid_rows");
    expect(problem.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, "sector"],
      [4, "joinedAt"],
    ]);
    expect(await t.countEvents()).toBe(1);
  });

  it("names a missing column and a file that is not UTF-8", async () => {
    const missing = await upload("members", "memberId,displayName,occupationalLayer\nana,Ana,student");
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({ line: 1, column: "sector" });
    const latin1 = Buffer.concat([Buffer.from(`${members.split("\n")[0]}\nr\u00e9,`), Buffer.from([0xe9, 0x0a])]);
    const encoding = await upload("members", latin1);
    expect(encoding.statusCode).toBe(422);
    expect(encoding.json().errors[0].message).toMatch(/UTF-8/);
    expect(await t.countEvents()).toBe(1);
  });

  it("maps an unknown member to its line, storing nothing", async () => {
    expect((await upload("members", members)).statusCode).toBe(201);
    const before = await t.countEvents();
    const response = await upload("interactions", `${interactions}\nadvice,ana,zoe,2025-02-05`);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: "unknown_member", errors: [{ line: 6 }] });
    expect(await t.countEvents()).toBe(before);
  });

  it("checks without storing on a dry run", async () => {
    const response = await upload("members", members, true);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ communityId: "csv", dryRun: true, events: 4, rows: 4 });
    expect(await t.countEvents()).toBe(1);
  });

  it("imports good files, whose indicators match a hand computation", async () => {
    expect((await upload("members", members)).statusCode).toBe(201);
    expect((await upload("interactions", interactions)).statusCode).toBe(201);
    const response = await t.app.inject(
      "/v1/communities/csv/indicators?indicators=network.density,silo.ei,silo.ei_expected,reciprocity.edge&at=2025-03-01T00:00:00Z",
    );
    const values = response.json().indicators;
    // 4 arcs among 4 members: density 4/12. Sectors {ana, cem} and {ben, dan}: ana→cem, cem→ana and
    // ben→dan stay inside (I = 3), ana→ben crosses (E = 1): E-I = (1 − 3)/4 = −0.5.
    // Random mixing: π_in = (2·1 + 2·1)/(4·3) = 1/3, so E[E-I] = 1 − 2/3 = 1/3. Reciprocated arcs: 2 of 4.
    expect(values["network.density"].value).toBeCloseTo(1 / 3, 12);
    expect(values["silo.ei"].value).toBe(-0.5);
    expect(values["silo.ei_expected"].value).toBeCloseTo(1 / 3, 12);
    expect(values["reciprocity.edge"].value).toBe(0.5);
  });

  it("refuses a body that is not CSV", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/communities/csv/imports/csv?kind=members",
      payload: { members: [] },
    });
    expect(response.statusCode).toBe(415);
  });
});

it("serves a template per kind", async () => {
  const response = await t.app.inject("/v1/imports/csv/gatherings/template");
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toMatch(/^text\/csv/);
  expect(response.body.split("\n")[0]).toContain("gatheringId");
});
