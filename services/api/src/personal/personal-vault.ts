import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { PersonalDataSubject, PersonalValue, PersonalValues } from "@copgraph/domain";
import Database from "better-sqlite3";

/** The vault's file in a data folder: beside the event log, never inside it (also with EventStoreDB). */
export const VAULT_FILE = "personal.sqlite";

/** The personal values of one event, filed under whom or what they are about. */
export interface VaultEntry {
  readonly eventId: string;
  readonly subject: PersonalDataSubject;
  readonly values: PersonalValues;
}

// One row per (event, field). Rows are found by event (to join them back into the log) and by
// subject (to forget a member); the log itself never holds the values.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS personal_values (
  community    TEXT NOT NULL,
  event_id     TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject      TEXT NOT NULL,
  field        TEXT NOT NULL,
  value        TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS personal_by_event ON personal_values (community, event_id, field);
CREATE INDEX IF NOT EXISTS personal_by_subject ON personal_values (community, subject_kind, subject);
CREATE TABLE IF NOT EXISTS pending_erasures (
  community TEXT NOT NULL,
  member    TEXT NOT NULL,
  PRIMARY KEY (community, member)
) WITHOUT ROWID;
`;
const SCHEMA_VERSION = 1;
/** SQLite's limit on bound parameters is far above this; chunks keep statements small. */
const CHUNK = 500;

interface Pending {
  readonly rows: readonly (readonly [string, VaultEntry])[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Names and free text, kept apart from the immutable event log so that erasure can really delete
 * them: a SQLite file (`personal.sqlite` in the data folder, or `:memory:`) with secure_delete on,
 * and the WAL checkpointed and truncated after every erasure, so forgotten bytes leave the files.
 */
export class PersonalVault {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  #queue: Pending[] = [];
  #flushing = false;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#insert = db.prepare(
      `INSERT OR REPLACE INTO personal_values (community, event_id, subject_kind, subject, field, value)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
  }

  static open(path: string): PersonalVault {
    const db = new Database(path);
    try {
      // FULL: a stored value survives a power cut before its event is acknowledged.
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = FULL");
      db.pragma("secure_delete = ON");
      db.pragma("busy_timeout = 5000");
      const version = Number(db.pragma("user_version", { simple: true }));
      if (version > SCHEMA_VERSION) throw new Error(`personal vault: ${path} has schema ${version}, newer than ours`);
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
      return new PersonalVault(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The vault of a data folder, created if missing. */
  static inDataDir(dataDir: string): PersonalVault {
    mkdirSync(dataDir, { recursive: true });
    return PersonalVault.open(join(dataDir, VAULT_FILE));
  }

  /** A vault that lives as long as the process: for tests and tools that keep nothing. */
  static inMemory(): PersonalVault {
    return PersonalVault.open(":memory:");
  }

  /**
   * Stores the entries durably; resolves once they are committed. Calls resolve in call order,
   * even with nothing to store, so appends that wait on the vault keep the order they were decided in.
   * Entries of one event loop turn share one transaction (and one fsync).
   */
  put(communityId: string, entries: readonly VaultEntry[]): Promise<void> {
    // Nothing to store and nothing queued ahead: no write to wait for, and no order to keep.
    if (entries.length === 0 && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#queue.push({ rows: entries.map((entry) => [communityId, entry] as const), resolve, reject });
      if (!this.#flushing) {
        this.#flushing = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    const batch = this.#queue;
    this.#queue = [];
    this.#flushing = false;
    try {
      if (batch.some((pending) => pending.rows.length > 0)) {
        this.#db.transaction(() => {
          for (const pending of batch)
            for (const [communityId, entry] of pending.rows) this.#insertEntry(communityId, entry);
        })();
      }
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const pending of batch) pending.resolve();
  }

  #insertEntry(communityId: string, { eventId, subject, values }: VaultEntry): void {
    for (const [field, value] of Object.entries(values)) {
      this.#insert.run(communityId, eventId, subject.kind, subject.id, field, value);
    }
  }

  /** The personal values of the given events, by event id (events without any are left out). */
  valuesOf(communityId: string, eventIds: readonly string[]): Map<string, PersonalValues> {
    const found = new Map<string, Record<string, PersonalValue>>();
    for (let start = 0; start < eventIds.length; start += CHUNK) {
      const chunk = eventIds.slice(start, start + CHUNK);
      const rows = this.#db
        .prepare(
          `SELECT event_id, field, value FROM personal_values
           WHERE community = ? AND event_id IN (${chunk.map(() => "?").join(",")})`,
        )
        .all(communityId, ...chunk) as { event_id: string; field: string; value: string | null }[];
      for (const row of rows) {
        const values = found.get(row.event_id) ?? {};
        values[row.field] = row.value;
        found.set(row.event_id, values);
      }
    }
    return found;
  }

  /** The latest value of each field recorded about a subject (in the order stored). */
  latestOf(communityId: string, subject: PersonalDataSubject): PersonalValues {
    const rows = this.#db
      .prepare(
        `SELECT field, value FROM personal_values
         WHERE community = ? AND subject_kind = ? AND subject = ? ORDER BY rowid`,
      )
      .all(communityId, subject.kind, subject.id) as { field: string; value: string | null }[];
    const latest: Record<string, PersonalValue> = {};
    for (const row of rows) latest[row.field] = row.value;
    return latest;
  }

  /**
   * Deletes every value about the subjects and makes sure the bytes leave the files: secure_delete
   * zeroes the freed cells and pages, and a truncating checkpoint moves them into the database
   * file and empties the WAL, which still held the old pages. Returns the number of values deleted.
   */
  forget(communityId: string, subjects: readonly PersonalDataSubject[]): number {
    const remove = this.#db.prepare(
      "DELETE FROM personal_values WHERE community = ? AND subject_kind = ? AND subject = ?",
    );
    let deleted = 0;
    this.#db.transaction(() => {
      for (const subject of subjects) deleted += remove.run(communityId, subject.kind, subject.id).changes;
    })();
    if (deleted > 0) this.#db.pragma("wal_checkpoint(TRUNCATE)");
    return deleted;
  }

  /**
   * Notes, durably, that these members are being erased, before their MemberErased is appended: a
   * crash between the append and `forget` leaves the note, and the next start finishes the work.
   */
  markErasing(communityId: string, memberIds: readonly string[]): void {
    const mark = this.#db.prepare("INSERT OR IGNORE INTO pending_erasures (community, member) VALUES (?, ?)");
    this.#db.transaction(() => {
      for (const memberId of memberIds) mark.run(communityId, memberId);
    })();
  }

  /** Erasures begun and not finished, by community. */
  pendingErasures(): Map<string, string[]> {
    const pending = new Map<string, string[]>();
    const rows = this.#db.prepare("SELECT community, member FROM pending_erasures ORDER BY community, member").all();
    for (const { community, member } of rows as { community: string; member: string }[]) {
      pending.set(community, [...(pending.get(community) ?? []), member]);
    }
    return pending;
  }

  finishErasing(communityId: string, memberIds: readonly string[]): void {
    const done = this.#db.prepare("DELETE FROM pending_erasures WHERE community = ? AND member = ?");
    this.#db.transaction(() => {
      for (const memberId of memberIds) done.run(communityId, memberId);
    })();
  }

  close(): void {
    if (!this.#db.open) return;
    // Values handed over before closing are stored, not dropped.
    if (this.#queue.length > 0) this.#flush();
    this.#db.close();
  }
}
