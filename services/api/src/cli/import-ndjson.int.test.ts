import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommunityWriter, PersonalData, PersonalVault } from "@copgraph/community";
import type { CommunityEvent } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore, StreamNotFoundError } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ndjsonLines } from "../testing/ndjson-lines.js";
import { importNdjsonFile } from "./import-ndjson.js";
import type { LocalLog } from "./local-log.js";
import { InputError } from "./usage-error.js";

// The streaming NDJSON import on both of its paths: one pass in a stream transaction (SQLite),
// and two passes (check and decide, then append) for a store without transactions, as
// EventStoreDB is. Here that store is the SQLite store with its transactions hidden.

const at = "2025-03-01T00:00:00.000Z";
const history: CommunityEvent[] = [
  { type: "CommunityRegistered", data: { communityId: "c", name: "C", concern: "practice", occurredAt: at } },
  ...["a", "b", "c"].map(
    (memberId): CommunityEvent => ({
      type: "MemberJoined",
      data: {
        memberId,
        displayName: `Name ${memberId}`,
        sector: "business",
        occupationalLayer: "management",
        occurredAt: at,
      },
    }),
  ),
  ...Array.from(
    { length: 2_500 },
    (_, i): CommunityEvent => ({
      type: "InteractionRecorded",
      data: {
        interactionId: `i${i}`,
        kind: "advice",
        from: "abc"[i % 3] ?? "a",
        to: ["abc"[(i + 1) % 3] ?? "b"],
        occurredAt: at,
      },
    }),
  ),
];
const lines = ndjsonLines(history, at);

const withoutTransactions = (store: EventStore): EventStore => ({
  appendToStream: (...args) => store.appendToStream(...args),
  readStream: (...args) => store.readStream(...args),
  readAll: (...args) => store.readAll(...args),
  subscribeToAll: (...args) => store.subscribeToAll(...args),
  listStreams: (...args) => store.listStreams(...args),
  close: () => store.close(),
});

describe.each([
  ["one pass in a stream transaction", (store: EventStore) => store],
  ["two passes, for a store without transactions", withoutTransactions],
])("NDJSON import: %s", (_, storeFor) => {
  let dir: string;
  let log: LocalLog;
  let sqlite: EventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "copgraph-ndjson-import-"));
    sqlite = openSqliteEventStore({ path: join(dir, "events.sqlite") });
    const store = storeFor(sqlite);
    const vault = PersonalVault.inMemory();
    const personal = new PersonalData(vault, store);
    log = {
      store,
      personal,
      writer: new CommunityWriter(store, () => new Date("2026-01-01T00:00:00Z"), personal),
      close: async () => {
        await store.close();
        vault.close();
      },
    };
  });

  afterEach(async () => {
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importLines = (content: readonly string[], dryRun = false) => {
    const file = join(dir, "log.ndjson");
    writeFileSync(file, `${content.join("\n")}\n`);
    return importNdjsonFile(log, { file, communityId: "c", dryRun, describe: (errors) => JSON.stringify(errors) });
  };

  it("stores every event in order, with the names in the vault only", async () => {
    expect(await importLines(lines)).toBe(history.length);
    const stored = await sqlite.readStream("community-c", { maxCount: 10_000 });
    expect(stored.map((event) => event.type)).toEqual(history.map((event) => event.type));
    expect(JSON.stringify(stored.map((event) => event.data))).not.toContain("Name a");
  });

  it("names the line of a broken rule and stores nothing", async () => {
    const broken = [...lines];
    broken[2_000] = (broken[2_000] as string).replace('"from":"', '"from":"nobody-');
    const error = await importLines(broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^line 2001: member nobody-.*nothing was stored$/);
    await expect(sqlite.readStream("community-c")).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it("reads a file with a byte order mark, CRLF line ends, blank lines and no newline at the end", async () => {
    const file = join(dir, "windows.ndjson");
    writeFileSync(file, `\uFEFF${lines.slice(0, 100).join("\r\n")}\r\n\r\n${lines.slice(100).join("\r\n")}`);
    const stored = await importNdjsonFile(log, { file, communityId: "c", dryRun: false, describe: String });
    expect(stored).toBe(history.length);
  });

  it("stores nothing on a dry run", async () => {
    expect(await importLines(lines, true)).toBe(history.length);
    await expect(sqlite.readStream("community-c")).rejects.toBeInstanceOf(StreamNotFoundError);
  });
});
