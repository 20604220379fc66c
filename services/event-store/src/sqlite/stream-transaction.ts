import { checkAppend } from "../internal/validate.js";
import type { AppendResult, EventData, StreamTransaction } from "../port.js";
import { toColumns } from "./event-columns.js";
import type { TransactionStep } from "./writer-messages.js";

/** How a transaction reaches the writer thread (ThreadedWriter.step). */
export type SendStep = (step: TransactionStep) => Promise<AppendResult>;

/** The caller's side of a stream transaction on the SQLite store. */
export class SqliteStreamTransaction implements StreamTransaction {
  private ended = false;

  constructor(
    private readonly streamId: string,
    private readonly send: SendStep,
    /** Called once when the transaction is over, committed or not. */
    private readonly onEnd: () => void,
  ) {}

  async append(events: readonly EventData[]): Promise<void> {
    this.assertOpen();
    const checked = checkAppend(this.streamId, events);
    await this.send({ op: "append", events: toColumns(checked.events) });
  }

  async commit(): Promise<AppendResult> {
    this.assertOpen();
    this.ended = true;
    try {
      return await this.send({ op: "commit" });
    } finally {
      this.onEnd();
    }
  }

  async abort(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.send({ op: "abort" });
    } finally {
      this.onEnd();
    }
  }

  private assertOpen(): void {
    if (this.ended) throw new Error("event-store: the stream transaction has ended");
  }
}
