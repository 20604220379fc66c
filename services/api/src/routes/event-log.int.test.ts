import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.close());

const history = (communityId: string, interactions: number) => [
  {
    type: "CommunityRegistered",
    data: { communityId, name: "Imported", concern: "history", occurredAt: "2024-01-01T00:00:00Z" },
  },
  {
    type: "MemberJoined",
    data: {
      memberId: "a",
      displayName: "A",
      sector: "research",
      occupationalLayer: "student",
      occurredAt: "2024-01-02T00:00:00Z",
    },
  },
  {
    type: "MemberJoined",
    data: {
      memberId: "b",
      displayName: "B",
      sector: "health",
      occupationalLayer: "director",
      attributes: { office: "Boston" },
      occurredAt: "2024-01-02T00:00:00Z",
    },
  },
  ...Array.from({ length: interactions }, (_, i) => ({
    id: randomUUID(),
    type: "InteractionRecorded",
    data: {
      interactionId: `i${i}`,
      kind: i % 2 ? "advice" : "feedback",
      from: i % 2 ? "a" : "b",
      to: [i % 2 ? "b" : "a"],
      occurredAt: "2024-02-01T00:00:00Z",
    },
  })),
];

const importBatch = (communityId: string, events: unknown[]) =>
  t.app.inject({ method: "POST", url: `/v1/communities/${communityId}/events`, payload: { events } });

describe("POST /v1/communities/{id}/events", () => {
  it("imports a whole history into a new community", async () => {
    const response = await importBatch("archive", history("archive", 5));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ communityId: "archive", revision: 7 });
    expect(await t.countEvents()).toBe(8);
  });

  it("imports 10,000 events in one batch", async () => {
    const response = await importBatch("big", history("big", 9_997));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    expect(response.json().revision).toBe(9_999);
  });

  it("refuses more than 10,000 events", async () => {
    const response = await importBatch("big", history("big", 9_998));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe("/events");
    expect(await t.countEvents()).toBe(0);
  });

  it("stores nothing when a rule fails deep in the batch, naming the event", async () => {
    const events = history("archive", 4);
    (events[5] as { data: { to: string[] } }).data.to = ["zoe"];
    const response = await importBatch("archive", events);
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json()).toMatchObject({ code: "unknown_member", errors: [{ pointer: "/events/5/data/to/0" }] });
    expect(await t.countEvents()).toBe(0);
  });

  it("refuses a batch that registers another community", async () => {
    const response = await importBatch("archive", history("elsewhere", 1));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].pointer).toBe("/events/0/data/communityId");
    expect(await t.countEvents()).toBe(0);
  });

  it("stores a retried batch with the same event ids once", async () => {
    const events = history("archive", 3).map((event) => ({ id: randomUUID(), ...event }));
    const first = await importBatch("archive", events);
    const retry = await importBatch("archive", events);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode, retry.body).toBe(409);
    expect(await t.countEvents()).toBe(6);
  });
});

describe("GET /v1/communities/{id}/events", () => {
  beforeEach(async () => {
    await importBatch("archive", history("archive", 7));
  });

  it("pages forwards from a revision with both clocks", async () => {
    const page = await t.app.inject({ method: "GET", url: "/v1/communities/archive/events?from=2&limit=3" });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ communityId: "archive", from: 2, limit: 3, revision: 9, next: 5 });
    expect(body.events.map((e: { revision: number }) => e.revision)).toEqual([2, 3, 4]);
    expect(body.events[0]).toMatchObject({
      type: "MemberJoined",
      occurredAt: "2024-01-02T00:00:00Z",
      recordedAt: "2026-06-01T12:00:00.000Z",
      schemaVersion: 1,
      data: { memberId: "b", attributes: { office: "Boston" } },
    });
    const last = await t.app.inject({ method: "GET", url: "/v1/communities/archive/events?from=8" });
    expect(last.json()).toMatchObject({ next: null });
    expect(last.json().events).toHaveLength(2);
  });

  it("streams NDJSON on request", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/v1/communities/archive/events?limit=4",
      headers: { accept: "application/x-ndjson" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/x-ndjson/);
    const lines = response.body
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
  });

  it("rejects a bad page and an unknown community", async () => {
    const bad = await t.app.inject({ method: "GET", url: "/v1/communities/archive/events?from=-1&limit=x" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
    ).toEqual(["/from", "/limit"]);
    const unknown = await t.app.inject({ method: "GET", url: "/v1/communities/nowhere/events" });
    expect(unknown.statusCode).toBe(404);
  });
});

describe("operations", () => {
  it("answers /healthz, /readyz and serves the API docs", async () => {
    await seedCommunity(t.app);
    expect((await t.app.inject("/healthz")).json()).toEqual({ status: "ok" });
    expect((await t.app.inject("/readyz")).json()).toEqual({ status: "ready" });
    const docs = await t.app.inject("/docs");
    expect([200, 302]).toContain(docs.statusCode);
    const spec = (await t.app.inject("/docs/json")).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/v1/communities", "/v1/communities/{id}/events", "/v1/communities/{id}/gatherings"]),
    );
  });

  it("answers unknown routes and malformed JSON with problem+json", async () => {
    const missing = await t.app.inject("/v2/nothing");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const malformed = await t.app.inject({
      method: "POST",
      url: "/v1/communities",
      payload: '{"name": ',
      headers: { "content-type": "application/json" },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});
