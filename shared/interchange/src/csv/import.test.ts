import { parseEvent, sectors } from "@copgraph/domain";
import { describe, expect, it } from "vitest";
import { type CsvKind, csvKinds } from "./columns.js";
import { parseCsvImport } from "./import.js";
import { csvTemplate } from "./template.js";

const options = { communityId: "makers", now: new Date("2025-06-01T00:00:00Z") };
const utf8 = (text: string) => new TextEncoder().encode(text);
const parse = (kind: CsvKind, text: string) => parseCsvImport(kind, utf8(text), options);
const errorsOf = (kind: CsvKind, text: string) => {
  const result = parse(kind, text);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
};

const MEMBERS = "memberId,displayName,sector,occupationalLayer,organisation,learningEnvironment,joinedAt";

describe("members files", () => {
  it("read a BOM, CRLF, quoted cells and custom attribute columns into MemberJoined events", () => {
    const text = `\uFEFF${MEMBERS},region,cohort.year\r\nm1,"Jansen, Ada",education,director,,formal,2025-01-15,north,2024\r\nm2,"Bo ""B"" Li",health,student,"Clinic\r\nNorth",,2025-02-01T09:00:00+01:00,,\r\n`;
    const result = parse("members", text);
    expect(result).toEqual({
      ok: true,
      events: [
        {
          type: "MemberJoined",
          data: {
            memberId: "m1",
            displayName: "Jansen, Ada",
            sector: "education",
            occupationalLayer: "director",
            learningEnvironment: "formal",
            attributes: { region: "north", "cohort.year": "2024" },
            occurredAt: "2025-01-15T00:00:00Z",
          },
        },
        {
          type: "MemberJoined",
          data: {
            memberId: "m2",
            displayName: 'Bo "B" Li',
            sector: "health",
            occupationalLayer: "student",
            organisation: "Clinic\r\nNorth",
            occurredAt: "2025-02-01T09:00:00+01:00",
          },
        },
      ],
      rows: [2, 3],
      lines: [[2], [3]],
    });
  });

  it("match fixed columns whatever their case and may leave out the optional ones", () => {
    const result = parse(
      "members",
      "MemberId,DisplayName,Sector,OccupationalLayer,JoinedAt\nm1,Ada,research,other,2025-01-01\n",
    );
    expect(result.ok && result.events[0]?.data).toMatchObject({ memberId: "m1", sector: "research" });
  });

  it("list every bad row with its line and column", () => {
    const text = [
      MEMBERS,
      "m1,Ada,finance,director,,,2025-01-01",
      "m2,Bo,health,student,,,2025-13-01",
      "m3,Cy,health,student,,,01/02/2025",
      "m1,Dee,health,student,,,2025-01-01",
      "m5,,health,boss,,sometimes,2025-01-01",
      "m6,Ed,health,student,,,2030-01-01",
      "m7,Fay,health,student,,,2025-01-01",
    ].join("\n");
    const errors = errorsOf("members", text);
    expect(errors).toEqual([
      { line: 2, column: "sector", message: `'finance' is not allowed; use one of: ${sectors.join(", ")}` },
      { line: 3, column: "joinedAt", message: expect.stringContaining("'2025-13-01' is not a date") },
      { line: 4, column: "joinedAt", message: expect.stringContaining("'01/02/2025' is not a date") },
      { line: 5, column: "memberId", message: "member 'm1' is already on line 2" },
      { line: 6, column: "displayName", message: "displayName is required" },
      { line: 6, column: "occupationalLayer", message: expect.stringContaining("'boss' is not allowed") },
      { line: 6, column: "learningEnvironment", message: expect.stringContaining("'sometimes' is not allowed") },
      { line: 7, column: "joinedAt", message: "2030-01-01 is in the future" },
    ]);
  });

  it("report a missing required column once, naming it", () => {
    const errors = errorsOf(
      "members",
      "memberId,displayName,occupationalLayer,joinedAt\nm1,Ada,student,2025-01-01\nm2,Bo,student,2025-01-01\n",
    );
    expect(errors).toEqual([{ line: 1, column: "sector", message: "required column 'sector' is missing" }]);
  });

  it("refuse custom columns that cannot be attribute names, and repeated columns", () => {
    const errors = errorsOf("members", `${MEMBERS},home town,2nd,region,region\n`);
    expect(errors.map((error) => error.column)).toEqual(["home town", "2nd", "region"]);
    expect(errors[0]?.message).toContain("cannot be a custom attribute");
    expect(errors[2]?.message).toContain("appears twice");
  });

  it("refuse a file that is not UTF-8, naming the lines", () => {
    const latin1 = Uint8Array.from([...utf8(`${MEMBERS}\nm1,Ren`), 0xe9, ...utf8(",education,student,,,2025-01-01\n")]);
    expect(parseCsvImport("members", latin1, options)).toEqual({
      ok: false,
      errors: [{ line: 2, message: expect.stringContaining("not UTF-8") }],
    });
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x61, 0x00]);
    expect(parseCsvImport("members", utf16, options)).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });

  it("refuse empty files, header-only files and rows wider than the header", () => {
    expect(errorsOf("members", "")).toEqual([{ line: 1, message: expect.stringContaining("empty") }]);
    expect(errorsOf("members", `${MEMBERS}\n\n`)).toEqual([{ line: 1, message: "the file has no data rows" }]);
    expect(errorsOf("members", `${MEMBERS}\nm1,Ada,health,student,,,2025-01-01,extra\n`)).toEqual([
      { line: 2, message: "the row has 8 cells but the header has 7 columns" },
    ]);
  });

  it("skip rows of empty cells and read semicolon-delimited files", () => {
    const text = `${MEMBERS.replaceAll(",", ";")}\nm1;Ada;health;student;;;2025-01-01\n;;;;;;\n`;
    expect(parse("members", text)).toMatchObject({ ok: true, rows: [2] });
  });
});

const INTERACTIONS = "interactionId,kind,from,to,occurredAt,format,topics,weight,notes";

describe("interactions files", () => {
  it("split `to` and `topics` on ';' and read weights, with a decimal comma too", () => {
    const text = `${INTERACTIONS}\ni1,advice,a,b; c,2025-02-01 10:00+01:00,online,food;sport,"1,5",thanks\n`;
    const result = parse("interactions", text);
    expect(result.ok && result.events[0]).toEqual({
      type: "InteractionRecorded",
      data: {
        interactionId: "i1",
        kind: "advice",
        from: "a",
        to: ["b", "c"],
        occurredAt: "2025-02-01T10:00:00+01:00",
        format: "online",
        topics: ["food", "sport"],
        weight: 1.5,
        notes: "thanks",
      },
    });
  });

  it("refuse a time without an offset, naming the cell as written", () => {
    expect(errorsOf("interactions", `${INTERACTIONS}\ni1,advice,a,b,2025-02-01 10:00,,,,\n`)).toEqual([
      { line: 2, column: "occurredAt", message: expect.stringContaining("'2025-02-01 10:00' is not a date") },
    ]);
  });

  it("derive stable ids when interactionId is left out, distinct for repeated rows", () => {
    const text =
      "kind,from,to,occurredAt\nadvice,a,b,2025-02-01\nadvice,a,b,2025-02-01\ncollaboration,a,c,2025-02-02\n";
    const first = parse("interactions", text);
    const again = parse("interactions", text);
    if (!first.ok || !again.ok) throw new Error("expected ok");
    const ids = first.events.map((event) => (event.data as { interactionId: string }).interactionId);
    expect(new Set(ids).size).toBe(3);
    expect(again.events).toEqual(first.events);
    for (const id of ids) expect(id).toMatch(/^i\.[0-9a-f]{16}$/);
    const elsewhere = parseCsvImport("interactions", utf8(text), { ...options, communityId: "other" });
    expect(elsewhere.ok && elsewhere.events[0]).not.toEqual(first.events[0]);
  });

  it("list bad kinds, self-ties, repeated receivers, weights, ids and unknown columns", () => {
    const text = [
      INTERACTIONS,
      "i1,gossip,a,b,2025-02-01,,,,",
      "i2,advice,a,a;b,2025-02-01,,,,",
      "i3,advice,a,b;b,2025-02-01,,,,",
      "i4,advice,a,b,2025-02-01,,,heavy,",
      "i5,advice,a,b,2025-02-01,,,0,",
      "i1,advice,a,b,2025-02-01,,,,",
      "i7,advice,a,,2025-02-01,phone,,,",
    ].join("\n");
    expect(errorsOf("interactions", text)).toEqual([
      { line: 2, column: "kind", message: expect.stringContaining("'gossip' is not allowed") },
      { line: 3, column: "to", message: "'a' is both giver and receiver: no self-ties" },
      { line: 4, column: "to", message: "repeats a member" },
      { line: 5, column: "weight", message: "'heavy' is not a number" },
      { line: 6, column: "weight", message: "must be more than 0" },
      { line: 7, column: "interactionId", message: "'i1' is already used on line 2" },
      { line: 8, column: "to", message: "to is required" },
      { line: 8, column: "format", message: expect.stringContaining("'phone' is not allowed") },
    ]);
    expect(errorsOf("interactions", `${INTERACTIONS},mood\n`)).toEqual([
      { line: 1, column: "mood", message: expect.stringContaining("unknown column") },
    ]);
  });
});

const GATHERINGS = "gatheringId,occurredAt,format,place,title,memberId,role";

describe("gatherings files", () => {
  it("group participant rows by gatheringId, wherever they are, and give every line of each event", () => {
    const text = [
      GATHERINGS,
      "g1,2025-03-01T10:00:00Z,workshop,Lab,Sprint,a,facilitator",
      "g2,2025-03-02,online,,,a,host",
      "g1,,,,,b,learner",
      "g2,2025-03-02,,,,c,participant",
      'g1,,,,,"c",co-creator',
    ].join("\r\n");
    const result = parse("gatherings", text);
    expect(result).toMatchObject({
      ok: true,
      rows: [2, 3],
      lines: [
        [2, 4, 6],
        [3, 5],
      ],
    });
    expect(result.ok && result.events[0]).toEqual({
      type: "GatheringHeld",
      data: {
        gatheringId: "g1",
        format: "workshop",
        occurredAt: "2025-03-01T10:00:00Z",
        place: "Lab",
        title: "Sprint",
        participants: [
          { memberId: "a", role: "facilitator" },
          { memberId: "b", role: "learner" },
          { memberId: "c", role: "co-creator" },
        ],
      },
    });
  });

  it("report conflicting gathering cells, repeated or lone participants and bad roles at their rows", () => {
    const text = [
      GATHERINGS,
      "g1,2025-03-01,workshop,,,a,host",
      "g1,2025-03-02,,,,b,spectator",
      "g1,,,,,a,learner",
      "g2,2025-03-01,meeting,,,a,host",
      "g3,,,,,a,host",
      "g3,,,,,b,learner",
    ].join("\n");
    expect(errorsOf("gatherings", text)).toEqual([
      {
        line: 3,
        column: "occurredAt",
        message: "'2025-03-02' differs from '2025-03-01' on line 2 for the same gathering",
      },
      { line: 3, column: "role", message: expect.stringContaining("'spectator' is not allowed") },
      { line: 4, column: "memberId", message: "'a' is already listed on line 2" },
      { line: 5, column: "memberId", message: "a gathering needs at least two participants, one row each" },
      { line: 6, column: "occurredAt", message: "occurredAt is required" },
      { line: 6, column: "format", message: "format is required" },
    ]);
  });

  it("read durationMinutes, topics and notes given once for the gathering", () => {
    const text =
      "gatheringId,occurredAt,format,durationMinutes,topics,notes,memberId,role\ng1,2025-03-01,meeting,90,a;b,ok,a,host\ng1,,,,,,b,learner\n";
    expect(parse("gatherings", text)).toMatchObject({
      ok: true,
      events: [{ data: { durationMinutes: 90, topics: ["a", "b"], notes: "ok" } }],
    });
    expect(errorsOf("gatherings", text.replace(",90,", ",1.5,"))).toEqual([
      { line: 2, column: "durationMinutes", message: "'1.5' is not a whole number" },
    ]);
  });
});

describe("csvTemplate", () => {
  it.each(csvKinds)("gives a %s template that imports as it is", (kind) => {
    const template = csvTemplate(kind);
    expect(template.split("\r\n")[0]).toMatch(kind === "members" ? /^memberId,/ : /Id,|kind,/);
    const result = parseCsvImport(kind, utf8(template), options);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.events).toHaveLength(1);
      for (const event of result.events) expect(parseEvent(event).ok).toBe(true);
    }
  });
});
