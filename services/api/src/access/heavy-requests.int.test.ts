import { type Communities, seedDemo } from "@copgraph/community";
import type { CompareResponse } from "@copgraph/contract";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import type { App } from "../app.js";
import { buildPooledApp, type PooledApp } from "../testing/pooled-app.js";

// A listening app (real sockets: a client can go away) over the demo log, one analytics thread and
// one heavy request per caller. Orders are awaited as states of the pool, never as durations.

const now = new Date("2026-06-01T00:00:00Z");
let pooled: PooledApp;
let communities: Communities;
let app: App;
let url: string;

beforeAll(async () => {
  pooled = await buildPooledApp({
    now,
    analytics: { threads: 1, budgetMs: 120_000 },
    heavyRequestsPerKey: 1,
    seed: (store, core) => seedDemo(store, core.writer, now),
  });
  ({ app, communities } = pooled);
  url = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => pooled?.close());

/** About a hundred weekly dates of every indicator: minutes of work. */
const heavyTimeline = "/v1/communities/makerlearning/indicators/timeline?from=2024-06-08T00:00:00Z&step=P1W";
const lightCompare = "/v1/compare?communities=activeageing&indicators=network.ties";
const untilState = { timeout: 60_000, interval: 20 };

it("refuses a caller's heavy request past its cap with 429, and stops the computation of a caller who went away", async () => {
  const pool = communities.analytics!;
  const caller = new AbortController();
  const heavy = fetch(`${url}${heavyTimeline}`, { signal: caller.signal }).catch((error: Error) => error.name);
  await vi.waitFor(() => expect(pool.busy).toBe(1), untilState);

  const refused = await fetch(`${url}${lightCompare}`);
  expect(refused.status).toBe(429);
  expect(refused.headers.get("retry-after")).toBe("1");
  expect(await refused.json()).toMatchObject({ code: "too_many_heavy_requests" });
  // Reads that compute no indicator are not counted.
  expect((await fetch(`${url}/v1/communities/makerlearning`)).status).toBe(200);

  caller.abort();
  expect(await heavy).toBe("AbortError");
  await vi.waitFor(() => expect(pool.stops.byThread + pool.stops.byReplacing).toBe(1), untilState);
  expect(pool.busy).toBe(0);
  // Its place is free again, and so is the thread.
  const answered = await fetch(`${url}${lightCompare}`);
  expect(answered.status).toBe(200);
  const { communities: compared } = (await answered.json()) as CompareResponse;
  expect(compared[0]!.indicators["network.ties"]!.value).toBeGreaterThan(0);
});

it("refuses a timeline whose dates × permutations pass the limit with 400 naming it", async () => {
  const response = await app.inject(`${heavyTimeline}&permutations=2000`);
  expect(response.statusCode).toBe(400);
  const problem = response.json();
  expect(problem.code).toBe("too_many_step_permutations");
  expect(problem.detail).toMatch(/^\d+ dates × 2000 permutations is more than 200,000/);
  expect(problem.errors).toEqual([
    { in: "querystring", pointer: "/permutations", message: "dates × permutations more than 200,000" },
  ]);
});
