import { expect, it } from "vitest";
import { IdempotencyConflictError } from "../errors.js";
import type { ContractOptions } from "./harness.js";
import { type ContractContext, event, events, expectStreamMissing, ids, rejectionOf } from "./harness.js";

async function expectConflict(promise: Promise<unknown>): Promise<void> {
  expect(await rejectionOf(promise)).toBeInstanceOf(IdempotencyConflictError);
}

export function idempotencyCases(ctx: ContractContext, options: ContractOptions): void {
  it("a retried append (expectedRevision any) returns the first result and stores the events once", async () => {
    const stream = ctx.stream();
    const batch = events(3);
    const first = await ctx.store.appendToStream(stream, batch);
    const retry = await ctx.store.appendToStream(stream, batch);
    expect(retry).toEqual(first);
    expect(ids(await ctx.store.readStream(stream))).toEqual(ids(batch));
  });

  it("a retry with its original exact revision returns the first result, even after later appends", async () => {
    const stream = ctx.stream();
    await ctx.store.appendToStream(stream, events(2));
    const batch = events(2);
    const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: 1n });
    await ctx.store.appendToStream(stream, events(3));
    const retry = await ctx.store.appendToStream(stream, batch, { expectedRevision: 1n });
    expect(retry).toEqual(first);
    expect(retry.nextExpectedRevision).toBe(3n);
    expect(await ctx.store.readStream(stream)).toHaveLength(7);
  });

  it("a retry of a no_stream append succeeds with the first result", async () => {
    const stream = ctx.stream();
    const batch = events(2);
    const first = await ctx.store.appendToStream(stream, batch, { expectedRevision: "no_stream" });
    expect(await ctx.store.appendToStream(stream, batch, { expectedRevision: "no_stream" })).toEqual(first);
  });

  it("content equal as JSON (keys in another order) is still a retry", async () => {
    const stream = ctx.stream();
    const original = event("T", { a: 1, b: { c: 2, d: [3] } }, { x: "1", y: "2" });
    const first = await ctx.store.appendToStream(stream, [original]);
    const reordered = { ...original, data: { b: { d: [3], c: 2 }, a: 1 }, metadata: { y: "2", x: "1" } };
    expect(await ctx.store.appendToStream(stream, [reordered])).toEqual(first);
  });

  it("the same ids with different content are rejected and nothing more is stored", async () => {
    const stream = ctx.stream();
    const batch = events(2);
    await ctx.store.appendToStream(stream, batch);
    const changes = [
      batch.map((e, i) => (i === 1 ? { ...e, data: { i: 99 } } : e)),
      batch.map((e) => ({ ...e, type: "Other" })),
      batch.map((e) => ({ ...e, metadata: { changed: true } })),
    ];
    for (const changed of changes) await expectConflict(ctx.store.appendToStream(stream, changed));
    expect(ids(await ctx.store.readStream(stream))).toEqual(ids(batch));
  });

  it.skipIf(options.detectsIdReuseAcrossStreams === false)(
    "an id already stored in another stream is rejected",
    async () => {
      const stored = event();
      await ctx.store.appendToStream(ctx.stream("a"), [stored]);
      await expectConflict(ctx.store.appendToStream(ctx.stream("b"), [stored]));
      await expectStreamMissing(ctx.store, ctx.stream("b"));
    },
  );

  it("a batch that overlaps a stored batch in part is rejected and stores nothing", async () => {
    const stream = ctx.stream();
    const [a, b, c] = events(3) as [ReturnType<typeof event>, ReturnType<typeof event>, ReturnType<typeof event>];
    await ctx.store.appendToStream(stream, [a, b]);
    await expectConflict(ctx.store.appendToStream(stream, [b, c]));
    await expectConflict(ctx.store.appendToStream(stream, [c, a]));
    await expectConflict(ctx.store.appendToStream(stream, [b, a]));
    expect(ids(await ctx.store.readStream(stream))).toEqual(ids([a, b]));
  });

  it("a batch that repeats an id within itself is rejected and stores nothing", async () => {
    const stream = ctx.stream();
    const repeated = event();
    await expectConflict(ctx.store.appendToStream(stream, [repeated, event(), repeated]));
    await expectStreamMissing(ctx.store, stream);
  });

  it("concurrent identical retries all get the same result and store the batch once", async () => {
    const stream = ctx.stream();
    const batch = events(4);
    const results = await Promise.all(Array.from({ length: 5 }, () => ctx.store.appendToStream(stream, batch)));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(ids(await ctx.store.readStream(stream))).toEqual(ids(batch));
  });
}
