import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openEventStoreDbEventStore } from "./eventstoredb/store.js";
import type { EventStore } from "./port.js";
import { openSqliteEventStore } from "./sqlite/store.js";

export interface OpenEventStoreOptions {
  /** Where the SQLite file `events.sqlite` lives (created when missing). Default: "./data". */
  readonly dataDir?: string;
  /** When set, EventStoreDB is used instead of SQLite, e.g. "esdb://localhost:2113?tls=false". */
  readonly eventStoreConnectionString?: string;
}

/** The one place that picks an adapter: EventStoreDB when a connection string is given, else SQLite. */
export function openEventStore(options: OpenEventStoreOptions = {}): EventStore {
  if (options.eventStoreConnectionString) {
    return openEventStoreDbEventStore({ connectionString: options.eventStoreConnectionString });
  }
  const dataDir = options.dataDir ?? "data";
  mkdirSync(dataDir, { recursive: true });
  return openSqliteEventStore({ path: join(dataDir, "events.sqlite") });
}
