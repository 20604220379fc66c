// (c) POST /v1/communities/{id}/events with 10,000-event batches of InteractionRecorded, sent one
// after another by one client. The bodies are JSON-encoded before the clock starts. Every run gets a
// fresh server on a fresh file, so runs do not slow down as the log and the read model grow.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { seedCommunity } from "../support/community.js";
import { type CpuWindow, cpuWindow, type QuietWait, waitForQuiet } from "../support/cpu-load.js";
import { interactionData } from "../support/events.js";
import { post } from "../support/http-client.js";
import { envNumber } from "../support/options.js";
import { measureRuns } from "../support/runs.js";
import { type ServerProcess, sampleDelta, startServerProcess } from "../support/server-process.js";
import { formatInt, median, msSince, round } from "../support/stats.js";
import { formatTable } from "../support/table.js";
import { withTempDir } from "../support/temp.js";

export const BATCH_TARGET = 100_000;
const BATCH_SIZE = 10_000;
const MAX_RUN_MS = 5 * 60_000;
/** Untimed batches each fresh server gets first, so the timed run does not measure the JIT warming up. */
const JIT_WARMUP_BATCHES = 2;

export interface HttpBatchRun {
  readonly communityId: string;
  readonly events: number;
  readonly requests: number;
  readonly bodyMiB: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly requestMs: { readonly median: number; readonly max: number; readonly first: number; readonly last: number };
  readonly flushes: number;
  /** Server process CPU in % of one core over the run. */
  readonly serverCpuPercent: number;
  /** V8 heap in use by the server after the run (the read model keeps every event's facts in memory). */
  readonly serverHeapMiB: number;
  readonly quiet: QuietWait;
  readonly cpu: CpuWindow;
}

export interface HttpBatchVariant {
  /** Whether each event also carries a client-chosen `id` (an import that wants idempotent retries). */
  readonly withEventIds: boolean;
  readonly warmup: HttpBatchRun;
  readonly runs: HttpBatchRun[];
  readonly disturbed: HttpBatchRun[];
  readonly medianEventsPerSecond: number;
  readonly targetMet: boolean;
}

export interface HttpBatchResult {
  readonly name: "batch";
  readonly batchSize: number;
  readonly eventsPerRun: number;
  readonly variants: HttpBatchVariant[];
}

/** The request bodies of one run, encoded up front (outside the timed window). */
function buildBodies(batches: number, withEventIds: boolean): Buffer[] {
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  return Array.from({ length: batches }, (_, b) => {
    const events = Array.from({ length: BATCH_SIZE }, (_, k) => ({
      ...(withEventIds ? { id: randomUUID() } : {}),
      type: "InteractionRecorded",
      data: interactionData(b * BATCH_SIZE + k, occurredAt),
    }));
    return Buffer.from(JSON.stringify({ events }));
  });
}

async function batchOnce(
  server: ServerProcess,
  communityId: string,
  batches: number,
  withEventIds: boolean,
): Promise<HttpBatchRun> {
  const baseUrl = server.url;
  await seedCommunity(baseUrl, communityId);
  const bodies = buildBodies(batches, withEventIds);
  const path = `/v1/communities/${communityId}/events`;
  const quiet = await waitForQuiet(availableParallelism());
  const before = await server.sample();
  const window = cpuWindow(availableParallelism());
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (const body of bodies) {
    const sent = process.hrtime.bigint();
    const response = await post(baseUrl, path, body, 120_000);
    times.push(msSince(sent));
    if (response.status !== 201) throw new Error(`batch answered ${response.status}: ${response.body.slice(0, 500)}`);
    if (msSince(start) > MAX_RUN_MS) throw new Error(`batch run exceeded ${MAX_RUN_MS} ms`);
  }
  const seconds = msSince(start) / 1000;
  const after = await server.sample();
  const delta = sampleDelta(before, after);
  const cpu = window.end(delta.cpuPercent);
  const events = batches * BATCH_SIZE;
  return {
    communityId,
    events,
    requests: batches,
    bodyMiB: round(bodies.reduce((sum, body) => sum + body.length, 0) / 1024 ** 2, 1),
    seconds: round(seconds, 3),
    eventsPerSecond: round(events / seconds),
    requestMs: {
      median: round(median(times), 1),
      max: round(Math.max(...times), 1),
      first: round(times[0] ?? 0, 1),
      last: round(times.at(-1) ?? 0, 1),
    },
    flushes: delta.flushes,
    serverCpuPercent: delta.cpuPercent,
    serverHeapMiB: round(after.heapUsedBytes / 1024 ** 2),
    quiet,
    cpu,
  };
}

/** A fresh server on a fresh file: JIT warm-up with a few untimed batches, then the timed run. */
async function batchOnFreshServer(dir: string, batches: number, withEventIds: boolean): Promise<HttpBatchRun> {
  mkdirSync(dir, { recursive: true });
  // BENCH_CPU_PROF_DIR: profile the server (node --cpu-prof) into that directory.
  const cpuProfDir = process.env.BENCH_CPU_PROF_DIR;
  const server = await startServerProcess({
    dbPath: join(dir, "events.sqlite"),
    nodeFlags: cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [],
  });
  try {
    await batchOnce(server, "jit", JIT_WARMUP_BATCHES, withEventIds);
    return await batchOnce(server, "measured", batches, withEventIds);
  } finally {
    await server.close();
  }
}

export async function runHttpBatch(runs: number): Promise<HttpBatchResult> {
  const eventsPerRun = envNumber("BENCH_BATCH_EVENTS", 200_000, BATCH_SIZE, 2_000_000);
  const batches = Math.ceil(eventsPerRun / BATCH_SIZE);
  const variants: HttpBatchVariant[] = [];
  await withTempDir("batch", async (dir) => {
    for (const withEventIds of [false, true]) {
      const {
        warmup,
        runs: measured,
        disturbed,
      } = await measureRuns(
        runs,
        (i) => batchOnFreshServer(join(dir, `${withEventIds ? "ids" : "plain"}-${i}`), batches, withEventIds),
        (run, which) =>
          console.log(
            `  batch${withEventIds ? " (with event ids)" : ""} ${which}: ` +
              `${formatInt(run.eventsPerSecond)} events/s (${run.requests} requests of ${round(run.bodyMiB / run.requests, 2)} MiB, ` +
              `median ${run.requestMs.median} ms each, first ${run.requestMs.first} ms, last ${run.requestMs.last} ms, ` +
              `${run.flushes} transactions, server CPU ${run.serverCpuPercent}%, heap ${run.serverHeapMiB} MiB, ` +
              `other processes ${run.cpu.otherPercent}%)`,
          ),
      );
      const medianRate = median(measured.map((run) => run.eventsPerSecond));
      variants.push({
        withEventIds,
        warmup,
        runs: measured,
        disturbed,
        medianEventsPerSecond: round(medianRate),
        targetMet: medianRate >= BATCH_TARGET,
      });
    }
  });
  return { name: "batch", batchSize: BATCH_SIZE, eventsPerRun: batches * BATCH_SIZE, variants };
}

export function batchTable(result: HttpBatchResult): string {
  return formatTable(
    [
      "(c) batch endpoint",
      "events/run",
      "median events/s",
      "min",
      "max",
      "median ms/request",
      "tx/request",
      "server CPU %",
      "other CPU % (max)",
      "repeated runs",
    ],
    result.variants.map((variant) => {
      const rates = variant.runs.map((run) => run.eventsPerSecond);
      return [
        `POST /events, ${formatInt(result.batchSize)} per request${variant.withEventIds ? ", with event ids" : ""}`,
        formatInt(result.eventsPerRun),
        formatInt(variant.medianEventsPerSecond),
        formatInt(Math.min(...rates)),
        formatInt(Math.max(...rates)),
        median(variant.runs.map((run) => run.requestMs.median)),
        round(median(variant.runs.map((run) => run.flushes / run.requests)), 2),
        median(variant.runs.map((run) => run.serverCpuPercent)),
        Math.max(...variant.runs.map((run) => run.cpu.otherPercent)),
        variant.disturbed.length,
      ];
    }),
  );
}
