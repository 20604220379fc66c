import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { AllSubscription, EventData, EventStore, JsonObject, Position, RecordedEvent } from "../port.js";

/** What a factory hands the suite for one test. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Closes the current store (and any earlier reopened one) and opens a new one on the same data. */
  readonly reopen?: () => Promise<EventStore>;
  /** Closes whatever is open and removes the test's data. */
  readonly cleanup: () => Promise<void>;
}

export type ContractFactory = () => Promise<ContractSubject>;

export interface ContractOptions {
  /**
   * Whether the adapter refuses an event id already stored in ANOTHER stream. Default true;
   * EventStoreDB keeps no index by event id, so its adapter cannot.
   */
  readonly detectsIdReuseAcrossStreams?: boolean;
}

/**
 * Per-test state. Stream ids carry a random prefix, so the suite also runs against a shared
 * server; reads of $all only look at what the test itself appended.
 */
export class ContractContext {
  private subject: ContractSubject | undefined;
  private current: EventStore | undefined;
  prefix = "";

  constructor(private readonly factory: ContractFactory) {}

  get store(): EventStore {
    if (!this.current) throw new Error("contract: no store open");
    return this.current;
  }

  async setup(): Promise<void> {
    this.subject = await this.factory();
    this.current = this.subject.store;
    this.prefix = `contract${randomUUID().replaceAll("-", "").slice(0, 12)}-`;
  }

  async teardown(): Promise<void> {
    await this.subject?.cleanup();
    this.subject = undefined;
    this.current = undefined;
  }

  async reopen(): Promise<EventStore> {
    if (!this.subject?.reopen) throw new Error("contract: this factory cannot reopen");
    this.current = await this.subject.reopen();
    return this.current;
  }

  stream(name = "stream"): string {
    return `${this.prefix}${name}`;
  }

  /** The test's own events, in order, from a reading of $all. */
  own(events: readonly RecordedEvent[]): RecordedEvent[] {
    return events.filter((event) => event.streamId.startsWith(this.prefix));
  }

  /** Position of the last event in the store: subscribing from it delivers only what follows. */
  async checkpoint(): Promise<Position | "start"> {
    const [last] = await this.store.readAll({ direction: "backwards", fromPosition: "end", maxCount: 1 });
    return last?.position ?? "start";
  }
}

export function event(type = "Happened", data: JsonObject = {}, metadata?: JsonObject): EventData {
  return metadata === undefined ? { id: randomUUID(), type, data } : { id: randomUUID(), type, data, metadata };
}

export function events(count: number, type = "Happened"): EventData[] {
  return Array.from({ length: count }, (_, i) => event(type, { i }));
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("contract: expected a rejection");
}

export const ids = (recorded: readonly { id: string }[]) => recorded.map((e) => e.id);

export async function expectStreamMissing(store: EventStore, streamId: string): Promise<void> {
  const error = await rejectionOf(store.readStream(streamId));
  expect((error as Error).name).toBe("StreamNotFoundError");
}

/**
 * The next `count` events of the subscription that belong to the test (prefix), failing after
 * `timeoutMs` rather than hanging the run.
 */
export async function take(
  subscription: AllSubscription,
  count: number,
  prefix: string,
  timeoutMs = 10_000,
): Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const taken: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  while (taken.length < count) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`contract: got ${taken.length} of ${count} events before the timeout`)),
        Math.max(0, deadline - Date.now()),
      );
    });
    try {
      const step = await Promise.race([iterator.next(), timeout]);
      if (step.done) break;
      if (step.value.streamId.startsWith(prefix)) taken.push(step.value);
    } finally {
      clearTimeout(timer);
    }
  }
  return taken;
}
