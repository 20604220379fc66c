import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { isMainThread } from "node:worker_threads";
import { CHECKPOINT_FILE, VAULT_FILE } from "@copgraph/community";
import { ACCESS_FILE } from "../access/key-store.js";
import { NOTICES_FILE } from "../notices/notice-store.js";
import { SURVEYS_FILE } from "../surveys/survey-links.js";
import { LOCK_FILE } from "./data-dir-lock.js";

/** The event log in a data folder (the event store opens it itself, by this name). */
const EVENTS_FILE = "events.sqlite";

/** A SQLite database and the files SQLite keeps beside it. */
const withCompanions = (file: string) => ["", "-wal", "-shm", "-journal"].map((suffix) => `${file}${suffix}`);

/** Everything copgraph keeps in a data folder: the log, names and free text, key hashes and the pseudonym secret, webhooks and their secrets, survey link hashes, the read model's checkpoint. */
const DATA_FILES = [
  ...[EVENTS_FILE, VAULT_FILE, ACCESS_FILE, NOTICES_FILE, SURVEYS_FILE].flatMap(withCompanions),
  LOCK_FILE,
  CHECKPOINT_FILE,
];

/**
 * Makes a data folder its owner's alone before anything in it is opened: the folder 0700, its
 * files 0600 (those an older copgraph or a loose umask created are tightened), and a umask under
 * which the files SQLite creates later are private too (it gives -wal and -shm the mode of their
 * database, so those follow).
 */
export function preparePrivateDataDir(dataDir: string): void {
  restrictUmask();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  tightenDataFiles(dataDir);
}

/** Sets 0600 on each of copgraph's files in the folder; called again once the databases are open. */
export function tightenDataFiles(dataDir: string): void {
  for (const file of DATA_FILES) {
    try {
      chmodSync(join(dataDir, file), 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/** Files this process creates from now on: no access for group and others. */
function restrictUmask(): void {
  // A worker thread cannot change the umask; there the files are tightened after they are opened.
  if (!isMainThread) return;
  const previous = process.umask(0o077);
  process.umask(previous | 0o077);
}
