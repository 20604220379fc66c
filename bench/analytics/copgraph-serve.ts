// `copgraph serve` as users run it, in a child process of its own: the built bin (or the sources
// through tsx), on a data folder, no demo data, no rate limit. The suite measures through its HTTP
// API only, and reads the process's CPU and peak memory from /proc.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withTimeout } from "../support/stats.js";
import type { Entry } from "./options.js";
import { own } from "./own-children.js";

export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Node's arguments to run a TypeScript entry of the repository (bench children) or the bin. */
export const tsxFlags = (entry: Entry) =>
  entry === "source" ? ["--conditions=source", "--import", "tsx"] : ["--import", "tsx"];

export const cliArgs = (entry: Entry) =>
  entry === "source" ? [...tsxFlags(entry), "services/api/src/cli.ts"] : ["services/api/dist/cli.js"];

export interface CopgraphServer {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the "serving" line. */
  readonly startMs: number;
  /** Peak resident memory of the process so far (VmHWM), bytes; -1 when unreadable. */
  peakRss(): number;
  /** User + system CPU of the process so far, ms; -1 when unreadable. */
  cpuMs(): number;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`: resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

export function peakRssOf(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : -1;
  } catch {
    return -1;
  }
}

export function cpuMsOf(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return -1;
  }
}

export async function startCopgraph(
  entry: Entry,
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  startTimeoutMs = 600_000,
): Promise<CopgraphServer> {
  const started = performance.now();
  const child: ChildProcess = own(
    spawn(process.execPath, [...cliArgs(entry), "serve", "--port", "0", "--data-dir", dataDir, "--no-demo"], {
      cwd: repositoryRoot,
      env: {
        ...process.env,
        LOG_LEVEL: "warn",
        COPGRAPH_RATE_LIMIT: "0",
        COPGRAPH_SHUTDOWN_TIMEOUT_MS: "5000",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  let output = "";
  const keep = (chunk: Buffer) => {
    // The last 20 kB are enough to say why a server failed.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const stop = async (graceMs = 30_000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    try {
      await withTimeout(exited, graceMs, "stopping the server");
    } catch {
      child.kill("SIGKILL");
      await exited;
    }
  };
  let url: string;
  try {
    url = await withTimeout(
      new Promise<string>((resolve, reject) => {
        const onData = () => {
          const match = /serving (http:\/\/\S+?) /.exec(output);
          if (match?.[1]) resolve(match[1]);
        };
        child.stdout?.on("data", onData);
        child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
      }),
      startTimeoutMs,
      "starting the server",
    );
  } catch (error) {
    await stop(1000);
    throw error;
  }
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    startMs: performance.now() - started,
    peakRss: () => peakRssOf(pid),
    cpuMs: () => cpuMsOf(pid),
    output: () => output,
    stop,
  };
}
