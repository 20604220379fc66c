import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKeyedTestApp, type KeyedTestApp } from "../testing/keyed-app.js";
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

  it("never limits health probes", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await get("/healthz")).statusCode).toBe(200);
      expect((await get("/readyz")).statusCode).toBe(200);
    }
  });
});

describe("rate limit with keys required", () => {
  const MAX = 3;
  let keyed: KeyedTestApp;
  beforeAll(async () => {
    keyed = await buildKeyedTestApp({ development: false, http: { rateLimit: { max: MAX, windowMs: 60_000 } } });
  });
  afterAll(() => keyed.close());

  // Each test calls from an address of its own, so budgets by address start full.
  let address = 0;
  const from = () => `10.0.0.${++address}`;
  const statuses = async (remoteAddress: string, authorizations: readonly (string | undefined)[]) => {
    const seen: number[] = [];
    for (const authorization of authorizations) {
      const headers = authorization === undefined ? {} : { authorization };
      seen.push((await keyed.app.inject({ url: "/v1/communities", headers, remoteAddress })).statusCode);
    }
    return seen;
  };

  it("gives a key one budget however its header is spelled", async () => {
    const secret = keyed.keys.create({ role: "admin" }).secret;
    const spellings = [`Bearer ${secret}`, `bearer ${secret}`, `Bearer  ${secret}`, `BEARER ${secret}`];
    expect(await statuses(from(), spellings)).toEqual([200, 200, 200, 429]);
  });

  it("gives every key its own budget, apart from the address", async () => {
    const address = from();
    for (const role of ["admin", "facilitator"] as const) {
      const secret = keyed.keys.create({ role, ...(role === "facilitator" ? { communities: ["a"] } : {}) }).secret;
      expect(await statuses(address, Array(MAX + 1).fill(`Bearer ${secret}`))).toEqual([200, 200, 200, 429]);
    }
    expect(await statuses(address, [undefined])).toEqual([401]);
  });

  it("counts requests without a valid key by address: 401s use up its budget", async () => {
    const address = from();
    expect(await statuses(address, [undefined, "Bearer cgk_unknown", "Basic dXNlcjpwYXNz", undefined])).toEqual([
      401, 401, 401, 429,
    ]);
    // A valid key from the same address has a budget of its own.
    const secret = keyed.keys.create({ role: "admin" }).secret;
    expect(await statuses(address, [`Bearer ${secret}`])).toEqual([200]);
  });

  it("counts refused requests of a valid key (403) against that key", async () => {
    const secret = keyed.keys.create({ role: "facilitator", communities: ["a"] }).secret;
    const address = from();
    const audit = async () =>
      (
        await keyed.app.inject({
          url: "/v1/audit",
          headers: { authorization: `Bearer ${secret}` },
          remoteAddress: address,
        })
      ).statusCode;
    expect([await audit(), await audit(), await audit(), await audit()]).toEqual([403, 403, 403, 429]);
  });
});
