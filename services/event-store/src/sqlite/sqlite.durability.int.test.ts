import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EventData } from "../port.js";
import { openSqliteEventStore } from "./store.js";
import { tempDir } from "./test-support.js";

const event = (i: number): EventData => ({ id: randomUUID(), type: "T", data: { i }, metadata: { at: "é" } });

describe("SQLite file", () => {
  let path: string;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    ({ path, remove } = await tempDir());
  });

  afterEach(() => remove());

  it("keeps every acknowledged event, its position and revision across close and reopen", async () => {
    const first = openSqliteEventStore({ path });
    const batch = Array.from({ length: 50 }, (_, i) => event(i));
    const appended = await first.appendToStream("community-1", batch);
    await first.appendToStream("community-2", [event(99)]);
    const before = await first.readAll();
    await first.close();

    const second = openSqliteEventStore({ path });
    try {
      expect(await second.readAll()).toEqual(before);
      expect(await second.listStreams("community-")).toEqual([
        { streamId: "community-1", revision: 49n },
        { streamId: "community-2", revision: 0n },
      ]);
      // Revision checks and idempotency work from what is on disk.
      expect(await second.appendToStream("community-1", batch)).toEqual(appended);
      const next = await second.appendToStream("community-1", [event(50)], { expectedRevision: 49n });
      expect(next.nextExpectedRevision).toBe(50n);
      expect(next.position.commit).toBeGreaterThan(before.at(-1)!.position.commit);
    } finally {
      await second.close();
    }
  });

  it("uses WAL and records the schema version", async () => {
    const store = openSqliteEventStore({ path });
    await store.appendToStream("s", [event(1)]);
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.pragma("user_version", { simple: true })).toBe(1);
      const row = db.prepare("SELECT stream_id, revision, type, data, metadata FROM events").get();
      expect(row).toEqual({ stream_id: "s", revision: 0, type: "T", data: '{"i":1}', metadata: '{"at":"é"}' });
    } finally {
      db.close();
    }
  });
});
