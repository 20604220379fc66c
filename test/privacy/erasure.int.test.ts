import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../services/api/src/testing/test-app.js";

// The acceptance test of erasure: a member with a distinctive name and notes, ties and gatherings
// is erased; afterwards no response, export, log page, snapshot or byte of the SQLite files
// (event log and vault, WAL included) holds the name or the notes, and every indicator is unchanged.

const community = "privacy";
const erasedId = "m7";
const personal = {
  name: "Zebulon Quartermaine",
  newName: "Zeb Q. Quartermaine-Oyelaran",
  organisation: "Quartermaine Kilnworks",
  adviceNotes: "confided the glaze recipe of Zebulon",
  receivedNotes: "Zebulon asked about ash glazes",
  gatheringTitle: "Zebulon and the saggar firing",
  gatheringPlace: "Kiln shed behind Quartermaine house",
  gatheringNotes: "Zebulon brought the cones",
  retraction: "Zebulon was double-booked",
  leaving: "Zebulon moved to Lagos",
};
const secrets = Object.values(personal);
// Personal data of members who stay: still shown after the erasure.
const kept = { name: "Winifred Ashdown", notes: "Winifred explained pit firing" };

const day = (n: number) => new Date(Date.UTC(2025, 0, 1 + n, 9)).toISOString();
const query = "at=2026-05-01T00:00:00Z&knownAt=2026-06-01T12:00:00Z";
/** Before the member left (day 115), so they are a node of the graph. */
const whileMember = "at=2025-04-20T00:00:00Z&knownAt=2026-06-01T12:00:00Z";

let test: TestApp;
const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await test.app.inject({ method: "GET", url: path, headers });
  expect(response.statusCode, `${path}: ${response.body.slice(0, 200)}`).toBe(200);
  return response.body;
};
const post = async (path: string, payload: object) => {
  const response = await test.app.inject({ method: "POST", url: path, payload });
  expect(response.statusCode, `${path}: ${response.body.slice(0, 300)}`).toBe(201);
  return response;
};

/** Every GET a reader can make about the community (names, analytics, exports, log pages). */
const readPaths = [
  "/v1/communities",
  `/v1/communities/${community}`,
  `/v1/communities/${community}/events?limit=10000`,
  `/v1/communities/${community}/events?from=5&limit=3`,
  `/v1/communities/${community}/graph?${query}`,
  `/v1/communities/${community}/graph?${query}&format=gexf`,
  `/v1/communities/${community}/graph?${query}&format=graphml`,
  `/v1/communities/${community}/indicators?${query}`,
  `/v1/communities/${community}/indicators?${query}&attribute=occupationalLayer`,
  `/v1/communities/${community}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2026-05-01T00:00:00Z&step=P3M`,
  `/v1/communities/${community}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2026-05-01T00:00:00Z&step=P3M&format=csv`,
  `/v1/communities/${community}/members/${erasedId}?${whileMember}`,
  `/v1/communities/${community}/members/m1?${query}`,
  `/v1/compare?communities=${community}&${query}`,
  ...["ndjson", "gexf", "graphml", "indicators-csv"].map(
    (format) => `/v1/communities/${community}/export?format=${format}&${query}`,
  ),
  `/v1/communities/${community}/export?format=research&key=a-research-key-of-some-length&${query}`,
];

/** The indicator readings (and the graph they come from), without the fields that name the time of asking. */
const analyticsPaths = [
  `/v1/communities/${community}/indicators?${query}`,
  `/v1/communities/${community}/indicators?${query}&attribute=occupationalLayer`,
  `/v1/communities/${community}/indicators/timeline?from=2025-01-01T00:00:00Z&to=2026-05-01T00:00:00Z&step=P3M`,
  `/v1/communities/${community}/graph?${query}`,
  `/v1/communities/${community}/members/m1?${query}`,
  `/v1/communities/${community}/members/${erasedId}?${whileMember}`,
  `/v1/communities/${community}/graph?${whileMember}`,
  `/v1/communities/${community}/indicators?${whileMember}`,
  `/v1/compare?communities=${community}&${query}`,
];
const readings = async () => {
  const values: Record<string, unknown> = {};
  for (const path of analyticsPaths) {
    const body = JSON.parse(await get(path));
    // The revision grows by the erasure event itself, and the name goes; everything computed must not move.
    const changing = new Set(["revision", "displayName", "organisation"]);
    values[path] = JSON.parse(JSON.stringify(body, (key, value) => (changing.has(key) ? undefined : value)));
  }
  return values;
};

const filesOf = (dir: string) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".sqlite") || file.endsWith("-wal") || file.endsWith("-shm"))
    .map((file) => ({ file, bytes: readFileSync(join(dir, file)) }));

const containing = (text: string | Buffer, list: readonly string[]) =>
  list.filter((secret) =>
    typeof text === "string" ? text.includes(secret) : text.includes(Buffer.from(secret, "utf8")),
  );

let before: Record<string, unknown>;

beforeAll(async () => {
  test = await buildTestApp();
  await post("/v1/communities", {
    communityId: community,
    name: "Potters of the valley",
    concern: "wood firing",
    occurredAt: day(0),
  });
  const sectors = ["education", "business", "research", "health"] as const;
  const layers = ["student", "professional", "management", "director"] as const;
  for (let i = 1; i <= 8; i++) {
    await post(`/v1/communities/${community}/members`, {
      memberId: `m${i}`,
      displayName: i === 7 ? personal.name : i === 1 ? kept.name : `Potter ${i}`,
      sector: sectors[i % 4],
      occupationalLayer: layers[(i * 3) % 4],
      ...(i === 7 ? { organisation: personal.organisation } : {}),
      occurredAt: day(i),
    });
  }
  await test.app.inject({
    method: "PATCH",
    url: `/v1/communities/${community}/members/${erasedId}`,
    payload: { displayName: personal.newName, occurredAt: day(20) },
  });
  // Ties in and out of the member, with notes; a mutual one; ties among the others.
  const ties: [string, string[], string, string?][] = [
    ["m7", ["m1", "m2"], "advice", personal.adviceNotes],
    ["m3", ["m7"], "mentoring"],
    ["m7", ["m4"], "collaboration"],
    ["m1", ["m2"], "knowledge-sharing", kept.notes],
    ["m2", ["m3", "m5"], "feedback"],
    ["m5", ["m6"], "advice"],
    ["m6", ["m1"], "introduction"],
    ["m8", ["m7"], "advice", personal.receivedNotes],
  ];
  for (const [index, [from, to, kind, notes]] of ties.entries()) {
    await post(`/v1/communities/${community}/interactions`, {
      interactionId: `i${index + 1}`,
      from,
      to,
      kind,
      occurredAt: day(30 + index * 7),
      ...(notes ? { notes } : {}),
    });
  }
  // One gathering with free text the member led, one without they took part in.
  const gatherings = [
    {
      gatheringId: "g1",
      title: personal.gatheringTitle,
      place: personal.gatheringPlace,
      notes: personal.gatheringNotes,
      format: "workshop",
      occurredAt: day(90),
      roles: { m7: "facilitator", m2: "learner", m3: "participant" },
    },
    {
      gatheringId: "g2",
      format: "meeting",
      occurredAt: day(100),
      roles: { m4: "host", m5: "participant", m7: "participant" },
    },
  ];
  for (const { roles, ...gathering } of gatherings) {
    const participants = Object.entries(roles).map(([memberId, role]) => ({ memberId, role }));
    await post(`/v1/communities/${community}/gatherings`, { ...gathering, participants });
  }
  await post(`/v1/communities/${community}/retractions`, {
    recordId: "i3",
    reason: personal.retraction,
    occurredAt: day(110),
  });
  await post(`/v1/communities/${community}/members/${erasedId}/leave`, {
    reason: personal.leaving,
    occurredAt: day(115),
  });
  before = await readings();
});
afterAll(() => test.close());

describe("before the erasure", () => {
  it("the names and notes are shown to a caller who may see them", async () => {
    const log = await get(`/v1/communities/${community}/events?limit=10000`);
    expect(containing(log, secrets)).toEqual(secrets);
    const member = JSON.parse(await get(`/v1/communities/${community}/members/${erasedId}?${whileMember}`));
    expect(member.member.attributes).toMatchObject({
      displayName: personal.newName,
      organisation: personal.organisation,
    });
  });

  it("the event log file never holds them: they live in the vault", () => {
    for (const { file, bytes } of filesOf(test.dataDir)) {
      if (file.startsWith("personal")) continue;
      expect(containing(bytes, [...secrets, kept.name, kept.notes]), file).toEqual([]);
    }
  });
});

describe("after the erasure", () => {
  beforeAll(async () => {
    await post(`/v1/communities/${community}/members/${erasedId}/erase`, { occurredAt: day(120) });
  });

  it("no response of any GET route holds the name or the notes", async () => {
    for (const path of readPaths) {
      for (const accept of ["application/json", "application/x-ndjson"]) {
        expect(containing(await get(path, { accept }), secrets), `${path} (${accept})`).toEqual([]);
      }
    }
  });

  it("every indicator equals its value before the erasure", async () => {
    expect(await readings()).toEqual(before);
  });

  it("no byte of the SQLite files (log, vault, WAL) holds them", () => {
    const files = filesOf(test.dataDir);
    expect(files.map(({ file }) => file)).toEqual(expect.arrayContaining(["events.sqlite", "personal.sqlite"]));
    for (const { file, bytes } of files) expect(containing(bytes, secrets), file).toEqual([]);
  });

  it("the erased member stays as an anonymous node; the others keep their names", async () => {
    const member = JSON.parse(await get(`/v1/communities/${community}/members/${erasedId}?${whileMember}`));
    expect(member.member.attributes).not.toHaveProperty("displayName");
    const log = await get(`/v1/communities/${community}/events?limit=10000`);
    expect(containing(log, [kept.name, kept.notes])).toEqual([kept.name, kept.notes]);
    const joined = JSON.parse(log).events.find((event: { type: string; data: { memberId?: string } }) => {
      return event.type === "MemberJoined" && event.data.memberId === erasedId;
    });
    expect(joined.data.displayName).toBe("(erased)");
  });

  it("a second erasure is refused and changes nothing", async () => {
    const again = await test.app.inject({
      method: "POST",
      url: `/v1/communities/${community}/members/${erasedId}/erase`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
  });
});
