import { afterEach, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp | undefined;
afterEach(() => t?.close());

const preflight = (app: TestApp["app"], origin: string) =>
  app.inject({
    method: "OPTIONS",
    url: "/v1/communities/town/interactions",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, authorization, idempotency-key",
    },
  });

describe("CORS", () => {
  it("allows no other origin by default", async () => {
    t = await buildTestApp();
    const read = await t.app.inject({
      method: "GET",
      url: "/v1/communities",
      headers: { origin: "https://other.example" },
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await preflight(t.app, "https://other.example")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("lets configured origins read and write, with the headers a write needs, and no other", async () => {
    t = await buildTestApp({ http: { corsOrigins: ["https://app.example.org"] } });
    const allowed = await preflight(t.app, "https://app.example.org");
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe("https://app.example.org");
    expect(String(allowed.headers["access-control-allow-methods"])).toContain("POST");
    expect(String(allowed.headers["access-control-allow-headers"])).toContain("idempotency-key");
    expect(allowed.headers["access-control-allow-credentials"]).toBeUndefined();

    const read = await t.app.inject({
      method: "GET",
      url: "/v1/communities",
      headers: { origin: "https://app.example.org" },
    });
    expect(read.headers["access-control-allow-origin"]).toBe("https://app.example.org");
    expect(String(read.headers["access-control-expose-headers"])).toContain("etag");

    const other = await preflight(t.app, "https://evil.example");
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows any origin with *", async () => {
    t = await buildTestApp({ http: { corsOrigins: ["*"] } });
    const read = await t.app.inject({
      method: "GET",
      url: "/v1/communities",
      headers: { origin: "https://x.example" },
    });
    expect(read.headers["access-control-allow-origin"]).toBe("*");
  });
});
