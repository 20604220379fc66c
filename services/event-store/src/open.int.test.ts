import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EventStoreDbEventStore } from "./eventstoredb/index.js";
import { openEventStore, SqliteEventStore } from "./index.js";
import { tempDir } from "./sqlite/test-support.js";

describe("openEventStore", () => {
  it("opens SQLite at <dataDir>/events.sqlite, creating the directory", async () => {
    const temp = await tempDir();
    const dataDir = join(temp.dir, "nested", "data");
    const store = await openEventStore({ dataDir });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(existsSync(join(dataDir, "events.sqlite"))).toBe(true);
    } finally {
      await store.close();
      await temp.remove();
    }
  });

  it("chooses EventStoreDB when a connection string is given (no connection is made until used)", async () => {
    const store = await openEventStore({ eventStoreConnectionString: "esdb://localhost:2113?tls=false" });
    expect(store).toBeInstanceOf(EventStoreDbEventStore);
    await store.close();
  });
});
