import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeEventStoreContract } from "../contract/index.js";
import type { EventStore } from "../port.js";
import { openSqliteEventStore } from "./store.js";

// Every case gets its own file under the OS temp dir, removed afterwards.
describeEventStoreContract("SQLite", async () => {
  const dir = await mkdtemp(join(tmpdir(), "copgraph-event-store-"));
  const path = join(dir, "events.sqlite");
  let store: EventStore = openSqliteEventStore({ path });
  const first = store;
  return {
    store: first,
    reopen: async () => {
      await store.close();
      store = openSqliteEventStore({ path });
      return store;
    },
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
