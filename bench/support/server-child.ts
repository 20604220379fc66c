// The API server the HTTP benchmarks load, run as a child process (forked by server-process.ts) so
// that autocannon's CPU does not share its event loop. Talks to the parent over IPC:
// → { type: "listening", url }; "stats" → { type: "stats", … }; "close" → { type: "closed" }.
// BENCH_STORE=null / null-deferred swaps SQLite for NullEventStore (diagnostics: the API without storage).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildApp } from "@copgraph/api";
import { openSqliteEventStore } from "@copgraph/event-store";
import { NullEventStore } from "./null-store.js";
import type { ServerSample } from "./server-process.js";

const path = process.env.BENCH_DB_PATH;
if (!path || !process.send) {
  console.error("server-child: run through server-process.ts (needs BENCH_DB_PATH and an IPC channel)");
  process.exit(2);
}
// Never outlive a crashed or stuck parent.
const lifetimeMs = Number(process.env.BENCH_SERVER_LIFETIME_MS ?? 30 * 60_000);
setTimeout(() => {
  console.error(`server-child: still running after ${lifetimeMs} ms, exiting`);
  process.exit(3);
}, lifetimeMs).unref();

const kind = process.env.BENCH_STORE ?? "sqlite";
const sqlite = kind.startsWith("null") ? undefined : openSqliteEventStore({ path });
const store = sqlite ?? new NullEventStore({ deferToNextTurn: kind === "null-deferred" });
// BENCH_RATE_LIMIT > 0: requests per minute per key, the limiter `copgraph serve` runs with.
const rateLimit = Number(process.env.BENCH_RATE_LIMIT ?? 0);
const app = await buildApp({
  store,
  ...(rateLimit > 0 ? { http: { rateLimit: { max: rateLimit, windowMs: 60_000 } } } : {}),
});
const url = await app.listen({ host: "127.0.0.1", port: 0 });

/** Bytes this process had written to storage (Linux /proc/self/io; -1 where unreadable). */
function writeBytes(): number {
  try {
    const match = /^write_bytes: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"));
    return match ? Number(match[1]) : -1;
  } catch {
    return -1;
  }
}

function sample(): ServerSample {
  const cpu = process.cpuUsage();
  return {
    stats: sqlite?.stats() ?? { flushes: 0, appends: 0, events: 0 },
    cpuMicros: cpu.user + cpu.system,
    eventLoop: performance.eventLoopUtilization(),
    writeBytes: writeBytes(),
    heapUsedBytes: process.memoryUsage().heapUsed,
    // The monotonic clock in µs, the time base of --cpu-prof, to cut a profile to a window.
    monotonicMicros: Number(process.hrtime.bigint() / 1000n),
  };
}

let closing: Promise<void> | undefined;
const close = () => {
  closing ??= (async () => {
    await app.close();
    await store.close();
  })();
  return closing;
};

const send = (message: unknown) => process.send?.(message);

process.on("message", (message: { type?: string }) => {
  if (message.type === "stats") send({ type: "stats", ...sample() });
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
