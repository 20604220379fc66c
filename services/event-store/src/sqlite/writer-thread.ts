import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { GroupCommit } from "./group-commit.js";
import { openDatabase } from "./schema.js";
import { Statements } from "./statements.js";
import { type FromWriter, type ToWriter, toWireError, type WireOutcome } from "./writer-messages.js";

// The writer thread: owns the write connection, so inserts, COMMIT and its fsync run beside the
// API's event loop instead of blocking it.

export interface WriterThreadOptions {
  readonly path: string;
  readonly maxEventsPerFlush: number;
}

const port = parentPort;
if (!port) throw new Error("event-store: writer-thread.ts runs as a worker thread");
const options = workerData as WriterThreadOptions;
const db = openDatabase(options.path);
const st = new Statements(db);
const send = (message: FromWriter) => port.postMessage(message);

const commit = new GroupCommit(
  db,
  st,
  (outcomes, wrote) => {
    const wire = outcomes.map(
      (outcome): WireOutcome => (outcome.ok ? outcome : { ...outcome, error: toWireError(outcome.error) }),
    );
    send({ kind: "flushed", outcomes: wire, wrote, stats: { ...commit.stats } });
  },
  options.maxEventsPerFlush,
  // Appends that arrived while the last COMMIT waited for the disk join this flush now, rather
  // than one flush each.
  () => {
    for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) handle(next.message);
  },
);

port.on("message", handle);

function handle(message: ToWriter): void {
  if (message.kind === "append") {
    for (const append of message.appends) commit.enqueue(append);
    return;
  }
  // Not inside a flush (a close may be drained by one): after it, with everything sent before.
  setImmediate(() => {
    commit.flushAll();
    db.close();
    // The store terminates the thread once it has this answer.
    send({ kind: "closed" });
  });
}
