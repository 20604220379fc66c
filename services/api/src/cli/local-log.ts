import { type EventStore, openEventStore } from "@copgraph/event-store";
import { PersonalData } from "../personal/personal-data.js";
import { PersonalVault } from "../personal/personal-vault.js";
import { CommunityWriter } from "../write/community-writer.js";

export interface LocalLog {
  readonly store: EventStore;
  readonly writer: CommunityWriter;
  /** Names and free text of the data folder's vault. */
  readonly personal: PersonalData;
  close(): Promise<void>;
}

/** The event log in a data folder (or the EventStoreDB of EVENTSTORE_CONNECTION_STRING), for commands that run without a server. */
export async function openLocalLog(dataDir: string): Promise<LocalLog> {
  const connection = process.env.EVENTSTORE_CONNECTION_STRING?.trim();
  const store = await openEventStore({ dataDir, ...(connection ? { eventStoreConnectionString: connection } : {}) });
  const vault = PersonalVault.inDataDir(dataDir);
  const personal = new PersonalData(vault, store);
  await personal.resumeErasures();
  return {
    store,
    writer: new CommunityWriter(store, () => new Date(), personal),
    personal,
    async close() {
      await store.close();
      vault.close();
    },
  };
}
