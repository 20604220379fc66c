// The child processes the suite started (servers, the command line, replay runs): killed when the
// suite exits, also on Ctrl-C or SIGTERM, so that no server outlives a stopped or crashed run.
import type { ChildProcess } from "node:child_process";

const live = new Set<ChildProcess>();

process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));

/** Follows `child` until it closes. */
export function own<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once("close", () => live.delete(child));
  return child;
}
