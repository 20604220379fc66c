import { type CommunityWriter, openCommunities, type PersonalData, PersonalVault } from "@copgraph/community";
import { type EventStore, openEventStore } from "@copgraph/event-store";
import { DataDirBusyError, DataDirLock, type LockHolder, SERVER_COMMAND } from "../data-dir/data-dir-lock.js";
import { preparePrivateDataDir, tightenDataFiles } from "../data-dir/private-files.js";

export interface LocalLog {
  readonly store: EventStore;
  readonly writer: CommunityWriter;
  /** Names and free text of the data folder's vault. */
  readonly personal: PersonalData;
  close(): Promise<void>;
}

/** How a command uses the data folder. */
export type LocalLogUse =
  /** Writes the log: holds the folder while it runs, and refuses while a server (or another writer) holds it. */
  | { readonly writer: string; readonly besideServer: (server: LockHolder) => string }
  /** Only reads: runs beside a server. */
  | { readonly reader: string };

/**
 * The event log in a data folder (or the EventStoreDB of EVENTSTORE_CONNECTION_STRING), for
 * commands that run without a server. Throws DataDirBusyError when a writer finds the folder held.
 */
export async function openLocalLog(dataDir: string, use: LocalLogUse): Promise<LocalLog> {
  preparePrivateDataDir(dataDir);
  const lock =
    "writer" in use ? DataDirLock.acquire(dataDir, use.writer, advice(use)) : holdIfFree(dataDir, use.reader);
  if (lock?.recovered) console.error(lock.recovered);
  try {
    const connection = process.env.EVENTSTORE_CONNECTION_STRING?.trim();
    const store = await openEventStore({ dataDir, ...(connection ? { eventStoreConnectionString: connection } : {}) });
    const vault = PersonalVault.inDataDir(dataDir);
    tightenDataFiles(dataDir);
    // Only the folder's holder settles what a crash left half done: a server did so at its start,
    // and values it has filed for appends still in flight must not be taken for leftovers.
    const { writer, personal } = await openCommunities(store, vault, () => new Date(), {
      recover: lock !== undefined,
      readModel: false,
    });
    if ("reader" in use) lock?.release();
    return {
      store,
      writer,
      personal,
      async close() {
        await store.close();
        vault.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

const advice =
  (use: Extract<LocalLogUse, { writer: string }>) =>
  (holder: LockHolder): string =>
    holder.command === SERVER_COMMAND
      ? `A running server is the only writer of its log: ${use.besideServer(holder)}`
      : "Wait until it has finished, then run this command again.";

/** A reader holds the folder only while it settles leftovers, and only when no one else holds it. */
function holdIfFree(dataDir: string, command: string): DataDirLock | undefined {
  try {
    return DataDirLock.acquire(dataDir, command, () => "");
  } catch (error) {
    if (error instanceof DataDirBusyError) return undefined;
    throw error;
  }
}
