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

// One row per (event, field). Rows are found by event (to join them back into the log), by
// subject (to forget a member) and by field under a kind of subject (to forget every survey rating
// about a member); the log itself never holds the values.
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
CREATE TABLE IF NOT EXISTS unsettled_events (
  community TEXT NOT NULL,
  event_id  TEXT NOT NULL,
  PRIMARY KEY (community, event_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS pending_erasures (
  community TEXT NOT NULL,
  member    TEXT NOT NULL,
  PRIMARY KEY (community, member)
) WITHOUT ROWID;
`;
// 2: unsettled_events, the values filed for an append whose outcome is not known yet.
const SCHEMA_VERSION = 2;
/** SQLite's limit on bound parameters is far above this; chunks keep statements small. */
const CHUNK = 500;

/** Values filed for an event id that already holds other values: refused whole, nothing filed. */
export class PersonalValuesConflictError extends Error {
  constructor(
    readonly communityId: string,
    readonly eventId: string,
  ) {
    super(`event id ${eventId} already has other personal values in community ${communityId}`);
  }
}

interface Pending {
  readonly communityId: string;
  readonly entries: readonly VaultEntry[];
  resolve(filed: string[]): void;
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
  readonly #existing: Database.Statement;
  readonly #markUnsettled: Database.Statement;
  #queue: Pending[] = [];
  #flushing = false;

  private constructor(db: Database.Database) {
    this.#db = db;
    // Never OR REPLACE: values filed for an event are never rewritten by a later request.
    this.#insert = db.prepare(
      `INSERT INTO personal_values (community, event_id, subject_kind, subject, field, value)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#existing = db.prepare(
      "SELECT subject_kind, subject, field, value FROM personal_values WHERE community = ? AND event_id = ?",
    );
    this.#markUnsettled = db.prepare("INSERT INTO unsettled_events (community, event_id) VALUES (?, ?)");
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
   * Files the entries durably, each event's values under the mark "unsettled" until `settle` or
   * `discard` says whether its append was stored. Resolves once committed, with the ids of the
   * events whose values this call filed; an event that already holds exactly these values is left
   * as it is (a retry), one that holds others rejects the whole call with
   * PersonalValuesConflictError and files nothing of it. Resolves in call order, even with nothing
   * to store, so appends that wait on the vault keep the order they were decided in. Entries of one
   * event loop turn share one transaction (and one fsync).
   */
  put(communityId: string, entries: readonly VaultEntry[]): Promise<string[]> {
    // Nothing to store and nothing queued ahead: no write to wait for, and no order to keep.
    if (entries.length === 0 && this.#queue.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.#queue.push({ communityId, entries, resolve, reject });
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
    const outcomes: ({ filed: string[] } | { error: unknown })[] = [];
    try {
      this.#db.transaction(() => {
        for (const pending of batch) {
          if (pending.entries.length === 0) {
            outcomes.push({ filed: [] });
            continue;
          }
          // A savepoint per call: a refused call leaves the others of the batch filed.
          try {
            outcomes.push({ filed: this.#db.transaction(() => this.#file(pending))() });
          } catch (error) {
            outcomes.push({ error });
          }
        }
      })();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index] ?? { error: new Error("personal vault: no outcome") };
      if ("error" in outcome) pending.reject(outcome.error);
      else pending.resolve(outcome.filed);
    });
  }

  #file({ communityId, entries }: Pending): string[] {
    const filed: string[] = [];
    for (const entry of entries) {
      const existing = this.#existing.all(communityId, entry.eventId) as StoredRow[];
      if (existing.length > 0) {
        if (!sameValues(existing, entry)) throw new PersonalValuesConflictError(communityId, entry.eventId);
        continue;
      }
      for (const [field, value] of Object.entries(entry.values)) {
        this.#insert.run(communityId, entry.eventId, entry.subject.kind, entry.subject.id, field, value);
      }
      this.#markUnsettled.run(communityId, entry.eventId);
      filed.push(entry.eventId);
    }
    return filed;
  }

  /** The appends of these events were stored: their values stay. */
  settle(communityId: string, eventIds: readonly string[]): void {
    if (eventIds.length === 0) return;
    // Losing this to a power cut is harmless (the next start finds the events in the log), so it
    // is not worth an fsync on every write.
    this.#db.pragma("synchronous = NORMAL");
    try {
      this.#forEachChunk(eventIds, (chunk, marks) =>
        this.#db
          .prepare(`DELETE FROM unsettled_events WHERE community = ? AND event_id IN (${marks})`)
          .run(communityId, ...chunk),
      );
    } finally {
      this.#db.pragma("synchronous = FULL");
    }
  }

  /** The appends of these events were refused: the values filed for them go, as if never filed. */
  discard(communityId: string, eventIds: readonly string[]): void {
    if (eventIds.length === 0) return;
    this.#forEachChunk(eventIds, (chunk, marks) => {
      const params = [communityId, ...chunk];
      this.#db
        .prepare(
          `DELETE FROM personal_values WHERE community = ? AND event_id IN (${marks})
           AND (community, event_id) IN (SELECT community, event_id FROM unsettled_events)`,
        )
        .run(...params);
      this.#db.prepare(`DELETE FROM unsettled_events WHERE community = ? AND event_id IN (${marks})`).run(...params);
    });
  }

  /** Events whose values were filed but whose append was never settled (a crash in between), by community. */
  unsettled(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const rows = this.#db.prepare("SELECT community, event_id FROM unsettled_events ORDER BY community").all();
    for (const { community, event_id } of rows as { community: string; event_id: string }[]) {
      found.set(community, [...(found.get(community) ?? []), event_id]);
    }
    return found;
  }

  /** Runs `each` in one transaction over chunks of ids, with their `?, ?, …` placeholders. */
  #forEachChunk(ids: readonly string[], each: (chunk: readonly string[], marks: string) => void): void {
    this.#db.transaction(() => {
      for (let start = 0; start < ids.length; start += CHUNK) {
        const chunk = ids.slice(start, start + CHUNK);
        each(chunk, chunk.map(() => "?").join(","));
      }
    })();
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
   * Deletes the values of these fields filed under any subject of this kind (every rating about a
   * member, whoever gave it), with the same care for the files as `forget`. Returns the number deleted.
   */
  forgetFields(communityId: string, subjectKind: PersonalDataSubject["kind"], fields: readonly string[]): number {
    let deleted = 0;
    this.#forEachChunk(fields, (chunk, marks) => {
      deleted += this.#db
        .prepare(`DELETE FROM personal_values WHERE community = ? AND subject_kind = ? AND field IN (${marks})`)
        .run(communityId, subjectKind, ...chunk).changes;
    });
    if (deleted > 0) this.#db.pragma("wal_checkpoint(TRUNCATE)");
    return deleted;
  }

  /** Deletes every value filed for these events (a withdrawn survey answer), as `forget` does. Returns the number deleted. */
  forgetEvents(communityId: string, eventIds: readonly string[]): number {
    let deleted = 0;
    this.#forEachChunk(eventIds, (chunk, marks) => {
      deleted += this.#db
        .prepare(`DELETE FROM personal_values WHERE community = ? AND event_id IN (${marks})`)
        .run(communityId, ...chunk).changes;
    });
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

interface StoredRow {
  subject_kind: string;
  subject: string;
  field: string;
  value: string | null;
}

/** Whether the rows stored for an event are exactly the entry's values, about the same subject. */
function sameValues(rows: readonly StoredRow[], entry: VaultEntry): boolean {
  const fields = Object.keys(entry.values);
  if (rows.length !== fields.length) return false;
  return rows.every(
    (row) =>
      row.subject_kind === entry.subject.kind &&
      row.subject === entry.subject.id &&
      row.field in entry.values &&
      entry.values[row.field] === row.value,
  );
}
