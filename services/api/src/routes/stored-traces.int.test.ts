import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { A, type AccessTestApp, buildAccessTestApp } from "../testing/access-app.js";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

// What a request leaves in the event log besides its events: never the client's request id, never
// its Idempotency-Key as sent, never topics (free text); and a name-like member id gets a warning.

const clientRequestId = "req-for-xanthippe-vorobyeva";
const idempotencyKey = "key-naming-xanthippe-vorobyeva";
const topic = "Xanthippe's kiln recipe";

const logBytes = (dir: string) =>
  Buffer.concat(
    readdirSync(dir)
      .filter((file) => file.startsWith("events.sqlite"))
      .map((file) => readFileSync(join(dir, file))),
  );

describe("what a write leaves in the log", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedCommunity(t.app);
  });
  afterAll(() => t.close());

  it("keeps the request id of its own, the key hashed, and topics out of the log", async () => {
    const written = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/interactions",
      headers: { "x-request-id": clientRequestId, "idempotency-key": idempotencyKey },
      payload: { kind: "advice", from: "ana", to: ["ben"], topics: [topic], occurredAt: "2025-03-01T09:00:00Z" },
    });
    expect(written.statusCode, written.body).toBe(201);
    const page = await t.app.inject({ url: "/v1/communities/town/events?limit=100" });
    const last = page.json().events.at(-1);
    expect(last.data.topics).toEqual([topic]);
    expect(last.metadata.correlationId).not.toBe(clientRequestId);
    expect(JSON.stringify(last.metadata)).not.toContain(idempotencyKey);
    const bytes = logBytes(t.dataDir);
    for (const text of [clientRequestId, idempotencyKey, topic]) expect(bytes.includes(text), text).toBe(false);
    // The hashed key still makes a retry idempotent.
    const retry = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/interactions",
      headers: { "idempotency-key": idempotencyKey },
      payload: { kind: "advice", from: "ana", to: ["ben"], topics: [topic], occurredAt: "2025-03-01T09:00:00Z" },
    });
    expect(retry.json()).toEqual(written.json());
  });

  it("warns of a member id that carries the member's name, and stores the member", async () => {
    const join = (memberId: string, displayName: string) =>
      t.app.inject({
        method: "POST",
        url: "/v1/communities/town/members",
        payload: { memberId, displayName, sector: "business", occupationalLayer: "director" },
      });
    const named = await join("xanthippe.vorobyeva", "Xanthippe Vorobyeva");
    expect(named.statusCode).toBe(201);
    expect(named.json().warnings.join(" ")).toContain("name");
    // Ids never hold '@' or whitespace: the id pattern refuses them.
    expect((await join("x@example.org", "X")).statusCode).toBe(400);
    expect((await join("m-7f3a9c", "Xanthippe Vorobyeva")).json()).not.toHaveProperty("warnings");
  });
});

describe("what the audit log keeps of a request", () => {
  let t: AccessTestApp;
  beforeAll(async () => {
    t = await buildAccessTestApp();
  });
  afterAll(async () => t?.close());

  it("records the server's request id, never the client's", async () => {
    await t.app.inject({
      url: `/v1/communities/${A}/events`,
      headers: { ...t.headers.facilitatorA, "x-request-id": clientRequestId },
    });
    const audit = await t.app.inject({ url: "/v1/audit", headers: t.headers.admin });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain(clientRequestId);
    expect(audit.json().entries[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
