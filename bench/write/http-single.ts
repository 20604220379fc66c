// (b) Single-event POST /v1/communities/{id}/interactions from 50 concurrent connections (autocannon)
// against the API in a child process, compared in the same run with one fsync per append: single
// events appended sequentially through the port, each awaited, so no group commit can happen.
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore } from "@copgraph/event-store";
import autocannon from "autocannon";
import { seedCommunity } from "../support/community.js";
import { type CpuWindow, cpuWindow, type QuietWait, waitForQuiet } from "../support/cpu-load.js";
import { interactionEvent, interactionRequest, memberPairs } from "../support/events.js";
import { getJson } from "../support/http-client.js";
import { envNumber } from "../support/options.js";
import { type MeasuredRuns, measureRuns } from "../support/runs.js";
import { type ServerDelta, type ServerProcess, sampleDelta, startServerProcess } from "../support/server-process.js";
import { formatInt, median, round, withTimeout } from "../support/stats.js";
import { formatTable } from "../support/table.js";
import { withTempDir } from "../support/temp.js";

export const SINGLE_TARGET = 15_000;
const CONNECTIONS = 50;
/** Bodies each connection cycles through: distinct pairs spread over all 50 members. */
const ROTATION = 200;

/** One autocannon load of POST /interactions with what the server did meanwhile. */
export interface LoadRun {
  readonly communityId: string;
  readonly seconds: number;
  readonly ok2xx: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly acknowledgedPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly average: number; readonly max: number };
  /** Interactions the community holds afterwards (≥ ok2xx: requests in flight when autocannon stops may land). */
  readonly storedInteractions: number;
  readonly flushes: number;
  readonly eventsPerFlush: number;
  /** Server process CPU in % of one core, and how busy its event loop was (0..1). */
  readonly serverCpuPercent: number;
  readonly serverEventLoopUtilization: number;
  /** The parent (autocannon) CPU in % of one core: the load generator shares the 2 cores. */
  readonly clientCpuPercent: number;
  /** Bytes the server wrote to storage per acknowledged event (-1 when /proc/self/io is unreadable). */
  readonly storageBytesPerEvent: number;
  readonly server: ServerDelta;
  /** How long the run waited for the machine to be quiet, and what other processes used during it. */
  readonly quiet: QuietWait;
  readonly cpu: CpuWindow;
}

export interface HttpSingleRun extends LoadRun {
  readonly baseline: BaselineRun;
}

export interface BaselineRun {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly flushes: number;
  readonly cpu: CpuWindow;
}

export interface HttpSingleResult {
  readonly name: "http";
  readonly connections: number;
  readonly durationSeconds: number;
  readonly baselineSeconds: number;
  readonly serverProcess: string;
  readonly warmup: HttpSingleRun;
  readonly runs: HttpSingleRun[];
  readonly disturbed: HttpSingleRun[];
  readonly medianAcknowledgedPerSecond: number;
  readonly medianP50Ms: number;
  readonly medianP99Ms: number;
  readonly medianBaselinePerSecond: number;
  readonly medianEventsPerFlush: number;
  readonly medianServerCpuPercent: number;
  readonly medianClientCpuPercent: number;
  /** CPU other processes used during the measured runs (max over runs), in % of one core. */
  readonly maxOtherCpuPercent: number;
  readonly ratioToBaseline: number;
  readonly totalNon2xx: number;
  readonly targetMet: boolean;
}

/** One event per transaction: sequential single-event appends, each awaited, for `seconds`. */
export async function oneFsyncBaseline(dir: string, seconds: number): Promise<BaselineRun> {
  mkdirSync(dir, { recursive: true });
  const store = openSqliteEventStore({ path: join(dir, "events.sqlite") });
  const occurredAt = new Date().toISOString();
  const maxEvents = 1_000_000;
  const window = cpuWindow(availableParallelism());
  let events = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  try {
    let revision = -1n;
    while (events < maxEvents && process.hrtime.bigint() < deadline) {
      const event = interactionEvent(events, occurredAt, occurredAt);
      const result = await store.appendToStream("community-baseline", [event], {
        expectedRevision: revision === -1n ? "no_stream" : revision,
      });
      revision = result.nextExpectedRevision;
      events++;
    }
  } finally {
    await store.close();
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    events,
    seconds: round(elapsed, 3),
    eventsPerSecond: round(events / elapsed),
    flushes: store.stats().flushes,
    cpu: window.end(),
  };
}

function fire(url: string, durationSeconds: number): Promise<autocannon.Result> {
  const path = new URL(url).pathname;
  const requests: autocannon.Request[] = Array.from({ length: ROTATION }, (_, i) => ({
    method: "POST",
    path,
    headers: { "content-type": "application/json" },
    // Steps of 37 through the 2,450 ordered pairs: 200 distinct pairs, every member used.
    body: JSON.stringify(interactionRequest((i * 37) % memberPairs.length)),
  }));
  const run = new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: durationSeconds, timeout: 10, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  return withTimeout(run, (durationSeconds + 60) * 1000, "autocannon");
}

/** Seeds community `communityId`, loads it for `durationSeconds` and reads what the server did. */
export async function loadOnce(server: ServerProcess, communityId: string, durationSeconds: number): Promise<LoadRun> {
  await seedCommunity(server.url, communityId);
  const quiet = await waitForQuiet(availableParallelism());
  const before = await server.sample();
  const window = cpuWindow(availableParallelism());
  const result = await fire(`${server.url}${server.interactionsPath(communityId)}`, durationSeconds);
  const after = await server.sample();
  const delta = sampleDelta(before, after);
  const cpu = window.end(delta.cpuPercent);
  const summary = await getJson<{ interactions: number }>(server.url, `/v1/communities/${communityId}`);
  return {
    communityId,
    seconds: result.duration,
    ok2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    acknowledgedPerSecond: round(result["2xx"] / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: round(result.latency.average, 2),
      max: result.latency.max,
    },
    storedInteractions: summary.interactions,
    flushes: delta.flushes,
    eventsPerFlush: round(delta.events / Math.max(1, delta.flushes), 1),
    serverCpuPercent: delta.cpuPercent,
    serverEventLoopUtilization: delta.eventLoopUtilization,
    clientCpuPercent: cpu.selfPercent,
    storageBytesPerEvent: delta.writeBytes < 0 ? -1 : round(delta.writeBytes / Math.max(1, summary.interactions)),
    server: delta,
    quiet,
    cpu,
  };
}

export async function runHttpSingle(runs: number): Promise<HttpSingleResult> {
  const durationSeconds = envNumber("BENCH_HTTP_SECONDS", 10, 1, 120);
  const baselineSeconds = envNumber("BENCH_BASELINE_SECONDS", 3, 0.5, 60);
  // BENCH_CPU_PROF_DIR: profile the server (node --cpu-prof) into that directory.
  const cpuProfDir = process.env.BENCH_CPU_PROF_DIR;
  return withTempDir("http", async (dir) => {
    const server = await startServerProcess({
      dbPath: join(dir, "events.sqlite"),
      nodeFlags: cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [],
    });
    let measuredRuns: MeasuredRuns<HttpSingleRun>;
    try {
      measuredRuns = await measureRuns(
        runs,
        async (i) => {
          const load = await loadOnce(server, `single${i}`, durationSeconds);
          // Same disk, same moment, while the server idles: the one-fsync-per-append rate.
          const baseline = await oneFsyncBaseline(join(dir, `baseline-${i}`), baselineSeconds);
          return { ...load, baseline };
        },
        (run, which) =>
          console.log(
            `  http ${which}: ${formatInt(run.acknowledgedPerSecond)} acknowledged/s, ` +
              `p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors}, ` +
              `${run.eventsPerFlush} events/transaction, server CPU ${run.serverCpuPercent}% (event loop ${run.serverEventLoopUtilization}), ` +
              `autocannon CPU ${run.clientCpuPercent}%, other processes ${run.cpu.otherPercent}%; ` +
              `one-fsync baseline ${formatInt(run.baseline.eventsPerSecond)}/s`,
          ),
      );
    } finally {
      await server.close();
    }
    const { warmup, runs: measured, disturbed } = measuredRuns;
    const medianAck = median(measured.map((run) => run.acknowledgedPerSecond));
    const medianBaseline = median(measured.map((run) => run.baseline.eventsPerSecond));
    return {
      name: "http",
      connections: CONNECTIONS,
      durationSeconds,
      baselineSeconds,
      serverProcess: "child process (server-child.ts); autocannon in the parent; both share the machine's cores",
      warmup,
      runs: measured,
      disturbed,
      medianAcknowledgedPerSecond: round(medianAck),
      medianP50Ms: median(measured.map((run) => run.latencyMs.p50)),
      medianP99Ms: median(measured.map((run) => run.latencyMs.p99)),
      medianBaselinePerSecond: round(medianBaseline),
      medianEventsPerFlush: round(median(measured.map((run) => run.eventsPerFlush)), 1),
      medianServerCpuPercent: median(measured.map((run) => run.serverCpuPercent)),
      medianClientCpuPercent: median(measured.map((run) => run.clientCpuPercent)),
      maxOtherCpuPercent: Math.max(...measured.map((run) => run.cpu.otherPercent)),
      ratioToBaseline: round(medianAck / medianBaseline, 2),
      totalNon2xx: measured.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0),
      targetMet: medianAck >= SINGLE_TARGET,
    };
  });
}

export function httpTable(result: HttpSingleResult): string {
  const acks = result.runs.map((run) => run.acknowledgedPerSecond);
  const base = result.runs.map((run) => run.baseline.eventsPerSecond);
  return formatTable(
    [
      "(b) single-event writes",
      "median /s",
      "min",
      "max",
      "p50 ms",
      "p99 ms",
      "non-2xx+errors",
      "events/tx",
      "server CPU %",
      "autocannon CPU %",
      "other CPU % (max)",
      "repeated runs",
    ],
    [
      [
        `POST /interactions, ${result.connections} connections, ${result.durationSeconds} s`,
        formatInt(result.medianAcknowledgedPerSecond),
        formatInt(Math.min(...acks)),
        formatInt(Math.max(...acks)),
        result.medianP50Ms,
        result.medianP99Ms,
        result.totalNon2xx,
        result.medianEventsPerFlush,
        result.medianServerCpuPercent,
        result.medianClientCpuPercent,
        result.maxOtherCpuPercent,
        result.disturbed.length,
      ],
      [
        `port, 1 event per awaited append, ${result.baselineSeconds} s`,
        formatInt(result.medianBaselinePerSecond),
        formatInt(Math.min(...base)),
        formatInt(Math.max(...base)),
        "",
        "",
        "",
        1,
        "",
        "",
        Math.max(...result.runs.map((run) => run.baseline.cpu.otherPercent)),
        "",
      ],
    ],
  );
}
