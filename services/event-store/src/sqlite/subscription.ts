import type { AllSubscription, RecordedEvent } from "../port.js";

const PAGE_SIZE = 1_000;

/**
 * Catch-up and live in one loop: the subscription keeps a checkpoint and always reads the events
 * after it from the store; a commit only wakes it up. Live events are never pushed from memory, so
 * the switch from catch-up to live can neither skip nor repeat an event.
 */
export class CheckpointSubscription implements AllSubscription {
  readonly ready = Promise.resolve();
  private buffer: RecordedEvent[] = [];
  private index = 0;
  private ended = false;
  private wake: (() => void) | undefined;
  /** Serialises next() calls made without awaiting the previous one. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    /** Events with position > after, in order, at most `limit`. */
    private readonly readAfter: (after: bigint, limit: number) => RecordedEvent[],
    /** Exclusive: the position of the last event already seen. */
    private checkpoint: bigint,
    private readonly onEnd: (subscription: CheckpointSubscription) => void,
  ) {}

  /** New events were committed. */
  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** Ends the iteration: a pending next() resolves done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.buffer = [];
    this.notify();
    this.onEnd(this);
  }

  async unsubscribe(): Promise<void> {
    this.end();
  }

  private readonly iterator: AsyncIterator<RecordedEvent> = {
    next: () => {
      const result = this.tail.then(() => this.pull());
      this.tail = result.catch(() => undefined);
      return result;
    },
    return: async () => {
      this.end();
      return { done: true, value: undefined };
    },
  };

  /** One iterator per subscription: iterating it again continues where it stopped. */
  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.ended) return { done: true, value: undefined };
      const event = this.buffer[this.index];
      if (event) {
        this.index += 1;
        return { done: false, value: event };
      }
      if (this.buffer.length > 0) {
        // Between pages, let timers and I/O run: a long catch-up read in microtasks only would
        // starve the event loop (and the appends the server is meant to acknowledge).
        this.buffer = [];
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      const page = this.readAfter(this.checkpoint, PAGE_SIZE);
      const last = page.at(-1);
      if (last) {
        this.buffer = page;
        this.index = 0;
        this.checkpoint = last.position.commit;
        continue;
      }
      // Nothing after the checkpoint: sleep until the next commit. Reading and registering happen in
      // the same synchronous step, so a commit cannot slip in between.
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }
}
