// DNS rebinding: a web page on attacker.example can point its own name at 127.0.0.1 and then call
// the local development server "same-origin". In local development (no key needed) only loopback
// Host names are served, and writes from another site's pages are refused; with keys required
// nothing changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app.js";
import { buildKeyedTestApp, type KeyedTestApp } from "../testing/keyed-app.js";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

const REBOUND_HOST = "rebind.attacker.example:3000";
const interaction = (interactionId: string) => ({
  interactionId,
  kind: "advice",
  from: "ana",
  to: ["ben"],
  occurredAt: "2025-03-01T09:00:00Z",
});

function expectHostRefused(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
  expect(response.statusCode).toBe(403);
  expect(response.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
  expect(response.json()).toMatchObject({ status: 403, code: "host_not_allowed" });
  expect((response.json() as { detail: string }).detail).toContain("localhost, 127.0.0.1 or [::1]");
}

describe.each([
  ["open (no key store)", "open"],
  ["local development with keys", "development"],
] as const)("%s", (_name, mode) => {
  let t: TestApp | undefined;
  let keyed: KeyedTestApp | undefined;
  let app: App;
  beforeAll(async () => {
    if (mode === "open") {
      t = await buildTestApp();
      app = t.app;
    } else {
      keyed = await buildKeyedTestApp({ development: true });
      app = keyed.app;
    }
    await seedCommunity(app);
  });
  afterAll(async () => {
    await t?.close();
    await keyed?.close();
  });

  it("refuses a request whose Host is not a loopback name, reads and writes alike", async () => {
    expectHostRefused(await app.inject({ url: "/v1/communities/town/members/ana", headers: { host: REBOUND_HOST } }));
    expectHostRefused(
      await app.inject({
        method: "POST",
        url: "/v1/communities/town/interactions",
        headers: { host: "rebind.attacker.example" },
        payload: interaction("rebound"),
      }),
    );
    expectHostRefused(await app.inject({ url: "/v1/communities", headers: { host: "192.168.1.20:3000" } }));
  });

  it.each(["localhost", "localhost:3000", "127.0.0.1", "127.0.0.1:3000", "[::1]", "[::1]:3000", "LOCALHOST:3000"])(
    "serves Host %s",
    async (host) => {
      const response = await app.inject({ url: "/v1/communities", headers: { host } });
      expect(response.statusCode).toBe(200);
    },
  );

  it("refuses writes from another site's page, by Origin or Sec-Fetch-Site", async () => {
    for (const headers of [
      { origin: "https://attacker.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site" },
    ]) {
      const response = await app.inject({
        method: "POST",
        url: "/v1/communities/town/interactions",
        headers,
        payload: interaction(`cross-${JSON.stringify(headers).length}`),
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toMatchObject({ code: "cross_site_write" });
    }
  });

  it("accepts writes from local pages and from clients that send no Origin", async () => {
    let n = 0;
    for (const headers of [
      {},
      { origin: "http://localhost:5173" },
      { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "same-site" },
    ]) {
      const response = await app.inject({
        method: "POST",
        url: "/v1/communities/town/interactions",
        headers,
        payload: interaction(`local-${n++}`),
      });
      expect(response.statusCode, JSON.stringify(headers)).toBe(201);
    }
  });

  it("still lets another site's links and reads through (the browser keeps their answers from the page)", async () => {
    const response = await app.inject({
      url: "/v1/communities",
      headers: { origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe("with keys required", () => {
  let keyed: KeyedTestApp;
  beforeAll(async () => {
    keyed = await buildKeyedTestApp({ development: false });
  });
  afterAll(() => keyed.close());

  it("serves any Host and any Origin: the key is the guard", async () => {
    const headers = { ...keyed.admin, host: "copgraph.example.org" };
    expect((await keyed.app.inject({ url: "/v1/communities", headers })).statusCode).toBe(200);
    const write = await keyed.app.inject({
      method: "POST",
      url: "/v1/communities",
      headers: { ...headers, origin: "https://app.example.org", "sec-fetch-site": "cross-site" },
      payload: {
        communityId: "keyed",
        name: "Keyed",
        concern: "healthy lifestyle",
        occurredAt: "2025-01-01T09:00:00Z",
      },
    });
    expect(write.statusCode).toBe(201);
    expect((await keyed.app.inject({ url: "/v1/communities", headers: { host: REBOUND_HOST } })).statusCode).toBe(401);
  });
});
