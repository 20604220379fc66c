import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

// Every write route, through the real app on a real SQLite log: a valid write, an invalid body,
// an unknown community, a stale If-Match and a retried Idempotency-Key.

interface WriteRoute {
  name: string;
  method: "POST" | "PATCH";
  url: (communityId: string) => string;
  valid: (n: number) => unknown;
  invalid: unknown;
  invalidPointer: string;
}

const routes: WriteRoute[] = [
  {
    name: "POST /v1/communities/{id}/members",
    method: "POST",
    url: (id) => `/v1/communities/${id}/members`,
    valid: (n) => ({ memberId: `new${n}`, displayName: `New ${n}`, sector: "health", occupationalLayer: "management" }),
    invalid: { memberId: "x", displayName: "X", sector: "banking", occupationalLayer: "management" },
    invalidPointer: "/sector",
  },
  {
    name: "PATCH /v1/communities/{id}/members/{memberId}",
    method: "PATCH",
    url: (id) => `/v1/communities/${id}/members/ana`,
    valid: (n) => ({ organisation: `School ${n}` }),
    invalid: { occupationalLayer: "emperor" },
    invalidPointer: "/occupationalLayer",
  },
  {
    name: "POST /v1/communities/{id}/members/{memberId}/leave",
    method: "POST",
    url: (id) => `/v1/communities/${id}/members/cem/leave`,
    valid: (n) => ({ reason: `moved away ${n}` }),
    invalid: { reason: 42 },
    invalidPointer: "/reason",
  },
  {
    name: "POST /v1/communities/{id}/retractions",
    method: "POST",
    url: (id) => `/v1/communities/${id}/retractions`,
    valid: (n) => ({ recordId: "seed-i", reason: `logged twice ${n}` }),
    invalid: { recordId: "seed-i", reason: "" },
    invalidPointer: "/reason",
  },
  {
    name: "POST /v1/communities/{id}/interactions",
    method: "POST",
    url: (id) => `/v1/communities/${id}/interactions`,
    valid: (n) => ({
      interactionId: `i${n}`,
      kind: "advice",
      from: "ana",
      to: ["ben"],
      occurredAt: "2025-02-01T10:00:00Z",
    }),
    invalid: { kind: "advice", from: "ana", to: "ben" },
    invalidPointer: "/to",
  },
  {
    name: "POST /v1/communities/{id}/gatherings",
    method: "POST",
    url: (id) => `/v1/communities/${id}/gatherings`,
    valid: (n) => ({
      gatheringId: `g${n}`,
      format: "workshop",
      occurredAt: "2025-02-03T10:00:00Z",
      participants: [
        { memberId: "ana", role: "facilitator" },
        { memberId: "ben", role: "learner" },
      ],
    }),
    invalid: {
      format: "workshop",
      participants: [
        { memberId: "ana", role: "king" },
        { memberId: "ben", role: "learner" },
      ],
    },
    invalidPointer: "/participants/0/role",
  },
  {
    name: "POST /v1/communities/{id}/events",
    method: "POST",
    url: (id) => `/v1/communities/${id}/events`,
    valid: (n) => ({
      events: [
        {
          type: "InteractionRecorded",
          data: {
            interactionId: `b${n}`,
            kind: "mentoring",
            from: "ben",
            to: ["cem"],
            occurredAt: "2025-03-01T10:00:00Z",
          },
        },
      ],
    }),
    invalid: {
      events: [
        {
          type: "InteractionRecorded",
          data: { interactionId: "ok", kind: "advice", from: "ana", to: ["ben"], occurredAt: "2025-03-01T10:00:00Z" },
        },
        {
          type: "InteractionRecorded",
          data: { interactionId: "bad", kind: "advice", from: "ana", to: ["ben"], occurredAt: "yesterday" },
        },
      ],
    },
    invalidPointer: "/events/1/data/occurredAt",
  },
];

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterEach(() => t.close());

describe.each(routes)("$name", (route) => {
  const send = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: route.method, url, payload: payload as object, headers });

  it("stores a valid write and answers 201 with the new revision", async () => {
    const before = await t.countEvents();
    const response = await send(route.url("town"), route.valid(1));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body.revision).toBe(5);
    expect(response.headers.etag).toBe('"5"');
    expect(body.events).toHaveLength(1);
    expect(await t.countEvents()).toBe(before + 1);
  });

  it("rejects an invalid body with 400 problem+json naming the field, storing nothing", async () => {
    const before = await t.countEvents();
    const response = await send(route.url("town"), route.invalid);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: "validation" });
    expect(problem.errors.map((e: { pointer: string }) => e.pointer)).toContain(route.invalidPointer);
    expect(await t.countEvents()).toBe(before);
  });

  it("answers 404 for an unknown community, storing nothing", async () => {
    const before = await t.countEvents();
    const response = await send(route.url("nowhere"), route.valid(2));
    expect(response.statusCode, response.body).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, code: "community_not_registered" });
    expect(await t.countEvents()).toBe(before);
  });

  it("answers 412 to a stale If-Match and 201 to the current one", async () => {
    const before = await t.countEvents();
    const stale = await send(route.url("town"), route.valid(3), { "if-match": '"3"' });
    expect(stale.statusCode, stale.body).toBe(412);
    expect(stale.json()).toMatchObject({ status: 412, code: "revision_mismatch" });
    expect(await t.countEvents()).toBe(before);
    const current = await send(route.url("town"), route.valid(3), { "if-match": '"4"' });
    expect(current.statusCode, current.body).toBe(201);
  });

  it("returns the first answer to a retried Idempotency-Key and stores once", async () => {
    const before = await t.countEvents();
    const headers = { "idempotency-key": `key-${routes.indexOf(route)}` };
    const first = await send(route.url("town"), route.valid(4), headers);
    const retried = await send(route.url("town"), route.valid(4), headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(retried.statusCode).toBe(201);
    expect(retried.body).toBe(first.body);
    expect(await t.countEvents()).toBe(before + 1);
    const reused = await send(route.url("town"), route.valid(5), headers);
    expect(reused.statusCode, reused.body).toBe(422);
    expect(reused.json().code).toBe("idempotency_key_reused");
    expect(await t.countEvents()).toBe(before + 1);
  });
});
