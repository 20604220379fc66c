// Read throughput: GET /v1/communities/{id}/indicators (cached: a fixed query asked again) and
// GET /v1/communities/{id}/graph from 50 connections (autocannon), on a realistic and a demo
// community, against the API in a child process with the rate limiter on (its limit raised).
import { availableParallelism } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { type CpuWindow, cpuWindow, type QuietWait, waitForQuiet } from "../support/cpu-load.js";
import { getJson } from "../support/http-client.js";
import { envNumber } from "../support/options.js";
import { measureRuns } from "../support/runs.js";
import { type ServerProcess, sampleDelta, startServerProcess } from "../support/server-process.js";
import { formatInt, median, round, withTimeout } from "../support/stats.js";
import { formatTable } from "../support/table.js";
import { withTempDir } from "../support/temp.js";
import { type ReadCommunity, readCommunities, storeCommunity } from "./read-communities.js";

const CONNECTIONS = 50;
/** Far above the load: the limiter's work is measured, its refusals are not. */
const RATE_LIMIT = 1_000_000_000;

export interface ReadRun {
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly average: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly bytesPerResponse: number;
  readonly serverCpuPercent: number;
  readonly clientCpuPercent: number;
  readonly quiet: QuietWait;
  readonly cpu: CpuWindow;
}

export interface ReadTarget {
  readonly community: string;
  readonly communityId: string;
  readonly members: number;
  readonly events: number;
  readonly endpoint: string;
  readonly path: string;
  readonly warmup: ReadRun;
  readonly runs: ReadRun[];
  readonly disturbed: ReadRun[];
  readonly medianRequestsPerSecond: number;
  readonly medianP50Ms: number;
  readonly medianP99Ms: number;
  readonly maxOtherCpuPercent: number;
  readonly totalNon2xx: number;
}

export interface ReadResult {
  readonly name: "read";
  readonly connections: number;
  readonly durationSeconds: number;
  readonly query: { readonly at: string; readonly knownAt: string };
  readonly serverProcess: string;
  readonly targets: ReadTarget[];
}

function fire(url: string, durationSeconds: number): Promise<autocannon.Result> {
  const run = new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: durationSeconds, timeout: 30 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  return withTimeout(run, (durationSeconds + 90) * 1000, "autocannon");
}

async function loadOnce(server: ServerProcess, path: string, durationSeconds: number): Promise<ReadRun> {
  const quiet = await waitForQuiet(availableParallelism());
  const before = await server.sample();
  const window = cpuWindow(availableParallelism());
  const result = await fire(`${server.url}${path}`, durationSeconds);
  const delta = sampleDelta(before, await server.sample());
  const cpu = window.end(delta.cpuPercent);
  return {
    seconds: result.duration,
    requestsPerSecond: round(result["2xx"] / result.duration),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: round(result.latency.average, 2),
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerResponse: round(result.throughput.total / Math.max(1, result.requests.total)),
    serverCpuPercent: delta.cpuPercent,
    clientCpuPercent: cpu.selfPercent,
    quiet,
    cpu,
  };
}

/** Fails unless the graph as of the query has the community's members: an empty graph is no benchmark. */
async function expectMembers(server: ServerProcess, community: ReadCommunity, path: string): Promise<void> {
  const body = await getJson<{ nodes?: unknown[]; indicators?: unknown }>(server.url, path, 300_000);
  const nodes = body.nodes?.length;
  if (nodes !== undefined && nodes < community.members / 2) {
    throw new Error(`${path}: ${nodes} nodes for ${community.members} members; the query misses the history`);
  }
}

async function measureTarget(
  server: ServerProcess,
  community: ReadCommunity,
  endpoint: string,
  path: string,
  runs: number,
  durationSeconds: number,
): Promise<ReadTarget> {
  // The first answer computes and caches; the runs measure answers from the cache.
  await expectMembers(server, community, path);
  const measured = await measureRuns(
    runs,
    () => loadOnce(server, path, durationSeconds),
    (run, which) =>
      console.log(
        `  ${community.label} ${endpoint} ${which}: ${formatInt(run.requestsPerSecond)} req/s, p50 ${run.latencyMs.p50} ms, ` +
          `p99 ${run.latencyMs.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors}, ${formatInt(run.bytesPerResponse)} B/response, ` +
          `server CPU ${run.serverCpuPercent}%, autocannon CPU ${run.clientCpuPercent}%, other processes ${run.cpu.otherPercent}%`,
      ),
  );
  return {
    community: community.label,
    communityId: community.communityId,
    members: community.members,
    events: community.events.length,
    endpoint,
    path,
    ...measured,
    medianRequestsPerSecond: round(median(measured.runs.map((run) => run.requestsPerSecond))),
    medianP50Ms: median(measured.runs.map((run) => run.latencyMs.p50)),
    medianP99Ms: median(measured.runs.map((run) => run.latencyMs.p99)),
    maxOtherCpuPercent: Math.max(...measured.runs.map((run) => run.cpu.otherPercent)),
    totalNon2xx: measured.runs.reduce((sum, run) => sum + run.non2xx + run.errors + run.timeouts, 0),
  };
}

export async function runRead(runs: number): Promise<ReadResult> {
  const durationSeconds = envNumber("BENCH_READ_SECONDS", 10, 1, 120);
  const communities = readCommunities(Date.now());
  return withTempDir("read", async (dir) => {
    const server = await startServerProcess({ dbPath: join(dir, "events.sqlite"), rateLimit: RATE_LIMIT });
    const targets: ReadTarget[] = [];
    let query = { at: "", knownAt: "" };
    try {
      for (const community of communities) {
        const started = Date.now();
        await storeCommunity(server.url, community);
        console.log(
          `  stored ${community.label} '${community.communityId}': ${community.members} members, ` +
            `${formatInt(community.events.length)} events (${Math.round((Date.now() - started) / 1000)} s)`,
        );
      }
      // A fixed query after every event, as known once all were stored: asked again, it is answered from the cache.
      const stamp = new Date().toISOString();
      query = { at: stamp, knownAt: stamp };
      const queryString = `at=${encodeURIComponent(stamp)}&knownAt=${encodeURIComponent(stamp)}`;
      for (const community of communities) {
        for (const endpoint of ["indicators", "graph"]) {
          const path = `/v1/communities/${community.communityId}/${endpoint}?${queryString}`;
          targets.push(await measureTarget(server, community, endpoint, path, runs, durationSeconds));
        }
      }
    } finally {
      await server.close();
    }
    return {
      name: "read",
      connections: CONNECTIONS,
      durationSeconds,
      query,
      serverProcess:
        "child process (server-child.ts, rate limiter on with its limit raised); autocannon in the parent; both share the machine's cores",
      targets,
    };
  });
}

export function readTable(result: ReadResult): string {
  return formatTable(
    [
      "read, 50 connections",
      "members",
      "events",
      "median req/s",
      "min",
      "max",
      "p50 ms",
      "p99 ms",
      "non-2xx+errors",
      "other CPU % (max)",
      "repeated runs",
    ],
    result.targets.map((target) => {
      const rates = target.runs.map((run) => run.requestsPerSecond);
      return [
        `GET ${target.endpoint} (cached), ${target.community}`,
        target.members,
        formatInt(target.events),
        formatInt(target.medianRequestsPerSecond),
        formatInt(Math.min(...rates)),
        formatInt(Math.max(...rates)),
        target.medianP50Ms,
        target.medianP99Ms,
        target.totalNon2xx,
        target.maxOtherCpuPercent,
        target.disturbed.length,
      ];
    }),
  );
}
