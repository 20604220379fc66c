import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importNdjson, toNdjson } from "./ndjson.js";
import { type LineEvent, NdjsonEventStream } from "./ndjson-stream.js";
import { loggedEvents, sampleCommunity } from "./testing/log.js";

const log = loggedEvents(sampleCommunity());

/** Feeds `text` cut at `cuts` (offsets) and collects everything the stream gives. */
function readInPieces(text: string, cuts: readonly number[], validate = true) {
  const stream = new NdjsonEventStream({ validate });
  const events: LineEvent[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    events.push(...stream.push(text.slice(from, cut)));
    from = cut;
  }
  events.push(...stream.push(text.slice(from)), ...stream.end());
  return { stream, events };
}

describe("NdjsonEventStream", () => {
  it("gives the events and lines of importNdjson, wherever the chunks are cut", () => {
    const text = `\uFEFF${toNdjson(log).replaceAll("\n", "\r\n\r\n")}`;
    const whole = importNdjson(text);
    if (!whole.ok) throw new Error("sample log must import");
    fc.assert(
      fc.property(fc.array(fc.nat({ max: text.length }), { maxLength: 12 }), (cuts) => {
        const { stream, events } = readInPieces(text, cuts);
        expect(stream.errors).toEqual([]);
        expect(stream.outOfOrder).toBe(false);
        expect(events.map(({ event }) => event)).toEqual(whole.events);
        expect(events.map(({ line }) => line)).toEqual(whole.rows);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same events from lines the caller split, a byte order mark on the first one", () => {
    const text = `\uFEFF${toNdjson(log).replaceAll("\n", "\r\n")}`;
    const whole = importNdjson(text);
    if (!whole.ok) throw new Error("sample log must import");
    const stream = new NdjsonEventStream({ validate: true });
    const lines = text.split("\n");
    const events = [...stream.lines(lines.slice(0, 3)), ...stream.lines(lines.slice(3))];
    expect(stream.errors).toEqual([]);
    expect(events.map(({ event }) => event)).toEqual(whole.events);
    expect(events.map(({ line }) => line)).toEqual(whole.rows);
  });

  it("reads a last line without a newline", () => {
    const text = toNdjson(log).trimEnd();
    expect(readInPieces(text, []).events).toHaveLength(log.length);
  });

  it("lists every bad line with its number, as the whole-file reader does", () => {
    const bad = [
      log[0]!,
      { ...log[1]!, data: { ...log[1]!.data, sector: "astrology" } },
      { ...log[2]!, id: "not-a-uuid" },
      { ...log[3]!, id: log[0]!.id },
    ];
    const { stream } = readInPieces(`${toNdjson(bad)}{oops\n`, [7, 400]);
    expect(stream.errors).toEqual([
      { line: 2, message: expect.stringMatching(/^data\.sector: /) },
      { line: 3, message: "id 'not-a-uuid' is not a UUID" },
      { line: 4, message: `id ${log[0]!.id} repeats an earlier line` },
      { line: 5, message: expect.stringMatching(/^not JSON: /) },
    ]);
  });

  it("stops at a revision that does not come after the one before", () => {
    const { stream, events } = readInPieces(toNdjson([log[0]!, log[2]!, log[1]!, log[3]!]), []);
    expect(stream.outOfOrder).toBe(true);
    expect(events).toHaveLength(2);
  });

  it("without validation, passes type, data, id and recordedAt through as read", () => {
    const { events } = readInPieces(toNdjson(log), [50], false);
    expect(events.map(({ event }) => event)).toEqual(
      log.map(({ id, type, data, recordedAt }) => ({ type, data, id, recordedAt })),
    );
  });
});
