import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildTestApp, seedCommunity, type TestApp } from "../testing/test-app.js";

// A batch is decided and appended piece by piece in one store transaction (as an NDJSON import
// is): these batches are longer than one piece, on the real app and a real SQLite log.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterEach(() => t.close());

const interactions = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => ({
    type: "InteractionRecorded",
    data: {
      interactionId: `${prefix}${i}`,
      kind: "advice",
      from: "ana",
      to: ["ben"],
      occurredAt: "2025-02-01T10:00:00Z",
    },
  }));

const postBatch = (events: unknown[]) =>
  t.app.inject({ method: "POST", url: "/v1/communities/town/events", payload: { events } });

const postInteraction = (interactionId: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: "POST",
    url: "/v1/communities/town/interactions",
    headers,
    payload: { interactionId, kind: "advice", from: "ben", to: ["ana"], occurredAt: "2025-02-02T10:00:00Z" },
  });

describe("POST /v1/communities/{id}/events, longer than one piece", () => {
  it("stores nothing when a rule fails in a later piece, naming the event, and writes on afterwards", async () => {
    const events = interactions(2_500, "i");
    (events[2_345] as { data: { to: string[] } }).data.to = ["zoe"];
    const refused = await postBatch(events);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({ code: "unknown_member", errors: [{ pointer: "/events/2345/data/to/0" }] });
    expect(await t.countEvents()).toBe(5);

    const next = await postInteraction("after", { "if-match": '"4"' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().revision).toBe(5);
  });

  it("answers with every event's revision and keeps the community's state for the next write", async () => {
    const stored = await postBatch(interactions(2_500, "i"));
    expect(stored.statusCode, stored.body.slice(0, 300)).toBe(201);
    const body = stored.json();
    expect(body.revision).toBe(2_504);
    expect(body.events).toHaveLength(2_500);
    expect(body.events[2_499]).toMatchObject({ type: "InteractionRecorded", revision: 2_504, recordId: "i2499" });

    // The write model holds the batch: an id it used is taken, and If-Match sees its revision.
    const reused = await postBatch(interactions(1, "i"));
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json().code).toBe("duplicate_record_id");
    const next = await postInteraction("after", { "if-match": '"2504"' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().revision).toBe(2_505);
  });

  it("lands a write sent during a batch before or after it, never inside it", async () => {
    const batch = postBatch(interactions(5_000, "i"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const single = await postInteraction("alongside");
    const stored = await batch;
    expect(stored.statusCode, stored.body.slice(0, 300)).toBe(201);
    expect(single.statusCode, single.body).toBe(201);
    const batchRevisions = stored.json().events.map((event: { revision: number }) => event.revision);
    const first = batchRevisions[0];
    expect(batchRevisions).toEqual(Array.from({ length: 5_000 }, (_, i) => first + i));
    expect([5, 5_005]).toContain(single.json().revision);
    expect(await t.countEvents()).toBe(5_006);
  });
});
