import { afterEach, beforeEach, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

// Two writes with one Idempotency-Key sent at the same time: the second must not take the first's
// answer unless it is the same request.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterEach(() => t.close());

const advice = (key: string, to: string) =>
  t.app.inject({
    method: "POST",
    url: "/v1/communities/town/interactions",
    headers: { "idempotency-key": key },
    payload: { kind: "advice", from: "ana", to: [to], occurredAt: "2025-03-01T09:00:00Z" },
  });

it("refuses a different request with a key still in flight (422), on every try", async () => {
  for (let trial = 0; trial < 20; trial++) {
    const [first, second] = await Promise.all([advice(`race-${trial}`, "ben"), advice(`race-${trial}`, "cem")]);
    expect([first.statusCode, second.statusCode], second.body).toEqual([201, 422]);
    expect(second.json().code).toBe("idempotency_key_reused");
  }
});

it("gives the same request sent twice at once one answer, stored once", async () => {
  const before = await t.countEvents();
  const [first, second] = await Promise.all([advice("same", "ben"), advice("same", "ben")]);
  expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
  expect(second.json()).toEqual(first.json());
  expect(await t.countEvents()).toBe(before + 1);
});
