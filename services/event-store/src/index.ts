// @copgraph/event-store: one port, two adapters. Callers see the port's types and errors only.

export * from "./errors.js";
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
  openEventStoreDbEventStore,
} from "./eventstoredb/index.js";
export { comparePositions } from "./internal/position.js";
export { type OpenEventStoreOptions, openEventStore } from "./open.js";
export * from "./port.js";
export {
  openSqliteEventStore,
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteEventStoreStats,
} from "./sqlite/index.js";
