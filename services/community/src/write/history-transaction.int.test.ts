import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CommunityEvent, commandForEvent, DomainError } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore, StreamNotFoundError } from "@copgraph/event-store";
import { afterEach, beforeEach, expect, it } from "vitest";
import { PersonalData } from "../personal/personal-data.js";
import { PersonalVault } from "../personal/personal-vault.js";
import { CommunityWriter } from "./community-writer.js";

// A history added piece by piece in one store transaction: nothing of it is stored unless all of
// it is decided valid and committed.

const now = new Date("2026-06-01T00:00:00Z");
const at = "2025-03-01T00:00:00Z";
let dir: string;
let store: EventStore;
let vault: PersonalVault;
let writer: CommunityWriter;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-history-tx-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  vault = PersonalVault.inMemory();
  writer = new CommunityWriter(store, () => now, new PersonalData(vault, store));
});

afterEach(async () => {
  await store.close();
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

const registered: CommunityEvent = {
  type: "CommunityRegistered",
  data: { communityId: "c", name: "C", concern: "practice", occurredAt: "2025-01-01T00:00:00Z" },
};
const joined = (memberId: string): CommunityEvent => ({
  type: "MemberJoined",
  data: {
    memberId,
    displayName: `Name ${memberId}`,
    sector: "education",
    occupationalLayer: "student",
    occurredAt: at,
  },
});
const advice = (n: number, from: string, to: string): CommunityEvent => ({
  type: "InteractionRecorded",
  data: { interactionId: `i${n}`, kind: "advice", from, to: [to], occurredAt: at },
});
const piece = (events: CommunityEvent[]) => {
  const ids = events.map(() => randomUUID());
  return [events.map(commandForEvent), ids] as const;
};

it("stores every piece once committed, with the names kept out of the log", async () => {
  const history = await writer.beginHistory("c", { recordedBy: "test", correlationId: "t" });
  if (!history) throw new Error("SQLite offers stream transactions");
  await history.add(...piece([registered, joined("a"), joined("b")]));
  await history.add(...piece(Array.from({ length: 500 }, (_, i) => advice(i, i % 2 ? "a" : "b", i % 2 ? "b" : "a"))));
  expect(await store.listStreams()).toEqual([]);
  const result = await history.commit();
  expect(result.nextExpectedRevision).toBe(502n);
  const stored = await store.readStream("community-c", { maxCount: 1_000 });
  expect(stored).toHaveLength(503);
  expect(JSON.stringify(stored.map((event) => event.data))).not.toContain("Name a");
  // The writer reads the history afresh: the next write is decided against all of it.
  const again = writer.write({
    communityId: "c",
    recordedBy: "test",
    correlationId: "after",
    commands: [commandForEvent(advice(0, "a", "b"))],
  });
  await expect(again).rejects.toBeInstanceOf(DomainError);
});

it("decides each piece against the pieces before it, and stores nothing of a history with a broken rule", async () => {
  const history = await writer.beginHistory("c", { recordedBy: "test", correlationId: "t" });
  if (!history) throw new Error("SQLite offers stream transactions");
  await history.add(...piece([registered, joined("a"), joined("b")]));
  await history.add(...piece(Array.from({ length: 300 }, (_, i) => advice(i, "a", "b"))));
  const error = await history.add(...piece([advice(300, "a", "b"), advice(7, "a", "b")])).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).index).toBe(304);
  await history.abort();
  await expect(store.readStream("community-c")).rejects.toBeInstanceOf(StreamNotFoundError);
  // Nothing is held open: the community can be written afresh.
  await writer.write({
    communityId: "c",
    recordedBy: "test",
    correlationId: "after",
    commands: [commandForEvent(registered)],
  });
  expect(await store.readStream("community-c")).toHaveLength(1);
});
