// API answers carry names and relationships: no browser or proxy cache may keep them. The web
// app's own files hold no data and keep their caching.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

const webRoot = mkdtempSync(join(tmpdir(), "copgraph-web-"));
let t: TestApp;
beforeAll(async () => {
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>copgraph</title>");
  writeFileSync(join(webRoot, "app.js"), "console.log('copgraph');");
  t = await buildTestApp({ webRoot });
  await seedCommunity(t.app);
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe("Cache-Control: no-store", () => {
  it.each([
    ["GET", "/v1/communities"],
    ["GET", "/v1/communities/town"],
    ["GET", "/v1/communities/town/members/ana"],
    ["GET", "/v1/communities/town/events"],
    ["GET", "/v1/communities/town/graph"],
    ["GET", "/v1/communities/town/export?format=ndjson"],
    ["GET", "/v1/communities/nowhere/graph"],
    ["GET", "/v1/no-such-route"],
    ["GET", "/v1/me"],
    ["GET", "/docs/json"],
  ])("is sent with %s %s", async (method, url) => {
    const response = await t.app.inject({ method: method as "GET", url });
    expect(response.headers["cache-control"], `${url}: ${response.statusCode}`).toBe("no-store");
  });

  it("is sent with a write's answer and with its refusal", async () => {
    const post = (payload: object) => t.app.inject({ method: "POST", url: "/v1/communities/town/members", payload });
    const created = await post({
      memberId: "dee",
      displayName: "Dee",
      sector: "education",
      occupationalLayer: "student",
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers["cache-control"]).toBe("no-store");
    const refused = await post({ memberId: "dee" });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers["cache-control"]).toBe("no-store");
  });

  it("is not sent with the web app's files, which hold no data", async () => {
    for (const url of ["/", "/app.js"]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(200);
      expect(response.headers["cache-control"]).not.toBe("no-store");
    }
  });
});
