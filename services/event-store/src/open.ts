import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { EventStore } from "./port.js";
import { openSqliteEventStore } from "./sqlite/store.js";

export interface OpenEventStoreOptions {
  /** Where the SQLite file `events.sqlite` lives (created when missing). Default: "./data". */
  readonly dataDir?: string;
  /** When set, EventStoreDB is used instead of SQLite, e.g. "esdb://localhost:2113?tls=false". */
  readonly eventStoreConnectionString?: string;
}

/**
 * The one place that picks an adapter: EventStoreDB when a connection string is given, else SQLite.
 * The EventStoreDB client (gRPC) is loaded only then: it takes longer to load than a whole import.
 */
export async function openEventStore(options: OpenEventStoreOptions = {}): Promise<EventStore> {
  if (options.eventStoreConnectionString) {
    const { openEventStoreDbEventStore } = await import("./eventstoredb/store.js");
    return openEventStoreDbEventStore({ connectionString: options.eventStoreConnectionString });
  }
  const dataDir = options.dataDir ?? "data";
  mkdirSync(dataDir, { recursive: true });
  return openSqliteEventStore({ path: join(dataDir, "events.sqlite") });
}
