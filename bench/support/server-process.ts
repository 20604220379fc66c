import { type ChildProcess, fork } from "node:child_process";
import type { EventLoopUtilization } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { SqliteEventStoreStats } from "@copgraph/event-store";
import { withTimeout } from "./stats.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const childScript = fileURLToPath(new URL("./server-child.ts", import.meta.url));
const bareChildScript = fileURLToPath(new URL("./bare-http-child.ts", import.meta.url));

/** A reading taken in the server process; two of them give a run's deltas (see sampleDelta). */
export interface ServerSample {
  /** The store's group-commit counters (flushes = transactions = fsyncs); zeros with the null store. */
  readonly stats: SqliteEventStoreStats;
  /** User + system CPU time of the server process. */
  readonly cpuMicros: number;
  readonly eventLoop: EventLoopUtilization;
  /** Bytes written to storage by the process (/proc/self/io), -1 when unknown. */
  readonly writeBytes: number;
  readonly heapUsedBytes: number;
  readonly monotonicMicros: number;
}

export interface ServerDelta {
  readonly flushes: number;
  readonly events: number;
  /** Server CPU over the window, in % of one core. */
  readonly cpuPercent: number;
  /** Share of the window the event loop was busy (0..1). */
  readonly eventLoopUtilization: number;
  readonly writeBytes: number;
  readonly fromMicros: number;
  readonly toMicros: number;
}

export function sampleDelta(before: ServerSample, after: ServerSample): ServerDelta {
  const wallMicros = after.monotonicMicros - before.monotonicMicros;
  const idle = after.eventLoop.idle - before.eventLoop.idle;
  const active = after.eventLoop.active - before.eventLoop.active;
  return {
    flushes: after.stats.flushes - before.stats.flushes,
    events: after.stats.events - before.stats.events,
    cpuPercent: Math.round(((after.cpuMicros - before.cpuMicros) / Math.max(1, wallMicros)) * 1000) / 10,
    eventLoopUtilization: Math.round((active / Math.max(1e-9, idle + active)) * 1000) / 1000,
    writeBytes: before.writeBytes < 0 || after.writeBytes < 0 ? -1 : after.writeBytes - before.writeBytes,
    fromMicros: before.monotonicMicros,
    toMicros: after.monotonicMicros,
  };
}

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Where single interactions of community `id` are posted. */
  interactionsPath(communityId: string): string;
  sample(): Promise<ServerSample>;
  /** Closes the server and its store, then waits for the process to exit. */
  close(): Promise<void>;
}

/**
 * The real store, or a diagnostic: "null" / "null-deferred" run the API on NullEventStore; "no-write"
 * loads a route of the same app that validates an interaction and answers without deciding or
 * storing; "bare-http" is node:http answering every request at once (no Fastify, no copgraph).
 */
export type StoreKind = "sqlite" | "null" | "null-deferred" | "no-write" | "bare-http";

/** The no-write diagnostic's route (server-child.ts registers it). */
export const NO_WRITE_PATH = "/bench/communities/:id/interactions";

export interface ServerProcessOptions {
  /** The SQLite file (its directory must exist). */
  readonly dbPath: string;
  /** Extra node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=…"]. */
  readonly nodeFlags?: readonly string[];
  /** "null" / "null-deferred": the API on NullEventStore instead of SQLite (diagnostics). */
  readonly store?: StoreKind;
  /** Requests per minute per key: the rate limiter on, as `copgraph serve` runs it (default: off). */
  readonly rateLimit?: number;
}

function nextMessage<T>(child: ChildProcess, type: string, ms: number): Promise<T> {
  return withTimeout(
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type?: string }) => {
        if (message.type !== type) return;
        cleanup();
        resolve(message as T);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`server process exited (${code}) before sending '${type}'`));
      };
      const cleanup = () => {
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    }),
    ms,
    `waiting for the server's '${type}'`,
  );
}

/** Forks server-child.ts (the real Fastify app on a SQLite store) listening on 127.0.0.1. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const kind = options.store ?? "sqlite";
  const child = fork(kind === "bare-http" ? bareChildScript : childScript, [], {
    cwd: root,
    execArgv: ["--conditions=source", "--import", "tsx", ...(options.nodeFlags ?? [])],
    env: {
      ...process.env,
      BENCH_DB_PATH: options.dbPath,
      BENCH_STORE: kind,
      BENCH_RATE_LIMIT: String(options.rateLimit ?? 0),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let url: string;
  try {
    url = (await nextMessage<{ url: string }>(child, "listening", 60_000)).url;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    pid: child.pid ?? -1,
    interactionsPath: (communityId) =>
      kind === "no-write" ? NO_WRITE_PATH.replace(":id", communityId) : `/v1/communities/${communityId}/interactions`,
    async sample() {
      const reply = nextMessage<ServerSample>(child, "stats", 10_000);
      child.send({ type: "stats" });
      return await reply;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null && child.connected) {
        const closed = nextMessage(child, "closed", 60_000).catch(() => undefined);
        child.send({ type: "close" });
        await closed;
      }
      try {
        await withTimeout(exited, 30_000, "waiting for the server process to exit");
      } catch (error) {
        child.kill("SIGKILL");
        await exited;
        throw error;
      }
    },
  };
}
