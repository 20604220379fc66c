import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PersonalVault } from "@copgraph/community";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, expect, it } from "vitest";
import { buildApp } from "../../services/api/src/app.js";
import { seedCommunity, TEST_NOW } from "../../services/api/src/testing/test-app.js";

// An erasure is noted in the vault before MemberErased is appended; if the process dies before the
// values are deleted, the next start deletes them before anything can be read.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-resume-erasure-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function start() {
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const vault = PersonalVault.inDataDir(dir);
  const app = await buildApp({ store, personalVault: vault, clock: () => TEST_NOW });
  return {
    app,
    vault,
    stop: async () => {
      await app.close();
      await store.close();
      vault.close();
    },
  };
}

it("finishes at the next start an erasure that a crash cut short", async () => {
  const first = await start();
  await seedCommunity(first.app);
  expect(first.vault.latestOf("town", { kind: "member", id: "ben" })).toEqual({ displayName: "Ben" });
  // The state right after the note and the append, before the values were deleted.
  first.vault.markErasing("town", ["ben"]);
  expect(first.vault.pendingErasures()).toEqual(new Map([["town", ["ben"]]]));
  await first.stop();

  const second = await start();
  try {
    expect(second.vault.latestOf("town", { kind: "member", id: "ben" })).toEqual({});
    expect(second.vault.latestOf("town", { kind: "member", id: "ana" })).toEqual({ displayName: "Ana" });
    expect(second.vault.pendingErasures()).toEqual(new Map());
  } finally {
    await second.stop();
  }
});

it("leaves no note behind after an erasure that finished", async () => {
  const app = await start();
  try {
    await seedCommunity(app.app);
    const erased = await app.app.inject({
      method: "POST",
      url: "/v1/communities/town/members/cem/erase",
      payload: { occurredAt: "2025-03-01T09:00:00Z" },
    });
    expect(erased.statusCode, erased.body).toBe(201);
    expect(app.vault.latestOf("town", { kind: "member", id: "cem" })).toEqual({});
    expect(app.vault.pendingErasures()).toEqual(new Map());
  } finally {
    await app.stop();
  }
});

it("discards at the next start values filed for an append that a crash cut short, keeps those stored", async () => {
  const first = await start();
  await seedCommunity(first.app);
  // Filed, then the process died before the append: nothing in the log refers to it.
  await first.vault.put("town", [
    { eventId: "never-appended", subject: { kind: "member", id: "zoe" }, values: { displayName: "Zoe Unstored" } },
  ]);
  await first.stop();
  const second = await start();
  expect(second.vault.unsettled()).toEqual(new Map());
  expect(second.vault.latestOf("town", { kind: "member", id: "zoe" })).toEqual({});
  expect(second.vault.latestOf("town", { kind: "member", id: "ana" })).toEqual({ displayName: "Ana" });
  await second.stop();
});
