import { expect, it } from "vitest";
import { StreamNotFoundError } from "../errors.js";
import type { EventData, StreamInfo } from "../port.js";
import { type ContractContext, event, events, ids, rejectionOf } from "./harness.js";

export function readCases(ctx: ContractContext): void {
  it("readStream pages forwards with fromRevision and maxCount", async () => {
    const stream = ctx.stream();
    const appended = events(7);
    await ctx.store.appendToStream(stream, appended);
    const pages = [];
    for (let from = 0n; ; ) {
      const page = await ctx.store.readStream(stream, { fromRevision: from, maxCount: 3 });
      if (page.length === 0) break;
      pages.push(page.map((e) => Number(e.revision)));
      from = page.at(-1)!.revision + 1n;
    }
    expect(pages).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(ids(await ctx.store.readStream(stream, { fromRevision: "start" }))).toEqual(ids(appended));
    expect(await ctx.store.readStream(stream, { fromRevision: 7n })).toEqual([]);
  });

  it("readStream pages backwards from the end", async () => {
    const stream = ctx.stream();
    const appended = events(5);
    await ctx.store.appendToStream(stream, appended);
    const first = await ctx.store.readStream(stream, { direction: "backwards", maxCount: 2 });
    expect(first.map((e) => e.revision)).toEqual([4n, 3n]);
    const second = await ctx.store.readStream(stream, { direction: "backwards", fromRevision: 2n, maxCount: 10 });
    expect(second.map((e) => e.revision)).toEqual([2n, 1n, 0n]);
    expect(ids([...first, ...second])).toEqual(ids(appended).reverse());
  });

  it("readStream throws StreamNotFoundError for a stream with no events", async () => {
    const error = await rejectionOf(ctx.store.readStream(ctx.stream("missing")));
    expect(error).toBeInstanceOf(StreamNotFoundError);
    expect((error as StreamNotFoundError).streamId).toBe(ctx.stream("missing"));
  });

  it("readAll orders the events of several streams by position, in append order", async () => {
    const appended: EventData[] = [];
    const order: string[] = [];
    for (const name of ["a", "b", "a", "c"]) {
      const batch = events(2);
      await ctx.store.appendToStream(ctx.stream(name), batch);
      appended.push(...batch);
      order.push(ctx.stream(name), ctx.stream(name));
    }
    const [first] = await ctx.store.readStream(ctx.stream("a"), { maxCount: 1 });
    const all = ctx.own(await ctx.store.readAll({ fromPosition: first!.position, maxCount: 100 }));
    expect(ids(all)).toEqual(ids(appended));
    expect(all.map((e) => e.streamId)).toEqual(order);
    expect(all.map((e) => e.revision)).toEqual([0n, 1n, 0n, 1n, 2n, 3n, 0n, 1n]);
  });

  it("readAll pages forwards; fromPosition is inclusive", async () => {
    const appended = events(6);
    for (const [i, e] of appended.entries()) await ctx.store.appendToStream(ctx.stream(`s${i % 2}`), [e]);
    const [first] = await ctx.store.readStream(ctx.stream("s0"), { maxCount: 1 });
    const full = await ctx.store.readAll({ fromPosition: first!.position, maxCount: 6 });
    expect(ids(full)).toEqual(ids(appended));
    const page1 = await ctx.store.readAll({ fromPosition: first!.position, maxCount: 4 });
    const page2 = await ctx.store.readAll({ fromPosition: page1.at(-1)!.position, maxCount: 3 });
    // The next page starts with the previous page's last event.
    expect(page2[0]).toEqual(page1.at(-1));
    expect(ids([...page1, ...page2.slice(1)])).toEqual(ids(appended));
  });

  it("readAll pages backwards; fromPosition is exclusive", async () => {
    const appended = events(6);
    for (const [i, e] of appended.entries()) await ctx.store.appendToStream(ctx.stream(`s${i % 3}`), [e]);
    const page1 = await ctx.store.readAll({ direction: "backwards", fromPosition: "end", maxCount: 4 });
    const page2 = await ctx.store.readAll({
      direction: "backwards",
      fromPosition: page1.at(-1)!.position,
      maxCount: 2,
    });
    expect(ids([...page1, ...page2])).toEqual(ids(appended).reverse());
    expect(await ctx.store.readAll({ direction: "backwards", fromPosition: "start" })).toEqual([]);
  });

  it("data and metadata round-trip: unicode, nested JSON, numbers, null; metadata defaults to {}", async () => {
    const stream = ctx.stream();
    const data = {
      name: "Ève ☕ 𝄞 — 中文 — emoji 👩🏽‍💻",
      nested: { list: [1, 2.5, -3, { deep: [null, true, false, "x"] }], empty: {}, none: null },
      big: 9_007_199_254_740_991,
      quote: 'she said "hi"\n\ttab\\slash',
    };
    const metadata = { correlationId: "c-1", tags: ["α", "β"], recordedBy: { user: "ü" } };
    const withMetadata = event("Rich", data, metadata);
    const bare = event("Bare", { ok: true });
    await ctx.store.appendToStream(stream, [withMetadata, bare]);
    const [richRead, bareRead] = await ctx.store.readStream(stream);
    expect(richRead).toMatchObject({ streamId: stream, id: withMetadata.id, type: "Rich", data, metadata });
    expect(bareRead).toMatchObject({ id: bare.id, type: "Bare", data: { ok: true }, metadata: {} });
  });

  it("created is a Date near now", async () => {
    const before = Date.now();
    await ctx.store.appendToStream(ctx.stream(), events(1));
    const [read] = await ctx.store.readStream(ctx.stream());
    expect(read!.created).toBeInstanceOf(Date);
    // Generous bounds: a server's clock may differ a little from the test's.
    expect(Math.abs(read!.created.getTime() - before)).toBeLessThan(60_000);
  });

  it("listStreams lists the streams with a prefix and their revisions, in id order", async () => {
    await ctx.store.appendToStream(ctx.stream("b"), events(2));
    await ctx.store.appendToStream(ctx.stream("a"), [event()]);
    await ctx.store.appendToStream(`other-${ctx.prefix}`, [event()]);
    const expected: StreamInfo[] = [
      { streamId: ctx.stream("a"), revision: 0n },
      { streamId: ctx.stream("b"), revision: 1n },
    ];
    // EventStoreDB lists streams through a projection that runs asynchronously: allow it a moment.
    let listed: StreamInfo[] = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      listed = await ctx.store.listStreams(ctx.prefix);
      if (listed.length >= expected.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(listed).toEqual(expected);
  });
}
