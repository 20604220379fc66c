import Database from "better-sqlite3";

/**
 * A small SQLite file beside the event log for what is not a fact of a community (keys, webhook
 * queues, survey link hashes): write-ahead logged, waiting up to 5 s for a lock, its schema applied
 * (idempotent DDL). ":memory:" when the app has no data folder (tests).
 */
export function openSideDatabase(file: string, schema: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(schema);
  return db;
}
