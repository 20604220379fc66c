// @copgraph/event-store: one port, two adapters. Callers see the port's types and errors only.

export * from "./errors.js";
// The EventStoreDB adapter is not re-exported: openEventStore loads it (and its gRPC client) on demand.
export { comparePositions } from "./internal/position.js";
// Worker threads from TypeScript sources (tests) as well as built code.
export { startWorker } from "./internal/start-worker.js";
export { type OpenEventStoreOptions, openEventStore } from "./open.js";
export * from "./port.js";
export {
  openSqliteEventStore,
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteEventStoreStats,
} from "./sqlite/index.js";
