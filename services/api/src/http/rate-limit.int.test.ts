import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ http: { rateLimit: { max: 3, windowMs: 60_000 } } });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: "GET", url, headers });

describe("rate limit per key", () => {
  it("answers the request over the limit with 429 problem+json and Retry-After", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await get("/v1/communities");
      expect(response.statusCode).toBe(200);
      expect(response.headers["x-ratelimit-remaining"]).toBe(String(2 - i));
    }
    const over = await get("/v1/communities");
    expect(over.statusCode).toBe(429);
    expect(over.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(over.json()).toMatchObject({ status: 429, code: "rate_limited", title: "Too many requests" });
  });

  it("gives every API key its own budget, apart from the address", async () => {
    for (const key of ["Bearer one", "Bearer two"]) {
      for (let i = 0; i < 3; i++) expect((await get("/v1/communities", { authorization: key })).statusCode).toBe(200);
      expect((await get("/v1/communities", { authorization: key })).statusCode).toBe(429);
    }
  });

  it("never limits health probes", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await get("/healthz")).statusCode).toBe(200);
      expect((await get("/readyz")).statusCode).toBe(200);
    }
  });
});
