import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, expect, it } from "vitest";
import { PersonalData } from "../personal/personal-data.js";
import { PersonalVault } from "../personal/personal-vault.js";
import { CommunityWriter } from "../write/community-writer.js";
import { CommunityHistories } from "./community-histories.js";
import { CommunityReader } from "./community-reader.js";

const now = new Date("2026-06-01T00:00:00Z");
let dir: string;
let store: EventStore;
let writer: CommunityWriter;
let histories: CommunityHistories;
let reader: CommunityReader;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-reader-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  writer = new CommunityWriter(store, () => now, new PersonalData(PersonalVault.inMemory(), store));
  histories = new CommunityHistories(store);
  histories.start();
  reader = new CommunityReader(writer, histories, () => now);
  for (const communityId of ["a", "b"]) {
    await writer.write({
      communityId,
      recordedBy: "test",
      correlationId: "setup",
      commands: [
        {
          type: "RegisterCommunity",
          data: { communityId, name: communityId, concern: "c", occurredAt: "2025-01-01T00:00:00Z" },
        },
        ...["x", "y"].map((memberId) => ({
          type: "JoinMember" as const,
          data: {
            memberId,
            displayName: memberId,
            sector: "health" as const,
            occupationalLayer: "student" as const,
            occurredAt: "2025-01-01T00:00:00Z",
          },
        })),
      ],
    });
  }
});
afterEach(async () => {
  await histories.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const values = async (communityId: string) => reader.indicators(await reader.view(communityId, {}), ["network.ties"]);

it("computes a query once per community revision, and a new event invalidates only its community", async () => {
  const a1 = await values("a");
  const b1 = await values("b");
  expect(await values("a")).toBe(a1);
  await writer.write({
    communityId: "a",
    recordedBy: "test",
    correlationId: "tie",
    commands: [
      {
        type: "RecordInteraction",
        data: { interactionId: "i", kind: "advice", from: "x", to: ["y"], occurredAt: "2025-02-01T00:00:00Z" },
      },
    ],
  });
  const a2 = await values("a");
  expect(a2).not.toBe(a1);
  expect(a2["network.ties"]!.value).toBe(1);
  expect(await values("b")).toBe(b1);
});

it("reads a community this process never wrote to: name and revision from its stream's ends, as its write model has them", async () => {
  const fresh = new CommunityWriter(store, () => now, new PersonalData(PersonalVault.inMemory(), store));
  const other = new CommunityReader(fresh, histories, () => now);
  const view = await other.view("a", {});
  expect({ name: view.name, revision: view.resolved.revision }).toEqual({ name: "a", revision: 2 });
  expect(await fresh.head("a")).toEqual(await writer.head("a"));
  await expect(other.view("nobody", {})).rejects.toThrow(/nobody/);
});
