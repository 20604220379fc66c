import { describe, expect, it } from "vitest";
import { importNdjson, parseNdjson, toNdjson } from "./ndjson.js";
import { loggedEvents, sampleCommunity } from "./testing/log.js";

const log = loggedEvents(sampleCommunity());

describe("toNdjson / parseNdjson", () => {
  it("write one event per line in envelope order and read them back unchanged", () => {
    const text = toNdjson(log);
    const lines = text.split("\n");
    expect(lines).toHaveLength(log.length + 1);
    expect(lines.at(-1)).toBe("");
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual([
      "id",
      "type",
      "revision",
      "position",
      "occurredAt",
      "recordedAt",
      "schemaVersion",
      "data",
      "metadata",
    ]);
    expect(parseNdjson(text)).toEqual({ ok: true, records: log, lines: log.map((_, i) => i + 1) });
  });

  it("accept CRLF, a BOM and blank lines, counting lines as in the file", () => {
    const text = `\uFEFF${toNdjson(log.slice(0, 2)).replaceAll("\n", "\r\n\r\n")}`;
    expect(parseNdjson(text)).toMatchObject({ ok: true, lines: [1, 3] });
  });

  it("report every bad line with its number", () => {
    const good = toNdjson(log.slice(0, 2)).trimEnd().split("\n");
    const text = [
      good[0],
      "{ not json",
      "[1,2]",
      JSON.stringify({ ...log[1], revision: "1", data: null }),
      good[0],
      good[1],
    ].join("\n");
    const result = parseNdjson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        { line: 2, message: expect.stringContaining("not JSON") },
        { line: 3, message: "expected a JSON object (one event per line)" },
        { line: 4, message: "revision must be an integer" },
        { line: 4, message: "data must be an object" },
        { line: 5, message: `id ${log[0]!.id} repeats line 1` },
        { line: 5, message: "revision 0 repeats line 1" },
      ]);
    }
  });
});

describe("importNdjson", () => {
  it("gives { id, type, data, recordedAt } in revision order with the line of each", () => {
    const shuffled = toNdjson([log[2]!, log[0]!, log[1]!]);
    const result = importNdjson(shuffled);
    expect(result).toEqual({
      ok: true,
      events: [0, 1, 2].map((i) => ({
        id: log[i]!.id,
        type: log[i]!.type,
        data: log[i]!.data,
        recordedAt: log[i]!.recordedAt,
      })),
      rows: [2, 3, 1],
    });
  });

  it("is idempotent: importing an export gives the same ids again", () => {
    const first = importNdjson(toNdjson(log));
    const again = importNdjson(toNdjson(log));
    expect(first.ok && again.ok && first.events.map((e) => e.id)).toEqual(log.map((e) => e.id));
    expect(again).toEqual(first);
  });

  it("refuses invalid events, non-UUID ids and unknown schema versions, by line", () => {
    const bad = [
      { ...log[1]!, data: { ...log[1]!.data, sector: "finance" } },
      { ...log[2]!, id: "not-a-uuid" },
      { ...log[3]!, schemaVersion: 2 },
      { ...log[4]!, type: "MemberPromoted" },
    ];
    const result = importNdjson(toNdjson([log[0]!, ...bad]));
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, message: expect.stringMatching(/^data\.sector: must be one of: /) },
        { line: 3, message: "id 'not-a-uuid' is not a UUID" },
        { line: 4, message: "schemaVersion 2 of MemberJoined is not the current 1" },
        { line: 5, message: expect.stringMatching(/^type: /) },
      ],
    });
  });
});
