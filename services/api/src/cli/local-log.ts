import { type EventStore, openEventStore } from "@copgraph/event-store";
import { CommunityWriter } from "../write/community-writer.js";

export interface LocalLog {
  readonly store: EventStore;
  readonly writer: CommunityWriter;
  close(): Promise<void>;
}

/** The event log in a data folder (or the EventStoreDB of EVENTSTORE_CONNECTION_STRING), for commands that run without a server. */
export async function openLocalLog(dataDir: string): Promise<LocalLog> {
  const connection = process.env.EVENTSTORE_CONNECTION_STRING?.trim();
  const store = await openEventStore({ dataDir, ...(connection ? { eventStoreConnectionString: connection } : {}) });
  return { store, writer: new CommunityWriter(store, () => new Date()), close: () => store.close() };
}
