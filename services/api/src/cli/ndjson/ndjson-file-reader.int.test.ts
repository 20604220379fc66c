import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommunityEvent } from "@copgraph/domain";
import { importNdjson, type LineEvent, NdjsonEventStream } from "@copgraph/interchange";
import { afterAll, describe, expect, it } from "vitest";
import { ndjsonLines } from "../../testing/ndjson-lines.js";
import { NdjsonFileReader } from "./ndjson-file-reader.js";

// The reading thread against the same lines read in this thread (NdjsonEventStream) and the
// whole-file reader (importNdjson). Chunks of 4 KiB cut lines in many places.

const CHUNK = 4096;
const at = "2025-03-01T00:00:00.000Z";
const dir = mkdtempSync(join(tmpdir(), "copgraph-ndjson-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const history: CommunityEvent[] = [
  { type: "CommunityRegistered", data: { communityId: "c", name: "C", concern: "practice", occurredAt: at } },
  {
    type: "MemberJoined",
    data: { memberId: "a", displayName: "Ann", sector: "business", occupationalLayer: "management", occurredAt: at },
  },
  {
    type: "MemberJoined",
    data: { memberId: "b", displayName: "Bo", sector: "education", occupationalLayer: "management", occurredAt: at },
  },
  ...Array.from(
    { length: 400 },
    (_, i): CommunityEvent => ({
      type: "InteractionRecorded",
      data: {
        interactionId: `i${i}`,
        kind: "advice",
        from: i % 2 ? "a" : "b",
        to: [i % 2 ? "b" : "a"],
        occurredAt: at,
        // Some lines longer than a chunk, so one line spans several reads.
        ...(i % 97 === 5 ? { notes: "ü".repeat(1990) } : {}),
      },
    }),
  ),
];
const lines = ndjsonLines(history, at);

const writeLog = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

async function readAll(reader: NdjsonFileReader) {
  const events: LineEvent[] = [];
  let read = 0;
  for await (const piece of reader.pieces()) {
    events.push(...piece.events);
    expect(piece.read).toBeGreaterThanOrEqual(read);
    read = piece.read;
  }
  return { events, read };
}

describe("NdjsonFileReader", () => {
  it("gives the events and lines of the whole-file reader, with a byte order mark, CRLF and no last newline", async () => {
    const text = `\uFEFF${lines.join("\r\n\r\n")}`;
    const whole = importNdjson(text);
    if (!whole.ok) throw new Error("the log must import");
    const reader = new NdjsonFileReader(writeLog("good.ndjson", text), { validate: true }, CHUNK);
    const { events, read } = await readAll(reader);
    expect(reader.errors).toEqual([]);
    expect(reader.outOfOrder).toBe(false);
    expect(events.map(({ event }) => event)).toEqual(whole.events);
    expect(events.map(({ line }) => line)).toEqual(whole.rows);
    expect(read).toBe(Buffer.byteLength(text));
  });

  it("lists every bad line as the stream read in this thread does, across chunks", async () => {
    const bad = [...lines];
    bad[3] = "{not json";
    bad[120] = bad[120]?.replace('"kind":"advice"', '"kind":"gossip"') ?? "";
    const idOf = (line: string | undefined) => /"id":"[^"]+"/.exec(line ?? "")?.[0] ?? "";
    bad[121] = bad[121]?.replace(/"id":"[^"]+"/, idOf(lines[2])) ?? "";
    bad[300] = bad[300]?.replace(/"id":"[^"]+"/, '"id":"nope"') ?? "";
    const text = `${bad.join("\n")}\n`;
    const inThread = new NdjsonEventStream({ validate: true });
    const expected = inThread.lines(text.split("\n").slice(0, -1));
    const reader = new NdjsonFileReader(writeLog("bad.ndjson", text), { validate: true }, CHUNK);
    const { events } = await readAll(reader);
    expect(reader.errors.map(({ line }) => line)).toEqual([4, 121, 122, 301]);
    expect(reader.errors).toEqual(inThread.errors);
    expect(events).toEqual(expected);
  });

  it("says when revisions go backwards", async () => {
    const text = `${[lines[0], lines[2], lines[1], lines[3]].join("\n")}\n`;
    const reader = new NdjsonFileReader(writeLog("order.ndjson", text), { validate: true }, CHUNK);
    const { events } = await readAll(reader);
    expect(reader.outOfOrder).toBe(true);
    expect(events.map(({ line }) => line)).toEqual([1, 2]);
  });

  it("stops its thread when the caller leaves early", async () => {
    const reader = new NdjsonFileReader(writeLog("early.ndjson", `${lines.join("\n")}\n`), { validate: true }, CHUNK);
    let pieces = 0;
    for await (const _ of reader.pieces()) {
      pieces += 1;
      break;
    }
    expect(pieces).toBe(1);
  });

  it("fails with the thread's error when the file cannot be read", async () => {
    const reader = new NdjsonFileReader(join(dir, "missing.ndjson"), { validate: true }, CHUNK);
    await expect(readAll(reader)).rejects.toThrow(/ENOENT|no such file/);
  });
});
