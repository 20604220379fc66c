import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.close());

const register = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/v1/communities", payload: payload as object, headers });

describe("POST /v1/communities", () => {
  it("registers a community at revision 0 with its location", async () => {
    const response = await register({ communityId: "makers", name: "Makers", concern: "repair culture" });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers.location).toBe("/v1/communities/makers");
    expect(response.json()).toMatchObject({
      communityId: "makers",
      revision: 0,
      events: [{ type: "CommunityRegistered" }],
    });
  });

  it("generates an id when none is given", async () => {
    const response = await register({ name: "Makers", concern: "repair culture" });
    expect(response.statusCode).toBe(201);
    expect(response.json().communityId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("rejects an id with '-' (it would break the stream category) and a missing name, storing nothing", async () => {
    const response = await register({ communityId: "my-town", concern: "x" });
    expect(response.statusCode).toBe(400);
    const pointers = response.json().errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(["/communityId", "/name"]));
    expect(await t.countEvents()).toBe(0);
  });

  it("answers 409 when the community exists", async () => {
    await register({ communityId: "makers", name: "Makers", concern: "repair culture" });
    const again = await register({ communityId: "makers", name: "Makers", concern: "repair culture" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("community_already_registered");
    expect(await t.countEvents()).toBe(1);
  });

  it("lands a keyed retry without an id on the same community", async () => {
    const headers = { "idempotency-key": "register-once" };
    const first = await register({ name: "Makers", concern: "repair culture" }, headers);
    const retry = await register({ name: "Makers", concern: "repair culture" }, headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(await t.countEvents()).toBe(1);
  });
});

describe("GET /v1/communities and /v1/communities/{id}", () => {
  it("lists communities with their counts", async () => {
    await seedCommunity(t.app, "town");
    await register({ communityId: "makers", name: "Makers", concern: "repair culture" });
    const list = await t.app.inject({ method: "GET", url: "/v1/communities" });
    expect(list.statusCode).toBe(200);
    expect(list.json().communities.map((c: { communityId: string }) => c.communityId)).toEqual(["town", "makers"]);
    const one = await t.app.inject({ method: "GET", url: "/v1/communities/town" });
    expect(one.statusCode).toBe(200);
    expect(one.headers.etag).toBe('"4"');
    expect(one.json()).toMatchObject({
      communityId: "town",
      name: "Healthy town",
      revision: 4,
      members: 3,
      activeMembers: 3,
      interactions: 1,
      registeredAt: "2025-01-01T09:00:00Z",
      lastOccurredAt: "2025-01-10T09:00:00.000Z",
    });
  });

  it("answers 404 problem+json for an unknown community", async () => {
    const response = await t.app.inject({ method: "GET", url: "/v1/communities/nowhere" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, code: "community_not_found" });
  });
});

describe("decider rules through the API", () => {
  beforeEach(() => seedCommunity(t.app, "town"));
  const post = (path: string, payload: unknown) =>
    t.app.inject({ method: "POST", url: `/v1/communities/town/${path}`, payload: payload as object });

  it.each([
    ["a self-tie", "interactions", { kind: "advice", from: "ana", to: ["ben", "ana"] }, 422, "self_tie", "/to/1"],
    ["an unknown member", "interactions", { kind: "advice", from: "ana", to: ["zoe"] }, 422, "unknown_member", "/to/0"],
    [
      "a future date",
      "interactions",
      { kind: "advice", from: "ana", to: ["ben"], occurredAt: "2027-01-01T00:00:00Z" },
      422,
      "future_occurred_at",
      "/occurredAt",
    ],
    [
      "a duplicate member",
      "members",
      { memberId: "ana", displayName: "A", sector: "health", occupationalLayer: "student" },
      409,
      "member_already_joined",
      "/memberId",
    ],
    ["an unknown record", "retractions", { recordId: "nope", reason: "typo" }, 422, "unknown_record", "/recordId"],
  ])("rejects %s, storing nothing", async (_name, path, payload, status, code, pointer) => {
    const before = await t.countEvents();
    const response = await post(path, payload);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json()).toMatchObject({ code, errors: [{ pointer, code }] });
    expect(await t.countEvents()).toBe(before);
  });
});
