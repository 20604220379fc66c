// A path segment longer than the router's default limit is answered like any bad id: a 400
// problem+json naming the limit, with the security and no-store headers, not a bare 414.
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterAll(() => t.close());

it.each([
  `/v1/communities/${"a".repeat(150)}`,
  `/v1/communities/town/members/${"m".repeat(500)}`,
  `/v1/communities/town/surveys/${"r".repeat(300)}/readings`,
])("answers %s with a 400 problem naming the path's limit", async (url) => {
  const response = await t.app.inject({ method: "GET", url });
  expect(response.statusCode).toBe(400);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  expect(response.headers["cache-control"]).toBe("no-store");
  expect(response.headers["content-security-policy"]).toBeDefined();
  expect(response.json().errors[0]).toMatchObject({ in: "params" });
});
