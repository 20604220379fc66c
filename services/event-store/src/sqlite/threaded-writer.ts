import type { Worker } from "node:worker_threads";
import { startWorker } from "../internal/start-worker.js";
import type { AppendResult } from "../port.js";
import type { QueuedAppend } from "./append.js";
import type { GroupCommitStats, TicketedAppend } from "./group-commit.js";
import { type FromWriter, fromWireError, type ToWriter, type TransactionStep } from "./writer-messages.js";
import type { WriterThreadOptions } from "./writer-thread.js";

interface Waiting<T> {
  readonly payload: T;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What a stored append tells the store before its caller hears of it. */
export interface Stored<T> {
  readonly payload: T;
  readonly result: AppendResult;
  readonly stored: number;
  readonly created: number;
}

/**
 * The store's side of the writer thread. Appends made in one event-loop turn travel in one message,
 * and each flush comes back as one message.
 */
export class ThreadedWriter<T> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting<T>>();
  private outbox: TicketedAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private nextTicket = 0;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;
  private onClosed: (() => void) | undefined;
  stats: GroupCommitStats = { flushes: 0, appends: 0, events: 0 };

  constructor(
    options: WriterThreadOptions,
    /** Called for each append that stored events, in position order, before its caller is answered. */
    private readonly onStored: (stored: Stored<T>) => void,
    /** Called after each COMMIT that stored events. */
    private readonly onCommit: () => void,
  ) {
    const extension = import.meta.url.endsWith(".ts") ? "ts" : "js";
    this.worker = startWorker(new URL(`./writer-thread.${extension}`, import.meta.url), options);
    this.worker.on("message", (message: FromWriter) => this.receive(message));
    this.worker.on("error", (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once("exit", (code) => {
        this.fail(new Error(`event-store: the writer thread stopped (exit code ${code})`));
        resolve();
      }),
    );
    // An idle store does not keep the process alive; appends in flight do (see append()).
    this.worker.unref();
  }

  /** `payload` stays on this thread and comes back through onStored. */
  append(item: QueuedAppend, payload: T): Promise<AppendResult> {
    return this.awaitAnswer(payload, (ticket) => {
      this.outbox.push({ ...item, ticket });
      // One message per event-loop turn: a busy API thread sends a few messages per transaction,
      // not one per request.
      this.scheduled ??= setImmediate(() => this.post());
    });
  }

  /** Sends one step of a stream transaction at once; answered like an append, `payload` with its commit. */
  step(step: TransactionStep, payload: T): Promise<AppendResult> {
    return this.awaitAnswer(payload, (ticket) => {
      // Appends queued before the step are sent first, so a transaction begins after them.
      this.post();
      this.send({ kind: "transaction", ticket, step });
    });
  }

  /** Gives the request a ticket, sends it, and resolves with the thread's answer to that ticket. */
  private awaitAnswer(payload: T, send: (ticket: number) => void): Promise<AppendResult> {
    if (this.failure) return Promise.reject(this.failure);
    const ticket = this.nextTicket++;
    return new Promise<AppendResult>((resolve, reject) => {
      this.waiting.set(ticket, { payload, resolve, reject });
      if (this.waiting.size === 1) this.worker.ref();
      send(ticket);
    });
  }

  /** Sends what is queued, lets the thread write it and close the file, then stops the thread. */
  async close(): Promise<void> {
    this.worker.ref();
    const closed = new Promise<void>((resolve) => {
      this.onClosed = resolve;
    });
    this.post();
    this.send({ kind: "close" });
    await Promise.race([closed, this.exited]);
    await this.worker.terminate();
    await this.exited;
  }

  private post(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.outbox.length === 0) return;
    const appends = this.outbox;
    this.outbox = [];
    this.send({ kind: "append", appends });
  }

  private send(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWriter): void {
    if (message.kind === "closed") {
      this.onClosed?.();
      return;
    }
    this.stats = message.stats;
    for (const outcome of message.outcomes) {
      const waiting = this.waiting.get(outcome.ticket);
      if (!waiting) continue;
      this.waiting.delete(outcome.ticket);
      if (!outcome.ok) {
        waiting.reject(fromWireError(outcome.error));
        continue;
      }
      if (outcome.stored > 0) {
        this.onStored({
          payload: waiting.payload,
          result: outcome.result,
          stored: outcome.stored,
          created: outcome.created,
        });
      }
      waiting.resolve(outcome.result);
    }
    if (this.waiting.size === 0) this.worker.unref();
    if (message.wrote) this.onCommit();
  }

  /** The thread died or was stopped: everything still waiting fails, and so does every later append. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
