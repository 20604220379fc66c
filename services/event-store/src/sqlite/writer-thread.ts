import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { GroupCommit } from "./group-commit.js";
import { openDatabase } from "./schema.js";
import { Statements } from "./statements.js";
import { TransactionRunner } from "./transaction-runner.js";
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

/** Messages other than appends that arrived inside a flush: they run after it, in order. */
const deferred: Exclude<ToWriter, { kind: "append" }>[] = [];
let flushing = false;

const commits = new GroupCommit(
  db,
  st,
  (outcomes, wrote) => {
    const wire = outcomes.map(
      (outcome): WireOutcome => (outcome.ok ? outcome : { ...outcome, error: toWireError(outcome.error) }),
    );
    send({ kind: "flushed", outcomes: wire, wrote, stats: { ...commits.stats } });
  },
  options.maxEventsPerFlush,
  // Appends that arrived while the last COMMIT waited for the disk join this flush now, rather
  // than one flush each.
  () => {
    flushing = true;
    try {
      for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) handle(next.message);
    } finally {
      flushing = false;
    }
  },
);
const transactions = new TransactionRunner(db, st, commits);

port.on("message", handle);

function handle(message: ToWriter): void {
  if (message.kind === "append") {
    for (const append of message.appends) commits.enqueue(append);
    return;
  }
  if (flushing || deferred.length > 0) {
    if (deferred.push(message) === 1) setImmediate(runDeferred);
    return;
  }
  run(message);
}

function runDeferred(): void {
  for (let next = deferred.shift(); next; next = deferred.shift()) run(next);
}

function run(message: Exclude<ToWriter, { kind: "append" }>): void {
  if (message.kind === "transaction") {
    const { ticket, step } = message;
    let outcome: WireOutcome;
    try {
      outcome = { ticket, ok: true, ...transactions.run(step) };
    } catch (error) {
      outcome = { ticket, ok: false, error: toWireError(error) };
    }
    const wrote = outcome.ok && outcome.stored > 0;
    send({ kind: "flushed", outcomes: [outcome], wrote, stats: { ...commits.stats } });
    return;
  }
  // Not inside a flush: after it, with everything sent before. A transaction left open stores nothing.
  setImmediate(() => {
    if (transactions.isOpen) transactions.abort();
    commits.flushAll();
    db.close();
    // The store terminates the thread once it has this answer.
    send({ kind: "closed" });
  });
}
