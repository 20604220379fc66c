import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

const PLAIN = 4 * 1024;
const BULK = 64 * 1024;
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ http: { bodyLimits: { plain: PLAIN, bulk: BULK } } });
  await seedCommunity(t.app);
});
afterAll(() => t.close());

const post = (url: string, payload: string, contentType = "application/json") =>
  t.app.inject({ method: "POST", url, payload, headers: { "content-type": contentType } });

const interaction = (notes: string) =>
  JSON.stringify({ kind: "advice", from: "ana", to: ["ben"], occurredAt: "2025-03-01T00:00:00Z", notes });

const batch = (count: number) =>
  JSON.stringify({
    events: Array.from({ length: count }, (_, i) => ({
      type: "InteractionRecorded",
      data: { interactionId: `b${i}`, kind: "advice", from: "ana", to: ["ben"], occurredAt: "2025-03-01T00:00:00Z" },
    })),
  });

describe("body limits per route", () => {
  it("answers a single write over the plain limit with 413 problem+json, storing nothing", async () => {
    const before = await t.countEvents();
    const response = await post("/v1/communities/town/interactions", interaction("x".repeat(PLAIN)));
    expect(response.statusCode).toBe(413);
    expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(response.json()).toMatchObject({ status: 413, code: "body_too_large" });
    expect(response.json().detail).toContain("4 KiB");
    expect(await t.countEvents()).toBe(before);
  });

  it("lets the batch endpoint take more than a single write, up to the bulk limit", async () => {
    const fits = batch(150);
    expect(fits.length).toBeGreaterThan(PLAIN);
    expect(fits.length).toBeLessThan(BULK);
    expect((await post("/v1/communities/town/events", fits)).statusCode).toBe(201);

    const before = await t.countEvents();
    const tooLarge = await post("/v1/communities/town/events", batch(1000));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: "body_too_large" });
    expect(tooLarge.json().detail).toContain("64 KiB");
    expect(await t.countEvents()).toBe(before);
  });

  it("lets a CSV import take up to the bulk limit", async () => {
    const rows = (count: number, from: number) =>
      Array.from({ length: count }, (_, i) => `m${from + i},Member ${from + i},education,student,2025-01-05`);
    const csv = (count: number, from: number) =>
      ["memberId,displayName,sector,occupationalLayer,joinedAt", ...rows(count, from)].join("\n");
    const url = "/v1/communities/town/imports/csv?kind=members";
    expect((await post(url, csv(200, 0), "text/csv")).statusCode).toBe(201);
    const before = await t.countEvents();
    const tooLarge = await post(url, csv(2000, 1000), "text/csv");
    expect(tooLarge.statusCode).toBe(413);
    expect(await t.countEvents()).toBe(before);
  });
});
