export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
  openEventStoreDbEventStore,
} from "./store.js";
