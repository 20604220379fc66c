import { expect, it } from "vitest";
import { comparePositions } from "../internal/position.js";
import type { EventData, Position, RecordedEvent } from "../port.js";
import { type ContractContext, event, events, ids, take } from "./harness.js";

function expectIncreasing(received: readonly RecordedEvent[]): void {
  for (let i = 1; i < received.length; i++)
    expect(comparePositions(received[i - 1]!.position, received[i]!.position)).toBe(-1);
}

export function subscriptionCases(ctx: ContractContext): void {
  it("catches up, then delivers live appends, with no gap and no duplicate across the switch", async () => {
    const from = await ctx.checkpoint();
    const history = events(1_500);
    await ctx.store.appendToStream(ctx.stream("history"), history);
    const subscription = ctx.store.subscribeToAll({ fromPosition: from });
    await subscription.ready;
    // Live appends race with the catch-up reads.
    const live: EventData[][] = Array.from({ length: 20 }, () => events(2));
    const appending = Promise.all(live.map((batch, i) => ctx.store.appendToStream(ctx.stream(`live${i % 4}`), batch)));
    const received = await take(subscription, 1_540, ctx.prefix);
    await appending;
    const expectedOrder = ctx.own(await ctx.store.readAll({ fromPosition: from, maxCount: 5_000 }));
    expect(ids(received)).toEqual(ids(expectedOrder));
    expect(new Set(ids(received)).size).toBe(1_540);
    expectIncreasing(received);
    // Nothing was held back or repeated: the next event is the next append.
    const sentinel = event("Sentinel");
    await ctx.store.appendToStream(ctx.stream("history"), [sentinel]);
    expect(ids(await take(subscription, 1, ctx.prefix))).toEqual([sentinel.id]);
    await subscription.unsubscribe();
  });

  it("resumes from a checkpoint after the store is closed and reopened, delivering exactly the rest", async () => {
    const from = await ctx.checkpoint();
    const before = events(4);
    await ctx.store.appendToStream(ctx.stream(), before);
    const first = ctx.store.subscribeToAll({ fromPosition: from });
    const seen = await take(first, 2, ctx.prefix);
    const checkpoint: Position = seen.at(-1)!.position;
    await first.unsubscribe();
    const reopened = await ctx.reopen();
    const after = events(3);
    await reopened.appendToStream(ctx.stream(), after);
    const resumed = reopened.subscribeToAll({ fromPosition: checkpoint });
    const rest = await take(resumed, 5, ctx.prefix);
    expect(ids(rest)).toEqual(ids([...before.slice(2), ...after]));
    const sentinel = event("Sentinel");
    await reopened.appendToStream(ctx.stream(), [sentinel]);
    expect(ids(await take(resumed, 1, ctx.prefix))).toEqual([sentinel.id]);
    await resumed.unsubscribe();
  });

  it('a subscription from "end" sees only events appended after it started', async () => {
    await ctx.store.appendToStream(ctx.stream(), events(3));
    const subscription = ctx.store.subscribeToAll({ fromPosition: "end" });
    await subscription.ready;
    const fresh = events(2);
    await ctx.store.appendToStream(ctx.stream(), fresh);
    expect(ids(await take(subscription, 2, ctx.prefix))).toEqual(ids(fresh));
    await subscription.unsubscribe();
  });

  it("unsubscribe ends an iteration that is waiting for events", async () => {
    const subscription = ctx.store.subscribeToAll({ fromPosition: "end" });
    await subscription.ready;
    const received: RecordedEvent[] = [];
    const consuming = (async () => {
      for await (const recorded of subscription) received.push(recorded);
      return "ended";
    })();
    const appended = event();
    await ctx.store.appendToStream(ctx.stream(), [appended]);
    for (let i = 0; i < 100 && ctx.own(received).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await subscription.unsubscribe();
    expect(await consuming).toBe("ended");
    expect(ids(ctx.own(received))).toEqual([appended.id]);
  });

  it("breaking out of for-await ends the subscription", async () => {
    const from = await ctx.checkpoint();
    await ctx.store.appendToStream(ctx.stream(), events(3));
    const subscription = ctx.store.subscribeToAll({ fromPosition: from });
    for await (const recorded of subscription) if (recorded.streamId === ctx.stream()) break;
    const next = await subscription[Symbol.asyncIterator]().next();
    expect(next.done).toBe(true);
  });

  it("several subscribers at once each receive every event", async () => {
    const from = await ctx.checkpoint();
    const subscriptions = [0, 1, 2].map(() => ctx.store.subscribeToAll({ fromPosition: from }));
    await Promise.all(subscriptions.map((s) => s.ready));
    const appended = events(3);
    for (const e of appended) await ctx.store.appendToStream(ctx.stream(), [e]);
    for (const subscription of subscriptions) {
      expect(ids(await take(subscription, 3, ctx.prefix))).toEqual(ids(appended));
      await subscription.unsubscribe();
    }
  });
}
