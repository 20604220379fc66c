import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IdempotencyConflictError, WrongExpectedVersionError } from "../errors.js";
import type { EventData } from "../port.js";
import { openSqliteEventStore, type SqliteEventStore } from "./store.js";
import { tempDir } from "./test-support.js";

const event = (data: Record<string, number> = {}): EventData => ({ id: randomUUID(), type: "T", data });

describe("SQLite group commit", () => {
  let store: SqliteEventStore;
  let remove: () => Promise<void>;

  beforeEach(async () => {
    const temp = await tempDir();
    remove = temp.remove;
    store = openSqliteEventStore({ path: temp.path });
  });

  afterEach(async () => {
    await store.close();
    await remove();
  });

  it("writes 200 concurrent appends to different streams in far fewer transactions", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.appendToStream(`s-${i}`, [event()])));
    expect(results).toHaveLength(200);
    const stats = store.stats();
    expect(stats.appends).toBe(200);
    expect(stats.flushes).toBeLessThanOrEqual(2);
  });

  it("checks each append against the appends before it in the same flush", async () => {
    const pending = [
      store.appendToStream("s", [event(), event()], { expectedRevision: "no_stream" }),
      store.appendToStream("s", [event()], { expectedRevision: 1n }),
      store.appendToStream("s", [event()], { expectedRevision: "no_stream" }),
      store.appendToStream("s", [], { expectedRevision: 2n }),
    ];
    const [first, second, third, empty] = await Promise.allSettled(pending);
    expect(first).toMatchObject({ status: "fulfilled", value: { nextExpectedRevision: 1n } });
    expect(second).toMatchObject({ status: "fulfilled", value: { nextExpectedRevision: 2n } });
    expect(third).toMatchObject({ status: "rejected", reason: { actualRevision: 2n } });
    expect(empty).toMatchObject({ status: "fulfilled", value: { nextExpectedRevision: 2n } });
    expect(store.stats().flushes).toBe(1);
  });

  it("a failing append inside a flush does not fail or undo the others", async () => {
    const taken = event();
    await store.appendToStream("other", [taken]);
    const flushesBefore = store.stats().flushes;
    const ok1 = [event(), event()];
    const ok2 = [event()];
    const settled = await Promise.allSettled([
      store.appendToStream("a", ok1),
      store.appendToStream("b", [event()], { expectedRevision: 5n }),
      // Fails inside its savepoint, after its first event was inserted.
      store.appendToStream("c", [event(), taken, event()]),
      store.appendToStream("d", ok2),
    ]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyConflictError);
    expect(store.stats().flushes).toBe(flushesBefore + 1);
    expect((await store.readStream("a")).map((e) => e.id)).toEqual(ok1.map((e) => e.id));
    expect((await store.readStream("d")).map((e) => e.id)).toEqual(ok2.map((e) => e.id));
    await expect(store.readStream("c")).rejects.toThrow(/not found/);
    // Positions stay gap-free for readers: the rolled-back rows never became visible.
    const all = await store.readAll();
    expect(all.map((e) => e.streamId)).toEqual(["other", "a", "a", "d"]);
  });

  it("undoes a long append refused in the middle of a multi-row insert, answers its retry, and keeps the others of the flush", async () => {
    const stored = Array.from({ length: 200 }, (_, n) => event({ n }));
    const first = await store.appendToStream("long", stored);
    const clashing = Array.from({ length: 200 }, (_, n) => event({ n }));
    clashing[150] = { ...(stored[3] as EventData), data: { n: -1 } };
    const [retry, refused, other] = await Promise.allSettled([
      store.appendToStream("long", stored),
      store.appendToStream("long", clashing),
      store.appendToStream(
        "other",
        Array.from({ length: 130 }, (_, n) => event({ n })),
      ),
    ]);
    expect(retry).toEqual({ status: "fulfilled", value: first });
    expect(refused.status === "rejected" && refused.reason).toBeInstanceOf(IdempotencyConflictError);
    expect(other.status).toBe("fulfilled");
    const long = await store.readStream("long", { maxCount: 1000 });
    expect(long.map((e) => e.data.n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect((await store.readStream("other", { maxCount: 1000 })).map((e) => e.revision)).toEqual(
      Array.from({ length: 130 }, (_, n) => BigInt(n)),
    );
    const all = await store.readAll({ maxCount: 1000 });
    expect(all.map((e) => e.position.commit)).toEqual(Array.from({ length: 330 }, (_, n) => BigInt(n + 1)));
  });

  it("splits a long queue into transactions of at most maxEventsPerFlush events, never splitting an append", async () => {
    const temp = await tempDir();
    const small = openSqliteEventStore({ path: temp.path, maxEventsPerFlush: 10 });
    try {
      await Promise.all([
        ...Array.from({ length: 25 }, (_, i) => small.appendToStream(`s${i}`, [event()])),
        small.appendToStream(
          "big",
          Array.from({ length: 30 }, () => event()),
        ),
      ]);
      expect(small.stats().flushes).toBe(4);
      expect(await small.readStream("big")).toHaveLength(30);
    } finally {
      await small.close();
      await temp.remove();
    }
  });

  it("close() writes and acknowledges appends still queued, then refuses new work", async () => {
    const pending = Array.from({ length: 20 }, (_, i) => store.appendToStream(`q${i % 3}`, [event({ i })]));
    await store.close();
    const results = await Promise.all(pending);
    expect(results).toHaveLength(20);
    expect(store.stats().appends).toBe(20);
    await expect(store.appendToStream("q0", [event()])).rejects.toThrow(/closed/);
    await expect(store.readAll()).rejects.toThrow(/closed/);
  });
});
