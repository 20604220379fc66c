import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeIndicators, projectSnapshot } from "@copgraph/analytics";
import { type EventStore, openSqliteEventStore } from "@copgraph/event-store";
import { afterAll, beforeAll, expect, it } from "vitest";
import { AnalyticsBudgetExceeded, AnalyticsBusy, AnalyticsCancelled } from "../errors.js";
import { type AnalyticsOptions, type Communities, openCommunities } from "../open-communities.js";
import { PersonalVault } from "../personal/personal-vault.js";
import type { CommunityReader, CommunityView } from "../read/community-reader.js";
import { seedDemo } from "../write/seed-demo.js";
import { AnalyticsBudget } from "./analytics-budget.js";
import { groupSizesOfMembers } from "./group-sizes.js";

// Real threads (one each: the order of tasks is the pool's), a real SQLite log with the three demo
// communities, the real read model. Every order is proved by order, never by timing.

const now = new Date("2026-06-01T00:00:00Z");
let dir: string;
let store: EventStore;
let vault: PersonalVault;
let demo: string[];
const opened: Communities[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "copgraph-pool-"));
  store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  vault = PersonalVault.inMemory();
  const { writer, close } = await openCommunities(store, vault, () => now, { readModel: false });
  demo = await seedDemo(store, writer, now);
  await close();
});
afterAll(async () => {
  for (const communities of opened) await communities.close();
  await store.close();
  vault.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The core over the demo log, with one analytics thread (started at the first task). */
async function core(analytics: AnalyticsOptions = {}, checkpointFile?: string): Promise<Communities> {
  const communities = await openCommunities(store, vault, () => now, {
    recover: false,
    analytics: { threads: 1, ...analytics },
    ...(checkpointFile ? { checkpointFile } : {}),
  });
  opened.push(communities);
  return communities;
}

/** What the API thread itself computes for the view: the reference. */
const onThisThread = (view: CommunityView, ids?: readonly string[]) =>
  computeIndicators(projectSnapshot(view.history, view.graphQuery), view.options, ids);

const heavy = { permutations: 10_000 };

/** Every indicator at 10,000 permutations, for a caller who may go away (`caller.abort()`). */
async function heavyReport(reader: CommunityReader, communityId: string) {
  const caller = new AbortController();
  const view = await reader.view(communityId, heavy);
  return { caller, running: reader.indicatorsInWorker(view, undefined, reader.budget(caller.signal)) };
}

it("answers what the API thread computes, on a replica seeded from the read model", async () => {
  const { reader } = await core();
  const view = await reader.view(demo[0]!, { at: "2026-01-01T00:00:00Z", attribute: "occupationalLayer" });
  const values = await reader.indicatorsInWorker(view, undefined);
  expect(values).toEqual(onThisThread(view));
  const members = projectSnapshot(view.history, view.graphQuery).graph.mapNodes((_id, attributes) => attributes);
  expect(await reader.groupSizesInWorker(view)).toEqual(groupSizesOfMembers(members, "occupationalLayer"));
});

it("keeps one answer per community revision, query and options, exact included", async () => {
  const { reader } = await core();
  const ask = async (params: { exact?: boolean }) =>
    reader.indicatorsInWorker(await reader.view(demo[2]!, params), ["network.betweenness"]);
  const estimated = await ask({});
  expect(await ask({ exact: false })).toBe(estimated);
  expect(await ask({ exact: true })).not.toBe(estimated);
  expect(await ask({ exact: true })).toBe(await ask({ exact: true }));
});

it("seeds a thread from a read model resumed from its checkpoint, whose events it never applied", async () => {
  const checkpointFile = join(dir, "read-model.checkpoint");
  const first = await core({}, checkpointFile);
  await first.reader.view(demo[2]!, {}); // caught up with the log
  await first.close(); // writes the checkpoint
  expect(existsSync(checkpointFile)).toBe(true);
  const { reader } = await core({}, checkpointFile);
  const view = await reader.view(demo[2]!, { at: "2025-12-01T00:00:00Z" });
  expect(await reader.indicatorsInWorker(view, undefined)).toEqual(onThisThread(view));
});

it("a task sent in the same turn as an event is computed on a replica that holds the event", async () => {
  const { reader, writer, analytics } = await core();
  analytics!.start();
  const ties = async () => {
    const view = await reader.view(demo[1]!, {});
    return { view, values: await reader.indicatorsInWorker(view, ["network.ties", "network.members"]) };
  };
  const before = await ties();
  const result = await writer.write({
    communityId: demo[1]!,
    recordedBy: "test",
    correlationId: "late",
    commands: [
      {
        type: "JoinMember",
        data: {
          memberId: "newcomer",
          displayName: "Newcomer",
          sector: "health",
          occupationalLayer: "student",
          occurredAt: "2026-05-01T00:00:00Z",
        },
      },
    ],
  });
  const after = await ties();
  expect(after.view.resolved.revision).toBe(result.revision);
  expect(after.values).toEqual(onThisThread(after.view, ["network.ties", "network.members"]));
  expect(after.values["network.members"]!.value).toBe((before.values["network.members"]!.value as number) + 1);
});

it("stops the task of a caller who went away; its thread answers so and takes the next task", async () => {
  const { reader, analytics } = await core();
  const light = await reader.view(demo[2]!, {});
  await reader.indicatorsInWorker(light, ["network.ties"]); // the thread is up and seeded
  const { running, caller } = await heavyReport(reader, demo[2]!);
  caller.abort();
  await expect(running).rejects.toBeInstanceOf(AnalyticsCancelled);
  // One thread: this runs only once the thread has answered the task given up.
  const next = await reader.view(demo[2]!, { attribute: "occupationalLayer" });
  expect(await reader.indicatorsInWorker(next, ["diversity.iqv"])).toEqual(onThisThread(next, ["diversity.iqv"]));
  expect(analytics!.stops).toEqual({ byThread: 1, byReplacing: 0 });
});

it("refuses a task that waited for a busy thread its whole budget with AnalyticsBusy", async () => {
  const { reader } = await core();
  const { running, caller } = await heavyReport(reader, demo[0]!);
  const waiting = reader.indicatorsInWorker(await reader.view(demo[0]!, {}), ["network.ties"], new AnalyticsBudget(1));
  await expect(waiting).rejects.toBeInstanceOf(AnalyticsBusy);
  caller.abort();
  await expect(running).rejects.toBeInstanceOf(AnalyticsCancelled);
});

it("a task past its budget is refused with AnalyticsBudgetExceeded", async () => {
  const { reader } = await core();
  await reader.indicatorsInWorker(await reader.view(demo[0]!, {}), ["network.ties"]); // the thread is up
  const running = reader.indicatorsInWorker(await reader.view(demo[0]!, heavy), undefined, new AnalyticsBudget(1));
  await expect(running).rejects.toBeInstanceOf(AnalyticsBudgetExceeded);
});

it("replaces a thread that does not stop within the grace; the new one is seeded from the read model", async () => {
  const { reader, analytics } = await core({ stopGraceMs: 0 });
  await reader.indicatorsInWorker(await reader.view(demo[1]!, {}), ["network.ties"]); // the thread is up
  const { running, caller } = await heavyReport(reader, demo[1]!);
  caller.abort();
  await expect(running).rejects.toBeInstanceOf(AnalyticsCancelled);
  const view = await reader.view(demo[1]!, { at: "2025-09-01T00:00:00Z" });
  expect(await reader.indicatorsInWorker(view, undefined)).toEqual(onThisThread(view));
  // With no grace the thread is all but always replaced before it reaches its next check.
  expect(analytics!.stops.byThread + analytics!.stops.byReplacing).toBe(1);
});

it("lets the least recently used communities go past its replica budget, and seeds one again when asked", async () => {
  // A budget smaller than any community: a thread holds only the one it was asked about last.
  const communities = await core({ replicaBudgetBytes: 1 });
  const { reader } = communities;
  const [first, second] = demo as [string, string];
  // A new date each time: an answer the API thread keeps would not reach the thread.
  let month = 1;
  const ask = async (communityId: string) => {
    const view = await reader.view(communityId, { at: `2026-0${month++}-01T00:00:00Z` });
    expect(await reader.indicatorsInWorker(view, ["network.ties", "silo.ei"])).toEqual(
      onThisThread(view, ["network.ties", "silo.ei"]),
    );
  };
  await ask(first);
  expect(communities.analytics?.held).toEqual([[first]]);
  await ask(second);
  expect(communities.analytics?.held).toEqual([[second]]);
  await ask(first);
  expect(communities.analytics?.held).toEqual([[first]]);
});

it("keeps every community within a budget that holds them all, the one asked last at the end", async () => {
  const communities = await core();
  const { reader } = communities;
  for (const [i, communityId] of [...demo, demo[0] as string].entries()) {
    await reader.indicatorsInWorker(await reader.view(communityId, { at: `2026-0${i + 1}-01T00:00:00Z` }), [
      "network.ties",
    ]);
  }
  expect(communities.analytics?.held).toEqual([[...demo.slice(1), demo[0]]]);
});
