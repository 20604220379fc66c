import { afterAll, beforeAll, expect, it } from "vitest";
import type { App } from "../app.js";
import { buildPooledApp, type PooledApp } from "../testing/pooled-app.js";
import { seedCommunity } from "../testing/test-app.js";

// The indicators CSV computes every indicator: it runs in the analytics threads within the
// request's time budget, as /indicators does, and never on the thread that answers everyone else.

let pooled: PooledApp;
let app: App;

beforeAll(async () => {
  // A budget no computation meets: what is computed within it answers 503.
  pooled = await buildPooledApp({ now: new Date("2026-06-01T00:00:00Z"), analytics: { threads: 1, budgetMs: 1 } });
  app = pooled.app;
  await seedCommunity(app);
});
afterAll(() => pooled?.close());

it("answers 503 with Retry-After past the analytics budget, as /indicators does", async () => {
  for (const url of ["/v1/communities/town/indicators", "/v1/communities/town/export?format=indicators-csv"]) {
    const response = await app.inject(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(503);
    // Past the budget while computing, or while waiting for a thread.
    expect(["analytics_budget_exceeded", "analytics_busy"]).toContain(response.json().code);
    expect(response.headers["retry-after"]).toBeDefined();
  }
  // The other formats compute no indicator.
  expect((await app.inject("/v1/communities/town/export?format=ndjson")).statusCode).toBe(200);
});
