import { PassThrough } from "node:stream";
import type { AllStreamSubscription } from "@eventstore/db-client";
import { describe, expect, it } from "vitest";
import { EventStoreDbSubscription } from "./subscription.js";

// The wrapper's own logic, on a stand-in for the client's subscription stream.
function fakeInner(): { inner: AllStreamSubscription; stream: PassThrough; unsubscribed: () => boolean } {
  const stream = new PassThrough({ objectMode: true });
  let unsubscribed = false;
  const inner = Object.assign(stream, {
    unsubscribe: async () => {
      unsubscribed = true;
      stream.end();
    },
  }) as unknown as AllStreamSubscription;
  return { inner, stream, unsubscribed: () => unsubscribed };
}

const resolved = (streamId: string, type = "Happened") => ({
  event: {
    streamId,
    id: "00000000-0000-4000-8000-000000000001",
    type,
    revision: 0n,
    isJson: true,
    data: { ok: 1 },
    metadata: {},
    created: new Date(0),
    position: { commit: 5n, prepare: 5n },
  },
});

describe("EventStoreDbSubscription", () => {
  it("is ready on confirmation, skips system events and ends a waiting iteration on unsubscribe", async () => {
    const { inner, stream, unsubscribed } = fakeInner();
    let ended = false;
    const subscription = new EventStoreDbSubscription(inner, () => {
      ended = true;
    });
    stream.emit("confirmation");
    await subscription.ready;
    stream.write(resolved("$stats-1", "$statsCollected"));
    stream.write(resolved("community-1"));
    const iterator = subscription[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value).toMatchObject({ streamId: "community-1", data: { ok: 1 }, position: { commit: 5n } });
    const waiting = iterator.next();
    await subscription.unsubscribe();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(unsubscribed()).toBe(true);
    expect(ended).toBe(true);
  });

  it("surfaces a stream error to the iteration", async () => {
    const { inner, stream } = fakeInner();
    const subscription = new EventStoreDbSubscription(inner, () => {});
    const next = subscription[Symbol.asyncIterator]().next();
    stream.destroy(new Error("connection lost"));
    await expect(next).rejects.toThrow("connection lost");
    await expect(subscription.ready).rejects.toThrow("connection lost");
  });
});
