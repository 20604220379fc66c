// The simulated logs of the suite, made once per run with the command line users have:
// `copgraph simulate --communities <n> --events <n> --seed <n> --data-dir <dir>`.
import { runNode } from "./child-output.js";
import { cliArgs } from "./copgraph-serve.js";
import type { Entry } from "./options.js";

export interface SimulatedLog {
  readonly dataDir: string;
  /** Each community and its number of events, in the order simulated. */
  readonly communities: readonly { readonly communityId: string; readonly events: number }[];
  readonly events: number;
  readonly seconds: number;
  readonly command: string;
}

export async function simulateLog(
  entry: Entry,
  dataDir: string,
  args: { communities: number; events: number; seed: number },
  timeoutMs = 1_800_000,
): Promise<SimulatedLog> {
  const flags = [
    "--communities",
    String(args.communities),
    "--events",
    String(args.events),
    "--seed",
    String(args.seed),
  ];
  const started = performance.now();
  const { code, stdout, stderr } = await runNode(
    [...cliArgs(entry), "simulate", ...flags, "--data-dir", dataDir],
    timeoutMs,
    "copgraph simulate",
  );
  if (code !== 0) throw new Error(`copgraph simulate exited with ${code}: ${stderr}`);
  const communities = [...stdout.matchAll(/^(\S+): (\d+) events$/gm)].map((match) => ({
    communityId: match[1] as string,
    events: Number(match[2]),
  }));
  if (communities.length !== args.communities)
    throw new Error(`copgraph simulate reported ${communities.length} communities, not ${args.communities}`);
  return {
    dataDir,
    communities,
    events: communities.reduce((sum, community) => sum + community.events, 0),
    seconds: (performance.now() - started) / 1000,
    command: `copgraph simulate ${flags.join(" ")}`,
  };
}
