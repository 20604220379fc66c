import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CommunityWriter, PersonalData } from "@copgraph/community";
import type { CommunityEvent } from "@copgraph/domain";
import type { EventStore } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importNdjsonFile } from "../../services/api/src/cli/import-ndjson.js";
import type { LocalLog } from "../../services/api/src/cli/local-log.js";
import { dumpDataDir, refuseAppends } from "../../services/api/src/testing/data-dir-dump.js";
import { buildTestApp, seedCommunity, TEST_NOW, type TestApp } from "../../services/api/src/testing/test-app.js";

// A refused write changes neither the event log nor the personal-data vault, on every write path:
// a sorted dump of every row of both files is the same before and after.

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedCommunity(t.app);
});
afterEach(() => t.close());

const joinedEventIdOf = async (memberId: string) => {
  const page = await t.app.inject({ method: "GET", url: "/v1/communities/town/events?limit=100" });
  const events = page.json().events as { id: string; type: string; data: { memberId?: string } }[];
  const joined = events.find((event) => event.type === "MemberJoined" && event.data.memberId === memberId);
  if (!joined) throw new Error(`no MemberJoined of ${memberId}`);
  return joined.id;
};

/** The log as the CLI opens it; without transactions, as EventStoreDB is (the SQLite store with them hidden). */
const localLog = (transactions: boolean): LocalLog => {
  const store: EventStore = transactions
    ? t.store
    : {
        appendToStream: (...args) => t.store.appendToStream(...args),
        readStream: (...args) => t.store.readStream(...args),
        readAll: (...args) => t.store.readAll(...args),
        subscribeToAll: (...args) => t.store.subscribeToAll(...args),
        listStreams: (...args) => t.store.listStreams(...args),
        close: () => t.store.close(),
      };
  const personal = new PersonalData(t.personalVault, store);
  return { store, personal, writer: new CommunityWriter(store, () => TEST_NOW, personal), close: async () => {} };
};

/** Ana's MemberJoined again, under a new member id and with another name: a reused event id. */
const reusedId = (id: string) => ({
  id,
  type: "MemberJoined",
  data: {
    memberId: "m-new",
    displayName: "Someone Else Entirely",
    sector: "business",
    occupationalLayer: "director",
    occurredAt: "2025-01-03T09:00:00Z",
  },
});

describe("a refused write leaves the log and the vault as they were", () => {
  it("single write refused by the store", async () => {
    refuseAppends(t.dataDir);
    const before = dumpDataDir(t.dataDir);
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/members",
      payload: { memberId: "m9", displayName: "Refused Name", sector: "business", occupationalLayer: "director" },
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(500);
    expect(dumpDataDir(t.dataDir)).toEqual(before);
  });

  it("batch that reuses a stored event id with other names", async () => {
    const anaJoined = await joinedEventIdOf("ana");
    const before = dumpDataDir(t.dataDir);
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/events",
      payload: { events: [reusedId(anaJoined)] },
    });
    expect(response.statusCode).toBe(409);
    expect(dumpDataDir(t.dataDir)).toEqual(before);
    const page = await t.app.inject({ method: "GET", url: "/v1/communities/town/events?limit=100" });
    expect(page.body).toContain('"displayName":"Ana"');
    expect(page.body).not.toContain("Someone Else Entirely");
  });

  // Ten thousand new members first, so the one-pass import files a batch of names before the clash.
  const freshMembers = (count: number) =>
    Array.from(
      { length: count },
      (_, i): CommunityEvent => ({
        type: "MemberJoined",
        data: {
          memberId: `m-fresh-${i}`,
          displayName: `Fresh Name ${i}`,
          sector: "education",
          occupationalLayer: "student",
          occurredAt: "2025-01-03T09:00:00Z",
        },
      }),
    );
  const writeNdjson = (events: readonly object[]) => {
    const file = join(t.dataDir, "reused.ndjson");
    const lines = events.map((event, revision) =>
      JSON.stringify({
        id: randomUUID(),
        ...event,
        revision,
        position: revision + 1,
        occurredAt: "2025-01-03T09:00:00Z",
        recordedAt: "2025-01-03T09:00:00Z",
        schemaVersion: 1,
        metadata: {},
      }),
    );
    writeFileSync(file, `${lines.join("\n")}\n`);
    return file;
  };

  // Without transactions (EventStoreDB) slices already stored stay: the refused one is the whole file here.
  for (const [path, transactions, fresh] of [
    ["in one store transaction", true, 10_000],
    ["checked first, then appended in slices (a store without transactions)", false, 3],
  ] as const) {
    it(`NDJSON import that reuses a stored event id with other names, ${path}`, async () => {
      const anaJoined = await joinedEventIdOf("ana");
      const file = writeNdjson([...freshMembers(fresh), reusedId(anaJoined)]);
      const log = localLog(transactions);
      const before = dumpDataDir(t.dataDir);
      await expect(
        importNdjsonFile(log, {
          file,
          communityId: "town",
          dryRun: false,
          describe: (errors) => JSON.stringify(errors),
        }),
      ).rejects.toThrow(/event id/);
      expect(dumpDataDir(t.dataDir)).toEqual(before);
    });
  }

  it("CSV import refused by the store", async () => {
    refuseAppends(t.dataDir);
    const before = dumpDataDir(t.dataDir);
    const response = await t.app.inject({
      method: "POST",
      url: "/v1/communities/town/imports/csv?kind=members",
      headers: { "content-type": "text/csv" },
      payload: "memberId,displayName,sector,occupationalLayer,joinedAt\nm20,Csv Refused,education,student,2025-02-01\n",
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(500);
    expect(dumpDataDir(t.dataDir)).toEqual(before);
  });
});
