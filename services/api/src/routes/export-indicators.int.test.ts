import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Communities, openCommunities, PersonalVault } from "@copgraph/community";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, buildApp } from "../app.js";
import { seedCommunity } from "../testing/test-app.js";

// The indicators CSV computes every indicator: it runs in the analytics threads within the
// request's time budget, as /indicators does, and never on the thread that answers everyone else.

const now = new Date("2026-06-01T00:00:00Z");
let dir: string;
let store: EventStore;
let vault: PersonalVault;
let communities: Communities;
let app: App;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-export-indicators-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  vault = PersonalVault.inMemory();
  // A budget no computation meets: what is computed within it answers 503.
  communities = await openCommunities(store, vault, () => now, { analytics: { threads: 1, budgetMs: 1 } });
  app = await buildApp({ store, personalVault: vault, communities, clock: () => now });
  await seedCommunity(app);
});
afterAll(async () => {
  await app.close();
  await communities.close();
  await store.close();
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

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
