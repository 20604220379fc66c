import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  /** Kills the process with the signal and waits until it is gone: how it ended. */
  kill(signal?: NodeJS.Signals): Promise<ProcessEnd>;
}

export interface ProcessEnd {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Starts `copgraph serve` from source as a real child process on `port` (default: a free one). */
export async function startServerProcess(
  dataDir: string,
  env: NodeJS.ProcessEnv = {},
  port = 0,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      "--conditions=source",
      "--import",
      "tsx",
      "services/api/src/cli.ts",
      "serve",
      "--port",
      String(port),
      "--data-dir",
      dataDir,
    ],
    { cwd: root, env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  // "close", not "exit": by then everything the process wrote has been read.
  const exited = new Promise<ProcessEnd>((resolve) => child.once("close", (code, signal) => resolve({ code, signal })));
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/\S+?) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    child,
    output: () => output,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
