// Where the time of (b) goes: the same load against the API on a store that stores nothing (the
// ceiling of HTTP + zod + decider), the store's group commit alone under 50 concurrent single-event
// appenders (no HTTP), and a CPU profile of the server under the real load, cut to buckets.
// Run with `bench/run.ts breakdown`; not part of the default run.
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore } from "@copgraph/event-store";
import { type CpuWindow, cpuWindow, waitForQuiet } from "../support/cpu-load.js";
import { type Bucket, bucketProfile, newestProfile } from "../support/cpu-profile.js";
import { interactionEvent } from "../support/events.js";
import { envNumber } from "../support/options.js";
import { type StoreKind, startServerProcess } from "../support/server-process.js";
import { formatInt, round } from "../support/stats.js";
import { formatTable } from "../support/table.js";
import { withTempDir } from "../support/temp.js";
import { type LoadRun, loadOnce } from "./http-single.js";

const WARMUP_SECONDS = 3;
const maxOtherCpu = () => envNumber("BENCH_MAX_OTHER_CPU", 25, 0, 1000);

export interface PortConcurrentRun {
  readonly concurrency: number;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly flushes: number;
  readonly eventsPerFlush: number;
  readonly cpu: CpuWindow;
}

export interface BreakdownResult {
  readonly name: "breakdown";
  readonly durationSeconds: number;
  readonly realStore: LoadRun;
  readonly nullStore: LoadRun;
  readonly nullStoreDeferred: LoadRun;
  /** The same app validating and answering without deciding or storing. */
  readonly noWrite: LoadRun;
  /** node:http answering at once: what this machine and autocannon allow at all. */
  readonly bareHttp: LoadRun;
  readonly portConcurrent: PortConcurrentRun;
  /** The server profiled under the real load (the profiler slows it down; compare shares). */
  readonly profiled: LoadRun;
  readonly profile: Bucket[];
  /** Where the profile was written (gone unless BENCH_PROFILE_DIR was set). */
  readonly profileFile: string;
}

/** `concurrency` loops in this process, each appending one event and awaiting it, for `seconds`. */
export async function concurrentPortAppends(
  dir: string,
  concurrency: number,
  seconds: number,
): Promise<PortConcurrentRun> {
  mkdirSync(dir, { recursive: true });
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const occurredAt = new Date().toISOString();
  await waitForQuiet(availableParallelism());
  const window = cpuWindow(availableParallelism());
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let events = 0;
  const maxPerWriter = 1_000_000;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, writer) => {
        for (let n = 0; n < maxPerWriter && process.hrtime.bigint() < deadline; n++) {
          // One stream per writer, like 50 communities written at once.
          await store.appendToStream(`community-w${writer}`, [interactionEvent(n, occurredAt, occurredAt)]);
          events++;
        }
      }),
    );
  } finally {
    await store.close();
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const { flushes } = store.stats();
  return {
    concurrency,
    events,
    seconds: round(elapsed, 3),
    eventsPerSecond: round(events / elapsed),
    flushes,
    eventsPerFlush: round(events / Math.max(1, flushes), 1),
    cpu: window.end(),
  };
}

async function serverLoad(dir: string, store: StoreKind, seconds: number, profileDir?: string) {
  mkdirSync(dir, { recursive: true });
  const server = await startServerProcess({
    dbPath: join(dir, "events.sqlite"),
    store,
    nodeFlags: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });
  try {
    await loadOnce(server, "warmup", WARMUP_SECONDS);
    // Repeated (twice at most) when other processes took the CPU meanwhile.
    let run = await loadOnce(server, "measured0", seconds);
    for (let retry = 1; retry <= 2 && run.cpu.otherPercent > maxOtherCpu(); retry++) {
      console.log(`  (disturbed: other processes used ${run.cpu.otherPercent}% CPU, repeating)`);
      run = await loadOnce(server, `measured${retry}`, seconds);
    }
    return run;
  } finally {
    await server.close();
  }
}

export async function runBreakdown(): Promise<BreakdownResult> {
  const seconds = envNumber("BENCH_HTTP_SECONDS", 10, 1, 120);
  return withTempDir("breakdown", async (dir) => {
    const realStore = await serverLoad(join(dir, "real"), "sqlite", seconds);
    console.log(`  API + SQLite: ${formatInt(realStore.acknowledgedPerSecond)} acknowledged/s`);
    const nullStore = await serverLoad(join(dir, "null"), "null", seconds);
    console.log(`  API + null store: ${formatInt(nullStore.acknowledgedPerSecond)} acknowledged/s`);
    const nullStoreDeferred = await serverLoad(join(dir, "null-deferred"), "null-deferred", seconds);
    console.log(`  API + null store, next turn: ${formatInt(nullStoreDeferred.acknowledgedPerSecond)} acknowledged/s`);
    const noWrite = await serverLoad(join(dir, "no-write"), "no-write", seconds);
    console.log(`  API, validate and answer without writing: ${formatInt(noWrite.acknowledgedPerSecond)} requests/s`);
    const bareHttp = await serverLoad(join(dir, "bare-http"), "bare-http", seconds);
    console.log(`  node:http answering at once: ${formatInt(bareHttp.acknowledgedPerSecond)} requests/s`);
    await concurrentPortAppends(join(dir, "port-warmup"), 50, 1);
    let portConcurrent = await concurrentPortAppends(join(dir, "port0"), 50, Math.min(seconds, 5));
    for (let retry = 1; retry <= 2 && portConcurrent.cpu.otherPercent > maxOtherCpu(); retry++) {
      portConcurrent = await concurrentPortAppends(join(dir, `port${retry}`), 50, Math.min(seconds, 5));
    }
    console.log(`  port, 50 concurrent single appends: ${formatInt(portConcurrent.eventsPerSecond)} events/s`);
    // BENCH_PROFILE_DIR keeps the .cpuprofile (open it in Chrome DevTools); otherwise it goes with the temp dir.
    const profileDir = process.env.BENCH_PROFILE_DIR ?? join(dir, "profile");
    const profiled = await serverLoad(join(dir, "profiled"), "sqlite", seconds, profileDir);
    const profileFile = newestProfile(profileDir);
    const profile = bucketProfile(profileFile, profiled.server.fromMicros, profiled.server.toMicros);
    console.log(`  profiled API + SQLite: ${formatInt(profiled.acknowledgedPerSecond)} acknowledged/s`);
    return {
      name: "breakdown",
      durationSeconds: seconds,
      realStore,
      nullStore,
      nullStoreDeferred,
      noWrite,
      bareHttp,
      portConcurrent,
      profiled,
      profile,
      profileFile,
    };
  });
}

/** CPU time per event from a CPU share (% of one core) and a rate. */
const cpuMicrosPerEvent = (cpuPercent: number, perSecond: number) =>
  perSecond > 0 ? round((cpuPercent / 100) * (1e6 / perSecond), 1) : "";

export function breakdownTables(result: BreakdownResult): string {
  const load = (label: string, run: LoadRun) => [
    label,
    formatInt(run.acknowledgedPerSecond),
    run.latencyMs.p50,
    run.latencyMs.p99,
    run.serverCpuPercent,
    cpuMicrosPerEvent(run.serverCpuPercent, run.acknowledgedPerSecond),
    run.serverEventLoopUtilization,
    run.clientCpuPercent,
    run.eventsPerFlush,
    run.cpu.otherPercent,
  ];
  const port = result.portConcurrent;
  const throughput = formatTable(
    [
      "configuration",
      "events/s",
      "p50 ms",
      "p99 ms",
      "server CPU %",
      "server CPU µs/event",
      "event loop busy",
      "autocannon CPU %",
      "events/tx",
      "other CPU %",
    ],
    [
      load("API + SQLite (as in (b))", result.realStore),
      load("API + null store, resolved in the same turn", result.nullStore),
      load("API + null store, resolved next turn (like group commit)", result.nullStoreDeferred),
      load("API route that validates and answers, no decider, no store", result.noWrite),
      load("node:http answering at once (no Fastify, no copgraph)", result.bareHttp),
      [
        `port only, ${port.concurrency} concurrent single appends`,
        formatInt(port.eventsPerSecond),
        "",
        "",
        port.cpu.selfPercent,
        cpuMicrosPerEvent(port.cpu.selfPercent, port.eventsPerSecond),
        "",
        "",
        port.eventsPerFlush,
        port.cpu.otherPercent,
      ],
      load("API + SQLite under --cpu-prof", result.profiled),
    ],
  );
  const events = result.profiled.storedInteractions;
  const profile = formatTable(
    ["server CPU profile bucket (measured window)", "ms", "% of busy", "µs per event"],
    result.profile.map((bucket) => [
      bucket.bucket,
      formatInt(bucket.ms),
      bucket.bucket === "idle" ? "" : bucket.percentBusy,
      bucket.bucket === "idle" ? "" : round((bucket.ms * 1000) / Math.max(1, events), 1),
    ]),
  );
  return `${throughput}\n\n${profile}`;
}
