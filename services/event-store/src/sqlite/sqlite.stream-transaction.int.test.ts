import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IdempotencyConflictError, StreamNotFoundError, WrongExpectedVersionError } from "../errors.js";
import type { EventData, RecordedEvent, StreamTransaction } from "../port.js";
import { openSqliteEventStore, type SqliteEventStore } from "./store.js";
import { tempDir } from "./test-support.js";

const event = (n: number): EventData => ({ id: randomUUID(), type: "T", data: { n } });
const events = (from: number, count: number) => Array.from({ length: count }, (_, i) => event(from + i));

describe("SQLite stream transactions", () => {
  let store: SqliteEventStore;
  let path: string;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    const temp = await tempDir();
    remove = temp.remove;
    path = temp.path;
    store = openSqliteEventStore({ path });
  });

  afterEach(async () => {
    await store.close();
    await remove();
  });

  it("stores every append of a committed transaction, in order, as one append", async () => {
    await store.appendToStream("other", [event(-1)]);
    const tx = await store.beginStreamTransaction("s", { expectedRevision: "no_stream" });
    await tx.append(events(0, 3));
    await tx.append(events(3, 2));
    const result = await tx.commit();
    expect(result.nextExpectedRevision).toBe(4n);
    expect(result.position.commit).toBe(6n);
    const stored = await store.readStream("s");
    expect(stored.map((e) => e.data.n)).toEqual([0, 1, 2, 3, 4]);
    expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(store.stats().events).toBe(6);
  });

  it("stores nothing of an aborted transaction, and the stream can be written afterwards", async () => {
    const tx = await store.beginStreamTransaction("s");
    await tx.append(events(0, 100));
    await tx.abort();
    await expect(store.readStream("s")).rejects.toBeInstanceOf(StreamNotFoundError);
    await store.appendToStream("s", [event(7)], { expectedRevision: "no_stream" });
    expect((await store.readStream("s")).map((e) => e.revision)).toEqual([0n]);
  });

  it("refuses to begin at the wrong expected revision, and lets the next transaction begin", async () => {
    await store.appendToStream("s", [event(0)]);
    await expect(store.beginStreamTransaction("s", { expectedRevision: "no_stream" })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    const tx = await store.beginStreamTransaction("s", { expectedRevision: 0n });
    await tx.append([event(1)]);
    expect((await tx.commit()).nextExpectedRevision).toBe(1n);
  });

  it("fails on an id already stored, stores nothing of it, and reports the failure at the commit", async () => {
    const taken = event(0);
    await store.appendToStream("elsewhere", [taken]);
    const tx = await store.beginStreamTransaction("s");
    await tx.append(events(1, 5));
    await expect(tx.append([event(6), { ...taken, data: { n: 7 } }])).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(tx.append([event(8)])).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(tx.commit()).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(store.readStream("s")).rejects.toBeInstanceOf(StreamNotFoundError);
    expect((await store.readAll()).length).toBe(1);
  });

  it("stores appends of many rows (several multi-row inserts and a rest) with consecutive revisions and positions", async () => {
    await store.appendToStream("other", [event(-1)]);
    const tx = await store.beginStreamTransaction("s", { expectedRevision: "no_stream" });
    await tx.append(events(0, 200));
    await tx.append(events(200, 64));
    const result = await tx.commit();
    expect(result.nextExpectedRevision).toBe(263n);
    expect(result.position.commit).toBe(265n);
    const stored = await store.readStream("s", { maxCount: 1000 });
    expect(stored.map((e) => e.data.n)).toEqual(Array.from({ length: 264 }, (_, i) => i));
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 264 }, (_, i) => BigInt(i)));
    expect(stored.map((e) => e.position.commit)).toEqual(Array.from({ length: 264 }, (_, i) => BigInt(i + 2)));
  });

  it.each([
    ["stored before the transaction", "before"],
    ["stored by an earlier append of the transaction", "earlier"],
  ])("names an id %s when it sits inside a multi-row insert", async (_, where) => {
    const before = event(0);
    await store.appendToStream("elsewhere", [before]);
    const tx = await store.beginStreamTransaction("s");
    const earlier = events(1, 100);
    await tx.append(earlier);
    const taken = where === "before" ? before : (earlier[10] as EventData);
    const batch = events(101, 200);
    batch[150] = { ...taken, data: { n: -2 } };
    await expect(tx.append(batch)).rejects.toMatchObject({ eventId: taken.id });
    await expect(tx.commit()).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await store.readAll()).length).toBe(1);
  });

  it("makes other appends wait until it ends, then writes them after it", async () => {
    const tx = await store.beginStreamTransaction("s");
    await tx.append(events(0, 10));
    let otherDone = false;
    const other = store.appendToStream("t", [event(100)]).then((result) => {
      otherDone = true;
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(otherDone).toBe(false);
    await tx.append(events(10, 10));
    await tx.commit();
    const result = await other;
    expect(result.position.commit).toBe(21n);
  });

  it("begins while many appends are being flushed, and every append and the transaction are stored once", async () => {
    // Appends in many turns keep the writer thread flushing; the transaction begins among them.
    const appends: Promise<unknown>[] = [];
    let began: Promise<StreamTransaction> | undefined;
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 30; i++) appends.push(store.appendToStream(`w-${round}-${i}`, [event(i)]));
      if (round === 20) began = store.beginStreamTransaction("s", { expectedRevision: "no_stream" });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const tx = await (began as Promise<StreamTransaction>);
    for (let i = 0; i < 200; i++) appends.push(store.appendToStream(`late-${i}`, [event(i)]));
    await tx.append(events(0, 1_000));
    await tx.commit();
    await Promise.all(appends);
    const all = await store.readAll({ maxCount: 10_000 });
    expect(all).toHaveLength(1_000 + 1_400);
    expect(all.map((e) => e.position.commit)).toEqual(all.map((_, i) => BigInt(i + 1)));
    const transaction = all.filter((e) => e.streamId === "s").map((e) => e.position.commit);
    // The transaction's events are consecutive: no other append landed inside it.
    expect(Number((transaction.at(-1) ?? 0n) - (transaction[0] ?? 0n))).toBe(999);
  });

  it("runs transactions one at a time", async () => {
    const first = await store.beginStreamTransaction("a");
    const secondBegun = store.beginStreamTransaction("b");
    await first.append(events(0, 2));
    await first.commit();
    const second = await secondBegun;
    await second.append(events(2, 2));
    await second.commit();
    const all = await store.readAll();
    expect(all.map((e) => e.streamId)).toEqual(["a", "a", "b", "b"]);
  });

  it("delivers a committed transaction to live subscribers without gaps, read from the file", async () => {
    await store.appendToStream("s", events(0, 3));
    const subscription = store.subscribeToAll({ fromPosition: "start" });
    const seen: RecordedEvent[] = [];
    const reading = (async () => {
      for await (const recorded of subscription) {
        seen.push(recorded);
        if (seen.length === 3 + 2_500 + 1) break;
      }
    })();
    const tx = await store.beginStreamTransaction("s", { expectedRevision: 2n });
    for (let i = 0; i < 5; i++) await tx.append(events(3 + i * 500, 500));
    await tx.commit();
    await store.appendToStream("s", [event(9_999)]);
    await reading;
    expect(seen.map((e) => e.position.commit)).toEqual(Array.from({ length: 2_504 }, (_, i) => BigInt(i + 1)));
    expect(seen.at(-1)?.data.n).toBe(9_999);
  });

  it("stores nothing when the store is closed in the middle of a transaction", async () => {
    const tx = await store.beginStreamTransaction("s");
    await tx.append(events(0, 50));
    await store.close();
    store = openSqliteEventStore({ path });
    await expect(store.readStream("s")).rejects.toBeInstanceOf(StreamNotFoundError);
    expect(await store.readAll()).toEqual([]);
  });
});
