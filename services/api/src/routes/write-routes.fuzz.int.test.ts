import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzRuns } from "../testing/fuzz-runs.js";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";
import { jsonWriteRoutes } from "../testing/write-routes.js";

// Random and malformed payloads on every write route: never a 5xx, and a rejected request never
// changes the log.

const hostile = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE events; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u0000",
    "\ud800",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
    "${jndi:ldap://x}",
    "__proto__",
    "x".repeat(100_000),
  ),
  fc.string(),
);
const anyJson = fc.jsonValue({ maxDepth: 4 });

/** A valid body broken in one place: an unknown key, a wrong type, or a hostile string. */
const broken = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc
      .record({ key: fc.string({ minLength: 1 }), value: anyJson })
      .map(({ key, value }) => ({ ...valid, [`unknown ${key}`]: value })),
    fc
      .record({
        key: fc.constantFrom(...Object.keys(valid)),
        value: fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer())),
      })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid)), value: hostile })
      .map(({ key, value }) => ({ ...valid, [key]: value, unexpected: value })),
  );

const rawBodies = fc.oneof(
  fc.string(),
  fc.constantFrom("{", "[", '{"a":', "nul", '{"name":"\\ud800"}', "\u00ff\u00fe"),
  fc.integer({ min: 1, max: 5000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterAll(() => t.close());

describe.each(jsonWriteRoutes)("$method $url under random input", (route) => {
  const send = (payload: string | object, contentType = "application/json") =>
    t.app.inject({ method: route.method, url: route.url, payload, headers: { "content-type": contentType } });

  it("answers a broken body with 4xx and stores nothing", async () => {
    await fc.assert(
      fc.asyncProperty(broken(route.valid), async (body) => {
        const before = await t.countEvents();
        const response = await send(body);
        expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, response.body).toBeLessThan(500);
        expect(await t.countEvents()).toBe(before);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });

  it("answers arbitrary JSON without a 5xx, storing only what it accepts", async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, async (body) => {
        const before = await t.countEvents();
        const response = await send(JSON.stringify(body));
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode >= 400) expect(await t.countEvents()).toBe(before);
      }),
      { numRuns: fuzzRuns(40) },
    );
  });

  it("answers malformed bytes and wrong media types with 4xx, storing nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        rawBodies,
        fc.constantFrom("application/json", "text/plain", "application/xml"),
        async (raw, type) => {
          const before = await t.countEvents();
          const response = await send(raw, type);
          expect(response.statusCode, response.body).toBeGreaterThanOrEqual(400);
          expect(response.statusCode, response.body).toBeLessThan(500);
          expect(await t.countEvents()).toBe(before);
        },
      ),
      { numRuns: fuzzRuns(30) },
    );
  });
});
