export {
  openSqliteEventStore,
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteEventStoreStats,
} from "./store.js";
