import type { AllStreamResolvedEvent, AllStreamSubscription } from "@eventstore/db-client";
import type { AllSubscription, RecordedEvent } from "../port.js";
import { toRecorded } from "./mapping.js";

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Wraps the client's catch-up subscription to $all (the server switches from catch-up to live
 * itself, without gap or repeat). Ending is raced against the next event, so unsubscribe() ends an
 * iteration that is waiting for events.
 */
export class EventStoreDbSubscription implements AllSubscription {
  readonly ready: Promise<void>;
  private ended = false;
  private failure: unknown;
  private signalEnd: () => void = () => {};
  private readonly endedSignal = new Promise<typeof DONE>((resolve) => {
    this.signalEnd = () => resolve(DONE);
  });

  constructor(
    private readonly inner: AllStreamSubscription,
    private readonly onEnd: (subscription: EventStoreDbSubscription) => void,
  ) {
    this.ready = new Promise<void>((resolve, reject) => {
      inner.once("confirmation", () => resolve());
      inner.once("error", reject);
      inner.once("close", () => resolve());
    });
    // Kept for the iterator; without a permanent listener a late stream error would crash the process.
    this.ready.catch(() => undefined);
    inner.on("error", (error) => {
      this.failure ??= error;
    });
  }

  async unsubscribe(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.signalEnd();
    this.onEnd(this);
    await this.inner.unsubscribe();
  }

  private iterator: AsyncIterator<RecordedEvent> | undefined;

  /** One iterator per subscription: iterating it again continues where it stopped. */
  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.createIterator();
    return this.iterator;
  }

  private createIterator(): AsyncIterator<RecordedEvent> {
    const events = this.inner[Symbol.asyncIterator]();
    return {
      next: async () => {
        for (;;) {
          if (this.ended) return DONE;
          const pending: Promise<IteratorResult<AllStreamResolvedEvent>> = events.next();
          // After unsubscribe the client may reject the read it had in flight: nobody waits for it.
          pending.catch(() => undefined);
          let step: IteratorResult<AllStreamResolvedEvent> | typeof DONE;
          try {
            step = await Promise.race([pending, this.endedSignal]);
          } catch (error) {
            if (this.ended) return DONE;
            throw error;
          }
          if (this.ended) return DONE;
          if (step.done) {
            await this.unsubscribe();
            if (this.failure) throw this.failure;
            return DONE;
          }
          const recorded = toRecorded(step.value);
          if (recorded) return { done: false, value: recorded };
        }
      },
      return: async () => {
        await this.unsubscribe();
        return DONE;
      },
    };
  }
}
