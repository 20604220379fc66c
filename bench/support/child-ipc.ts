// The server side of server-process.ts's IPC, shared by the benchmark's server children:
// → { type: "listening", url }; "stats" → { type: "stats", … }; "close" → { type: "closed" }.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { SqliteEventStoreStats } from "@copgraph/event-store";
import type { ServerSample } from "./server-process.js";

const noStats: SqliteEventStoreStats = { flushes: 0, appends: 0, events: 0 };

/** Bytes this process had written to storage (Linux /proc/self/io; -1 where unreadable). */
function writeBytes(): number {
  try {
    const match = /^write_bytes: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"));
    return match ? Number(match[1]) : -1;
  } catch {
    return -1;
  }
}

function sample(stats: SqliteEventStoreStats): ServerSample {
  const cpu = process.cpuUsage();
  return {
    stats,
    cpuMicros: cpu.user + cpu.system,
    eventLoop: performance.eventLoopUtilization(),
    writeBytes: writeBytes(),
    heapUsedBytes: process.memoryUsage().heapUsed,
    // The monotonic clock in µs, the time base of --cpu-prof, to cut a profile to a window.
    monotonicMicros: Number(process.hrtime.bigint() / 1000n),
  };
}

/** Exits unless forked by server-process.ts, and never outlives a crashed or stuck parent. */
export function requireParent(name: string): void {
  if (!process.send) {
    console.error(`${name}: run through server-process.ts (needs an IPC channel)`);
    process.exit(2);
  }
  const lifetimeMs = Number(process.env.BENCH_SERVER_LIFETIME_MS ?? 30 * 60_000);
  setTimeout(() => {
    console.error(`${name}: still running after ${lifetimeMs} ms, exiting`);
    process.exit(3);
  }, lifetimeMs).unref();
}

/** Tells the parent where the server listens, then answers its stats and close requests. */
export function serveParent(url: string, server: { stats?: () => SqliteEventStoreStats; close: () => Promise<void> }) {
  const send = (message: unknown) => process.send?.(message);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= server.close();
    return closing;
  };
  process.on("message", (message: { type?: string }) => {
    if (message.type === "stats") send({ type: "stats", ...sample(server.stats?.() ?? noStats) });
    if (message.type === "close") {
      void close().then(() => {
        send({ type: "closed" });
        // Let the event loop empty so the process exits normally (and --cpu-prof writes its profile).
        process.disconnect();
      });
    }
  });
  process.on("disconnect", () => void close());
  send({ type: "listening", url });
}
