import { it } from "vitest";
import { describeEventStoreContract } from "../contract/index.js";
import type { EventStore } from "../port.js";
import { openEventStoreDbEventStore } from "./store.js";

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const SKIPPED = "EventStoreDB contract suite SKIPPED: set EVENTSTORE_CONNECTION_STRING to run it against a server";

if (connectionString) {
  // One server for all cases: the suite gives every case its own random stream prefix.
  describeEventStoreContract(
    "EventStoreDB",
    async () => {
      let store: EventStore = openEventStoreDbEventStore({ connectionString });
      return {
        store,
        reopen: async () => {
          await store.close();
          store = openEventStoreDbEventStore({ connectionString });
          return store;
        },
        cleanup: () => store.close(),
      };
    },
    { detectsIdReuseAcrossStreams: false },
  );
} else {
  console.warn(SKIPPED);
  it.skip(SKIPPED, () => {});
}
