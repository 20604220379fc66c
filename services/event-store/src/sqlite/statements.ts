import type Database from "better-sqlite3";
import type { Position, RecordedEvent, StreamRevision } from "../port.js";

/** An events row as read with safeIntegers (INTEGER columns come back as bigint). */
export interface EventRow {
  position: bigint;
  stream_id: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created: bigint;
}

export interface StreamHead {
  revision: StreamRevision;
  position: bigint;
}

/** Larger than any revision or position: "read from the end". */
export const MAX_INT64 = 9_223_372_036_854_775_807n;

export const positionOf = (position: bigint): Position => ({ commit: position, prepare: position });

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    id: row.event_id,
    type: row.type,
    revision: row.revision,
    position: positionOf(row.position),
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    created: new Date(Number(row.created)),
  };
}

const COLUMNS = "position, stream_id, revision, event_id, type, data, metadata, created";
const INSERT_EVENTS = "INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES ";
const EVENT_VALUES = "(?, ?, ?, ?, ?, ?, ?)";

/** Rows of one multi-row INSERT: one call into SQLite for many events. */
const ROWS_PER_INSERT = 64;

/** The text columns of the events to insert, by index. */
export interface EventRows {
  readonly count: number;
  id(i: number): string;
  type(i: number): string;
  data(i: number): string;
  metadata(i: number): string;
}

/** Every statement the store runs, prepared once. */
export class Statements {
  readonly begin: Database.Statement;
  readonly commit: Database.Statement;
  readonly rollback: Database.Statement;
  readonly savepoint: Database.Statement;
  readonly release: Database.Statement;
  readonly rollbackToSavepoint: Database.Statement;
  private readonly insertEvent: Database.Statement<[string, number, string, string, string, string, number]>;
  /**
   * ROWS_PER_INSERT rows, their 7 values each in a row; rows get consecutive positions. OR FAIL:
   * a refused row stops the statement and keeps the rows before it, so SQLite needs no statement
   * journal (a copy of every page the statement changes, in a temporary file). Its callers undo
   * the whole append on any failure (a savepoint or the stream transaction).
   */
  private readonly insertEvents: Database.Statement<unknown[]>;
  private readonly groupValues: unknown[] = new Array(ROWS_PER_INSERT * 7);
  readonly upsertStream: Database.Statement<[string, number, number]>;
  private readonly streamHead: Database.Statement<[string], StreamHead>;
  private readonly eventById: Database.Statement<[string], EventRow>;
  private readonly streamForwards: Database.Statement<[string, bigint, number], EventRow>;
  private readonly streamBackwards: Database.Statement<[string, bigint, number], EventRow>;
  private readonly allForwards: Database.Statement<[bigint, number], EventRow>;
  private readonly allBackwards: Database.Statement<[bigint, number], EventRow>;
  private readonly lastPosition: Database.Statement<[], { position: bigint | null }>;
  private readonly streamsFrom: Database.Statement<[string], { stream_id: string; revision: bigint }>;

  constructor(db: Database.Database) {
    // BEGIN IMMEDIATE takes the write lock up front, so a flush never fails half-way on SQLITE_BUSY.
    this.begin = db.prepare("BEGIN IMMEDIATE");
    this.commit = db.prepare("COMMIT");
    this.rollback = db.prepare("ROLLBACK");
    this.savepoint = db.prepare("SAVEPOINT append_one");
    this.release = db.prepare("RELEASE append_one");
    this.rollbackToSavepoint = db.prepare("ROLLBACK TO append_one");
    this.insertEvent = db.prepare(INSERT_EVENTS + EVENT_VALUES);
    this.insertEvents = db.prepare(
      INSERT_EVENTS.replace("INSERT", "INSERT OR FAIL") + Array(ROWS_PER_INSERT).fill(EVENT_VALUES).join(", "),
    );
    this.upsertStream = db.prepare(
      "INSERT INTO streams (stream_id, revision, position) VALUES (?, ?, ?) " +
        "ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, position = excluded.position",
    );
    const read = <P extends unknown[], R>(sql: string) => db.prepare<P, R>(sql).safeIntegers(true);
    this.streamHead = read("SELECT revision, position FROM streams WHERE stream_id = ?");
    this.eventById = read(`SELECT ${COLUMNS} FROM events WHERE event_id = ?`);
    this.streamForwards = read(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
    this.streamBackwards = read(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.allForwards = read(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`);
    this.allBackwards = read(`SELECT ${COLUMNS} FROM events WHERE position < ? ORDER BY position DESC LIMIT ?`);
    this.lastPosition = read("SELECT max(position) AS position FROM events");
    this.streamsFrom = read("SELECT stream_id, revision FROM streams WHERE stream_id >= ? ORDER BY stream_id");
  }

  /**
   * Appends `rows` to a stream from revision `first` on: whole groups through the multi-row
   * INSERT, the rest one by one. Rows of one statement take consecutive positions (max + 1 each),
   * so the last one gives them all. Returns the last position. On a failure, rows before the
   * refused one may remain: the caller rolls back.
   */
  insertStreamEvents(streamId: string, first: number, rows: EventRows, created: number): number {
    const values = this.groupValues;
    let position = 0;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.count; i += ROWS_PER_INSERT) {
      for (let row = 0, at = 0; row < ROWS_PER_INSERT; row++, at += 7) {
        values[at] = streamId;
        values[at + 1] = first + i + row;
        values[at + 2] = rows.id(i + row);
        values[at + 3] = rows.type(i + row);
        values[at + 4] = rows.data(i + row);
        values[at + 5] = rows.metadata(i + row);
        values[at + 6] = created;
      }
      position = Number(this.insertEvents.run(values).lastInsertRowid);
    }
    for (; i < rows.count; i++) {
      position = Number(
        this.insertEvent.run(streamId, first + i, rows.id(i), rows.type(i), rows.data(i), rows.metadata(i), created)
          .lastInsertRowid,
      );
    }
    return position;
  }

  head(streamId: string): StreamHead | undefined {
    return this.streamHead.get(streamId);
  }

  byEventId(eventId: string): EventRow | undefined {
    return this.eventById.get(eventId);
  }

  streamRows(streamId: string, direction: "forwards" | "backwards", from: bigint, limit: number): EventRow[] {
    return (direction === "forwards" ? this.streamForwards : this.streamBackwards).all(streamId, from, limit);
  }

  /** Forwards: position >= from. Backwards: position < from. */
  allRows(direction: "forwards" | "backwards", from: bigint, limit: number): EventRow[] {
    return (direction === "forwards" ? this.allForwards : this.allBackwards).all(from, limit);
  }

  /** Position of the last committed event, 0n when the store is empty. */
  last(): bigint {
    return this.lastPosition.get()?.position ?? 0n;
  }

  streamsWithPrefix(prefix: string): { streamId: string; revision: bigint }[] {
    const streams: { streamId: string; revision: bigint }[] = [];
    for (const row of this.streamsFrom.iterate(prefix)) {
      // Rows come in id order from `prefix` on: the first one without the prefix ends the range.
      if (!row.stream_id.startsWith(prefix)) break;
      streams.push({ streamId: row.stream_id, revision: row.revision });
    }
    return streams;
  }
}
