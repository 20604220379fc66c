import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommunityWriter, PersonalData, PersonalVault } from "@copgraph/community";
import { openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../services/api/src/app.js";
import { importNdjsonFile } from "../../services/api/src/cli/import-ndjson.js";
import type { LocalLog } from "../../services/api/src/cli/local-log.js";

// Transaction time survives an export and an import into an empty community: every knownAt
// query answers the same on the copy as on the original, and echoes the revision known then.

/** The real app on a real SQLite log, with a clock the test moves. */
async function startLog() {
  const dir = mkdtempSync(join(tmpdir(), "copgraph-knownat-"));
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const vault = PersonalVault.inDataDir(dir);
  const clock = { now: new Date("2026-01-10T12:00:00Z") };
  const app = await buildApp({ store, personalVault: vault, clock: () => clock.now });
  const personal = new PersonalData(vault, store);
  const local: LocalLog = {
    store,
    personal,
    writer: new CommunityWriter(store, () => clock.now, personal),
    close: async () => {},
  };
  return {
    dir,
    app,
    clock,
    local,
    async close() {
      await app.close();
      await store.close();
      vault.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
type Log = Awaited<ReturnType<typeof startLog>>;

const post = async (log: Log, url: string, payload: object) => {
  const response = await log.app.inject({ method: "POST", url, payload });
  expect(response.statusCode, response.body).toBe(201);
};
const get = async (log: Log, url: string) => {
  const response = await log.app.inject({ url });
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  return response.body;
};

let original: Log;
let copy: Log;
let exported: string;
const knownAts = ["2026-01-10T12:00:00Z", "2026-02-01T00:00:00Z", "2026-03-15T00:00:00Z", "2026-05-01T00:00:00Z"];

beforeAll(async () => {
  original = await startLog();
  // Recorded over four months: each write on its own day.
  await post(original, "/v1/communities", {
    communityId: "kiln",
    name: "Kiln",
    concern: "firing",
    occurredAt: "2026-01-01T00:00:00Z",
  });
  for (const [memberId, sector] of [
    ["m1", "education"],
    ["m2", "business"],
    ["m3", "education"],
  ]) {
    await post(original, "/v1/communities/kiln/members", {
      memberId,
      displayName: memberId,
      sector,
      occupationalLayer: "professional",
      occurredAt: "2026-01-02T00:00:00Z",
    });
  }
  const advice = (recordedOn: string, from: string, to: string, occurredAt: string) => {
    original.clock.now = new Date(recordedOn);
    return post(original, "/v1/communities/kiln/interactions", { kind: "advice", from, to: [to], occurredAt });
  };
  await advice("2026-02-20T12:00:00Z", "m1", "m2", "2026-01-05T00:00:00Z");
  await advice("2026-04-02T12:00:00Z", "m2", "m3", "2026-01-06T00:00:00Z");
  await post(original, "/v1/communities/kiln/retractions", {
    recordId: await firstInteraction(original),
    occurredAt: "2026-04-01T00:00:00Z",
  });
  exported = await get(original, "/v1/communities/kiln/export?format=ndjson");

  copy = await startLog();
  copy.clock.now = new Date("2026-06-01T12:00:00Z");
  const file = join(copy.dir, "kiln.ndjson");
  writeFileSync(file, exported);
  const stored = await importNdjsonFile(copy.local, { file, communityId: "kiln", dryRun: false, describe: String });
  expect(stored).toBe(7);
});
afterAll(async () => {
  await original?.close();
  await copy?.close();
});

async function firstInteraction(log: Log): Promise<string> {
  const page = JSON.parse(await get(log, "/v1/communities/kiln/events?limit=100"));
  return page.events.find((event: { type: string }) => event.type === "InteractionRecorded").data.interactionId;
}

describe("an exported log imported into an empty community", () => {
  it("keeps each event's recordedAt", () => {
    const times = (ndjson: string) =>
      ndjson
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).recordedAt);
    return get(copy, "/v1/communities/kiln/export?format=ndjson").then((again) => {
      expect(times(again)).toEqual(times(exported));
    });
  });

  it("answers every knownAt query as the original does, echoing the revision known then", async () => {
    const revisions: number[] = [];
    for (const knownAt of knownAts) {
      const path = `/v1/communities/kiln/indicators?at=2026-01-31T00:00:00Z&knownAt=${knownAt}&indicators=network.ties,reciprocity.edge`;
      const [before, after] = [JSON.parse(await get(original, path)), JSON.parse(await get(copy, path))];
      expect(after, knownAt).toEqual(before);
      revisions.push(before.query.revision);
    }
    expect(revisions).toEqual([3, 3, 4, 6]);
  });
});

describe("transaction times that cannot be kept", () => {
  it("records the import's own time into a community that already has events", async () => {
    copy.clock.now = new Date("2026-06-02T08:00:00Z");
    await post(copy, "/v1/communities/kiln/events", {
      events: [
        {
          type: "MemberJoined",
          data: {
            memberId: "m4",
            displayName: "m4",
            sector: "health",
            occupationalLayer: "student",
            occurredAt: "2026-01-02T00:00:00Z",
          },
          recordedAt: "2026-01-02T00:00:00Z",
        },
      ],
    });
    const page = JSON.parse(await get(copy, "/v1/communities/kiln/events?limit=100"));
    expect(page.events.at(-1).recordedAt).toBe("2026-06-02T08:00:00.000Z");
  });

  it("refuses a recordedAt in the future or going back, storing nothing", async () => {
    const log = await startLog();
    log.clock.now = new Date("2026-06-01T12:00:00Z");
    try {
      const lines = exported
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      const file = join(log.dir, "bad.ndjson");
      lines[2].recordedAt = "2025-12-31T00:00:00.000Z";
      lines[5].recordedAt = "2027-01-01T00:00:00.000Z";
      writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
      await expect(
        importNdjsonFile(log.local, { file, communityId: "kiln", dryRun: false, describe: JSON.stringify }),
      ).rejects.toThrow(/nothing was stored[\s\S]*is before the previous[\s\S]*is in the future/);
      const batch = await log.app.inject({
        method: "POST",
        url: "/v1/communities/kiln/events",
        payload: { events: lines.map(({ id, type, data, recordedAt }) => ({ id, type, data, recordedAt })) },
      });
      expect(batch.statusCode).toBe(422);
      expect(batch.json().errors.map((error: { pointer: string }) => error.pointer)).toEqual([
        "/events/2/recordedAt",
        "/events/5/recordedAt",
      ]);
      expect((await log.app.inject({ url: "/v1/communities/kiln" })).statusCode).toBe(404);
    } finally {
      await log.close();
    }
  });
});
