import { expect, it } from "vitest";
import { WrongExpectedVersionError } from "../errors.js";
import { type ContractContext, events, ids } from "./harness.js";

export function volumeCases(ctx: ContractContext): void {
  it("a 10,000-event batch is stored whole and reads back contiguous", async () => {
    const stream = ctx.stream();
    const batch = events(10_000, "Bulk");
    const result = await ctx.store.appendToStream(stream, batch, { expectedRevision: "no_stream" });
    expect(result.nextExpectedRevision).toBe(9_999n);
    const stored = await ctx.store.readStream(stream);
    expect(stored).toHaveLength(10_000);
    expect(stored.every((e, i) => e.revision === BigInt(i) && e.id === batch[i]?.id && e.data.i === i)).toBe(true);
    expect(stored.at(-1)?.position).toEqual(result.position);
  });

  it("concurrent appends to one stream with the same exact revision: exactly one wins", async () => {
    const stream = ctx.stream();
    await ctx.store.appendToStream(stream, events(1));
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () => ctx.store.appendToStream(stream, events(2), { expectedRevision: 0n })),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const lost = attempts.flatMap((a) => (a.status === "rejected" ? [a.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(9);
    for (const reason of lost) {
      expect(reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((reason as WrongExpectedVersionError).actualRevision).toBe(2n);
    }
    expect(await ctx.store.readStream(stream)).toHaveLength(3);
  });

  it("concurrent appends to many streams all succeed", async () => {
    const streams = Array.from({ length: 50 }, (_, i) => ctx.stream(`s${i}`));
    const batches = streams.map(() => events(2));
    const results = await Promise.all(
      streams.map((stream, i) => ctx.store.appendToStream(stream, batches[i]!, { expectedRevision: "no_stream" })),
    );
    for (const result of results) expect(result.nextExpectedRevision).toBe(1n);
    expect(new Set(results.map((r) => `${r.position.commit}/${r.position.prepare}`)).size).toBe(50);
    for (const [i, stream] of streams.entries())
      expect(ids(await ctx.store.readStream(stream))).toEqual(ids(batches[i]!));
  });

  it("sequential appends racing on one stream with exact revisions keep it contiguous", async () => {
    const stream = ctx.stream();
    // Each writer reads the head and appends after it; losers retry. The stream must stay gap-free.
    const writer = async (name: number) => {
      for (let done = 0; done < 5; ) {
        const [head] = await ctx.store.readStream(stream, { direction: "backwards", maxCount: 1 }).catch(() => []);
        try {
          await ctx.store.appendToStream(stream, events(1, `W${name}`), {
            expectedRevision: head ? head.revision : "no_stream",
          });
          done += 1;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
        }
      }
    };
    await Promise.all([writer(1), writer(2), writer(3)]);
    const stored = await ctx.store.readStream(stream);
    expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 15 }, (_, i) => BigInt(i)));
  });
}
