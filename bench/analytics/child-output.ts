// A node child process of the suite (the command line, the replay run), its output collected,
// killed when it takes longer than `timeoutMs`.
import { spawn } from "node:child_process";
import { withTimeout } from "../support/stats.js";
import { repositoryRoot } from "./copgraph-serve.js";
import { own } from "./own-children.js";

export interface ChildOutput {
  readonly code: number | null;
  readonly stdout: string;
  /** The last 5 kB: enough to say why it failed. */
  readonly stderr: string;
}

export async function runNode(args: readonly string[], timeoutMs: number, what: string): Promise<ChildOutput> {
  const child = own(spawn(process.execPath, args, { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] }));
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-5000);
  });
  const code = await withTimeout(
    new Promise<number | null>((resolve) => child.once("close", resolve)),
    timeoutMs,
    what,
  ).catch((error: Error) => {
    child.kill("SIGKILL");
    throw error;
  });
  return { code, stdout, stderr };
}
