import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serialize } from "node:v8";
import { projectSnapshot, toCheckpoint } from "@copgraph/analytics";
import type { Command } from "@copgraph/domain";
import { type EventStore, openSqliteEventStore, type SubscribeToAllOptions } from "@copgraph/event-store";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PersonalData } from "../personal/personal-data.js";
import { PersonalVault } from "../personal/personal-vault.js";
import { CommunityWriter } from "../write/community-writer.js";
import { CommunityHistories } from "./community-histories.js";
import { CHECKPOINT_FILE, CheckpointFile } from "./read-model-checkpoint.js";

const now = new Date("2026-06-01T00:00:00Z");
let dir: string;
let store: EventStore;
let vault: PersonalVault;
let writer: CommunityWriter;
let running: CommunityHistories[];
let problems: string[];
/** Where each read model started its subscription. */
let subscribedFrom: SubscribeToAllOptions["fromPosition"][];

const file = () => CheckpointFile.inDataDir(dir);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-checkpoint-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  vault = PersonalVault.inMemory();
  writer = new CommunityWriter(store, () => now, new PersonalData(vault, store));
  running = [];
  problems = [];
  subscribedFrom = [];
  await record("a", [register("a"), ...["x", "y", "z"].map(join_), ...interactions("x", ["y", "z"], 5)]);
  await record("b", [register("b"), join_("u"), join_("v"), ...interactions("u", ["v"], 3)]);
});

afterEach(async () => {
  for (const histories of running) await histories.stop();
  await store.close();
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

const register = (communityId: string): Command => ({
  type: "RegisterCommunity",
  data: { communityId, name: communityId, concern: "c", occurredAt: "2025-01-01T00:00:00Z" },
});
const join_ = (memberId: string): Command => ({
  type: "JoinMember",
  data: {
    memberId,
    displayName: `Name of ${memberId}`,
    organisation: `Organisation of ${memberId}`,
    sector: "health",
    occupationalLayer: "student",
    occurredAt: "2025-01-01T00:00:00Z",
  },
});
const interactions = (from: string, to: string[], count: number): Command[] =>
  Array.from({ length: count }, (_, i) => ({
    type: "RecordInteraction",
    data: {
      interactionId: `${from}-${i}-${Math.random().toString(36).slice(2)}`,
      kind: "advice",
      from,
      to,
      notes: `private note ${i}`,
      occurredAt: `2025-02-${String(i + 1).padStart(2, "0")}T00:00:00Z`,
    },
  }));

async function record(communityId: string, commands: Command[]) {
  await writer.write({ communityId, recordedBy: "test", correlationId: "test", commands });
}

/** A read model over the store (spied on: where it subscribes from), caught up with every community. */
async function readModel(checkpointed: boolean): Promise<CommunityHistories> {
  const spied: EventStore = Object.create(store);
  spied.subscribeToAll = (options) => {
    subscribedFrom.push(options?.fromPosition);
    return store.subscribeToAll(options);
  };
  const histories = new CommunityHistories(
    spied,
    checkpointed ? { checkpoint: file(), onCheckpointProblem: (message) => problems.push(message) } : {},
  );
  running.push(histories);
  histories.start();
  for (const { streamId, revision } of await store.listStreams("community-"))
    await histories.at(streamId.slice("community-".length), Number(revision));
  return histories;
}

async function stopped(histories: CommunityHistories) {
  running = running.filter((other) => other !== histories);
  await histories.stop();
}

/** Everything each community's history holds, and one projection of it. */
async function held(histories: CommunityHistories) {
  const all: Record<string, unknown> = {};
  for (const communityId of ["a", "b"]) {
    const projected = await histories.at(communityId, 0);
    const snapshot = projectSnapshot(projected!.history, { at: Date.parse("2026-01-01"), knownAt: now.getTime() });
    all[communityId] = {
      revision: projected!.revision,
      state: toCheckpoint(projected!.history),
      ties: snapshot.graph.mapEdges((_edge, attributes, source, target) => ({ source, target, attributes })),
    };
  }
  return all;
}

describe("the read model's checkpoint", () => {
  it("is written at a graceful stop, privately, and a restart resumes from it with the same answers", async () => {
    const first = await readModel(true);
    const expected = await held(first);
    await stopped(first);
    expect(statSync(join(dir, CHECKPOINT_FILE)).mode & 0o777).toBe(0o600);

    const restarted = await readModel(true);
    expect(await held(restarted)).toEqual(expected);
    expect(await held(await readModel(false))).toEqual(expected);
    expect(subscribedFrom[0]).toBe("start");
    // The restart subscribed after the checkpoint's last event, not from the start.
    expect(subscribedFrom[1]).toEqual((await store.readAll({ direction: "backwards", maxCount: 1 }))[0]!.position);
    expect(problems).toEqual([]);
  });

  it("is followed by the events appended after it", async () => {
    const first = await readModel(true);
    await stopped(first);
    await record("a", [join_("w"), ...interactions("w", ["x"], 4)]);
    await record("c", [register("c"), join_("p")]);

    const restarted = await readModel(true);
    const replayed = await readModel(false);
    expect(await held(restarted)).toEqual(await held(replayed));
    expect((await restarted.at("c", 1))?.revision).toBe(1);
    expect(subscribedFrom[1]).not.toBe("start");
  });

  it("can be written while running, and a start after a crash replays only what came after it", async () => {
    const first = await readModel(true);
    await first.saveCheckpoint();
    const written = readFileSync(join(dir, CHECKPOINT_FILE));
    await record("b", interactions("v", ["u"], 2));
    // A crash: the read model never stops, so the checkpoint stays as written.
    running = running.filter((other) => other !== first);
    expect(readFileSync(join(dir, CHECKPOINT_FILE)).equals(written)).toBe(true);

    const restarted = await readModel(true);
    expect(await held(restarted)).toEqual(await held(await readModel(false)));
    expect(subscribedFrom[1]).not.toBe("start");
    await first.stop();
  });

  it("holds nothing the log does not: no names, organisations or notes", async () => {
    await stopped(await readModel(true));
    const bytes = readFileSync(join(dir, CHECKPOINT_FILE)).toString("latin1");
    expect(bytes).toContain("x-0-");
    for (const secret of ["Name of", "Organisation of", "private note"]) expect(bytes).not.toContain(secret);
  });

  it.each([
    [
      "damaged",
      () => writeFileSync(join(dir, CHECKPOINT_FILE), readFileSync(join(dir, CHECKPOINT_FILE)).subarray(0, 200)),
    ],
    ["not a checkpoint", () => writeFileSync(join(dir, CHECKPOINT_FILE), "hello")],
    [
      "of an older format",
      () => writeFileSync(join(dir, CHECKPOINT_FILE), serialize({ kind: "copgraph read-model checkpoint", format: 0 })),
    ],
  ])("is ignored when %s: the log is replayed, and the start does not fail", async (_case, spoil) => {
    await stopped(await readModel(true));
    spoil();
    const restarted = await readModel(true);
    expect(await held(restarted)).toEqual(await held(await readModel(false)));
    expect(subscribedFrom[1]).toBe("start");
    expect(problems).toHaveLength(1);
  });

  it("is ignored when taken by another projection version, or from another log", async () => {
    const first = await readModel(true);
    const taken = first.checkpoint()!;
    await stopped(first);
    const older = {
      ...taken,
      communities: taken.communities.map((one) => ({ ...one, history: { ...one.history, projection: 0 } })),
    };
    await file().write(older);
    await readModel(true);
    await file().write({ ...taken, eventId: "00000000-0000-4000-8000-000000000000" });
    await readModel(true);
    expect(subscribedFrom).toEqual(["start", "start", "start"]);
    expect(problems).toEqual([expect.stringContaining("projection 0"), expect.stringContaining("another log")]);
  });
});
