// (a) Appends through the event store port: 1,000,000 InteractionRecorded-shaped events in batches of
// 1,000 and 10,000 to a fresh SQLite file, each batch awaited before the next (one transaction each).
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { openSqliteEventStore, type StreamRevision } from "@copgraph/event-store";
import { type CpuWindow, cpuWindow, type QuietWait, waitForQuiet } from "../support/cpu-load.js";
import { type IdKind, interactionEvent } from "../support/events.js";
import { envNumber } from "../support/options.js";
import { measureRuns } from "../support/runs.js";
import { formatInt, median, round } from "../support/stats.js";
import { formatTable } from "../support/table.js";
import { withTempDir } from "../support/temp.js";

export interface AppendRun {
  readonly batchSize: number;
  readonly idKind: IdKind;
  readonly events: number;
  /** Time spent inside appendToStream (event generation excluded). */
  readonly appendSeconds: number;
  /** Whole loop including building the events. */
  readonly wallSeconds: number;
  readonly eventsPerSecond: number;
  readonly flushes: number;
  readonly dbBytes: number;
  readonly quiet: QuietWait;
  readonly cpu: CpuWindow;
}

export interface AppendResult {
  readonly name: "append";
  readonly totalEvents: number;
  readonly streams: number;
  readonly bySize: {
    readonly batchSize: number;
    readonly idKind: IdKind;
    readonly warmup: AppendRun;
    readonly runs: AppendRun[];
    readonly disturbed: AppendRun[];
    readonly medianEventsPerSecond: number;
  }[];
}

const STREAMS = 10;
const MAX_RUN_MS = 10 * 60_000;

/** One run: `totalEvents` events in batches of `batchSize`, round-robin over 10 community streams. */
export async function appendOnce(batchSize: number, totalEvents: number, idKind: IdKind = "v7"): Promise<AppendRun> {
  const quiet = await waitForQuiet(availableParallelism());
  return withTempDir("append", async (dir) => {
    const window = cpuWindow(availableParallelism());
    const path = join(dir, "events.sqlite");
    const store = openSqliteEventStore({ path });
    const revisions: StreamRevision[] = new Array(STREAMS).fill(-1n);
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const recordedAt = new Date().toISOString();
    const batches = Math.ceil(totalEvents / batchSize);
    let appendNs = 0n;
    let events = 0;
    const wallStart = process.hrtime.bigint();
    try {
      for (let b = 0; b < batches; b++) {
        const size = Math.min(batchSize, totalEvents - events);
        const batch = Array.from({ length: size }, (_, k) =>
          interactionEvent(events + k, occurredAt, recordedAt, idKind),
        );
        const stream = b % STREAMS;
        const revision = revisions[stream] as StreamRevision;
        const start = process.hrtime.bigint();
        // The exact expected revision, as CommunityWriter passes it.
        const result = await store.appendToStream(`community-bench${stream}`, batch, {
          expectedRevision: revision === -1n ? "no_stream" : revision,
        });
        appendNs += process.hrtime.bigint() - start;
        revisions[stream] = result.nextExpectedRevision;
        events += size;
        if (Number(process.hrtime.bigint() - wallStart) / 1e6 > MAX_RUN_MS) {
          throw new Error(`append run exceeded ${MAX_RUN_MS} ms after ${events} events`);
        }
      }
    } finally {
      await store.close();
    }
    const stats = store.stats();
    const cpu = window.end();
    const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
    const appendSeconds = Number(appendNs) / 1e9;
    let dbBytes = 0;
    for (const suffix of ["", "-wal"]) {
      try {
        dbBytes += statSync(path + suffix).size;
      } catch {
        // no WAL left after close
      }
    }
    return {
      batchSize,
      idKind,
      events,
      appendSeconds: round(appendSeconds, 3),
      wallSeconds: round(wallSeconds, 3),
      eventsPerSecond: round(events / appendSeconds),
      flushes: stats.flushes,
      dbBytes,
      quiet,
      cpu,
    };
  });
}

export async function runAppend(runs: number): Promise<AppendResult> {
  const totalEvents = envNumber("BENCH_APPEND_EVENTS", 1_000_000, 10_000, 10_000_000);
  const bySize: AppendResult["bySize"] = [];
  // UUIDv7 ids as the API generates them; v4 (random) ids as a client choosing its own would send.
  const configs: { batchSize: number; idKind: IdKind }[] = [
    { batchSize: 1_000, idKind: "v7" },
    { batchSize: 10_000, idKind: "v7" },
    { batchSize: 10_000, idKind: "v4" },
  ];
  for (const { batchSize, idKind } of configs) {
    const label = `append batch=${batchSize} ids=${idKind}`;
    const {
      warmup,
      runs: measured,
      disturbed,
    } = await measureRuns(
      runs,
      () => appendOnce(batchSize, totalEvents, idKind),
      (run, which) =>
        console.log(
          `  ${label} ${which}: ${formatInt(run.eventsPerSecond)} events/s ` +
            `(${run.appendSeconds} s in appendToStream, ${run.flushes} transactions, other processes ${run.cpu.otherPercent}% CPU)`,
        ),
    );
    bySize.push({
      batchSize,
      idKind,
      warmup,
      runs: measured,
      disturbed,
      medianEventsPerSecond: round(median(measured.map((run) => run.eventsPerSecond))),
    });
  }
  return { name: "append", totalEvents, streams: STREAMS, bySize };
}

export function appendTable(result: AppendResult): string {
  return formatTable(
    [
      "(a) port append",
      "events/run",
      "median events/s",
      "min",
      "max",
      "tx/run",
      "events/tx",
      "DB MB",
      "other CPU % (max)",
      "repeated runs",
    ],
    result.bySize.map(({ batchSize, idKind, runs, disturbed, medianEventsPerSecond }) => {
      const rates = runs.map((run) => run.eventsPerSecond);
      const first = runs[0] as AppendRun;
      return [
        `batches of ${formatInt(batchSize)}, UUID${idKind} ids`,
        formatInt(result.totalEvents),
        formatInt(medianEventsPerSecond),
        formatInt(Math.min(...rates)),
        formatInt(Math.max(...rates)),
        formatInt(first.flushes),
        formatInt(first.events / first.flushes),
        round(first.dbBytes / 1e6),
        Math.max(...runs.map((run) => run.cpu.otherPercent)),
        disturbed.length,
      ];
    }),
  );
}
