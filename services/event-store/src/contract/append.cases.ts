import { expect, it } from "vitest";
import { WrongExpectedVersionError } from "../errors.js";
import { comparePositions } from "../internal/position.js";
import { NO_POSITION } from "../port.js";
import { type ContractContext, event, events, expectStreamMissing, ids, rejectionOf } from "./harness.js";

async function expectWrongVersion(promise: Promise<unknown>, actual: bigint | "no_stream"): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect((error as WrongExpectedVersionError).actualRevision).toBe(actual);
}

export function appendCases(ctx: ContractContext): void {
  it("appends to a new stream with expectedRevision any: revisions start at 0", async () => {
    const stream = ctx.stream();
    const result = await ctx.store.appendToStream(stream, events(3), { expectedRevision: "any" });
    expect(result.success).toBe(true);
    expect(result.nextExpectedRevision).toBe(2n);
    const stored = await ctx.store.readStream(stream);
    expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(stored[2]?.position).toEqual(result.position);
  });

  it("defaults to expectedRevision any", async () => {
    const stream = ctx.stream();
    await ctx.store.appendToStream(stream, events(1));
    const result = await ctx.store.appendToStream(stream, events(1));
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it("no_stream creates a stream; a second no_stream append fails with the actual revision", async () => {
    const stream = ctx.stream();
    const first = await ctx.store.appendToStream(stream, events(2), { expectedRevision: "no_stream" });
    expect(first.nextExpectedRevision).toBe(1n);
    await expectWrongVersion(ctx.store.appendToStream(stream, events(1), { expectedRevision: "no_stream" }), 1n);
    expect(await ctx.store.readStream(stream)).toHaveLength(2);
  });

  it("stream_exists fails on a missing stream (actual no_stream) and succeeds once it exists", async () => {
    const stream = ctx.stream();
    await expectWrongVersion(
      ctx.store.appendToStream(stream, events(1), { expectedRevision: "stream_exists" }),
      "no_stream",
    );
    await expectStreamMissing(ctx.store, stream);
    await ctx.store.appendToStream(stream, events(1));
    const result = await ctx.store.appendToStream(stream, events(1), { expectedRevision: "stream_exists" });
    expect(result.nextExpectedRevision).toBe(1n);
  });

  it("an exact expected revision succeeds when it is the stream's last revision", async () => {
    const stream = ctx.stream();
    const first = await ctx.store.appendToStream(stream, events(2));
    const second = await ctx.store.appendToStream(stream, events(3), { expectedRevision: first.nextExpectedRevision });
    expect(second.nextExpectedRevision).toBe(4n);
  });

  it("a stale exact revision fails with WrongExpectedVersionError carrying the actual revision; nothing is stored", async () => {
    const stream = ctx.stream();
    await ctx.store.appendToStream(stream, events(3));
    const error = await rejectionOf(ctx.store.appendToStream(stream, events(2), { expectedRevision: 0n }));
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamId: stream, expectedRevision: 0n, actualRevision: 2n });
    expect(await ctx.store.readStream(stream)).toHaveLength(3);
  });

  it("an exact revision on a missing stream fails with actual no_stream", async () => {
    const stream = ctx.stream();
    await expectWrongVersion(ctx.store.appendToStream(stream, events(1), { expectedRevision: 0n }), "no_stream");
    await expectStreamMissing(ctx.store, stream);
  });

  it("revisions are 0-based and contiguous across appends", async () => {
    const stream = ctx.stream();
    for (const size of [1, 3, 2, 4]) await ctx.store.appendToStream(stream, events(size));
    const stored = await ctx.store.readStream(stream);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
  });

  it("positions strictly increase across streams, in append order", async () => {
    const results = [];
    for (const name of ["a", "b", "a", "c", "b"])
      results.push(await ctx.store.appendToStream(ctx.stream(name), events(2)));
    for (let i = 1; i < results.length; i++) {
      expect(comparePositions(results[i - 1]!.position, results[i]!.position)).toBe(-1);
    }
    const all = ctx.own(await ctx.store.readAll({ fromPosition: "start" }));
    for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBe(-1);
  });

  it("an empty batch with a satisfied expected revision returns the current revision and stores nothing", async () => {
    const stream = ctx.stream();
    const appended = await ctx.store.appendToStream(stream, events(2));
    for (const expectedRevision of ["any", "stream_exists", 1n] as const) {
      const result = await ctx.store.appendToStream(stream, [], { expectedRevision });
      expect(result).toEqual({ success: true, nextExpectedRevision: 1n, position: appended.position });
    }
    await expectWrongVersion(ctx.store.appendToStream(stream, [], { expectedRevision: "no_stream" }), 1n);
    await expectWrongVersion(ctx.store.appendToStream(stream, [], { expectedRevision: 5n }), 1n);
    expect(await ctx.store.readStream(stream)).toHaveLength(2);
  });

  it("an empty batch to a missing stream returns -1n and NO_POSITION, or WrongExpectedVersionError", async () => {
    const stream = ctx.stream();
    for (const expectedRevision of ["any", "no_stream"] as const) {
      const result = await ctx.store.appendToStream(stream, [], { expectedRevision });
      expect(result).toEqual({ success: true, nextExpectedRevision: -1n, position: NO_POSITION });
    }
    await expectWrongVersion(ctx.store.appendToStream(stream, [], { expectedRevision: "stream_exists" }), "no_stream");
    await expectStreamMissing(ctx.store, stream);
  });

  it("refuses malformed events (id not a UUID, empty type, data not an object) and stores nothing", async () => {
    const stream = ctx.stream();
    const good = event();
    const malformed = [
      { ...good, id: "not-a-uuid" },
      { ...good, type: "" },
      { ...good, data: [1, 2] as unknown as { [key: string]: never } },
    ];
    for (const bad of malformed) {
      expect(await rejectionOf(ctx.store.appendToStream(stream, [event(), bad]))).toBeInstanceOf(TypeError);
    }
    await expectStreamMissing(ctx.store, stream);
  });

  it("stores ids in lower case, so an upper-case retry is the same event", async () => {
    const stream = ctx.stream();
    const original = event();
    const first = await ctx.store.appendToStream(stream, [{ ...original, id: original.id.toUpperCase() }]);
    const retry = await ctx.store.appendToStream(stream, [original]);
    expect(retry).toEqual(first);
    expect(ids(await ctx.store.readStream(stream))).toEqual([original.id.toLowerCase()]);
  });
}
