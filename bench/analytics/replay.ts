// Measure 1: the replay of a 1,000,000-event community from the log into the engine (the read model's
// histories, then the tie index), against the floor of reading and parsing the same rows alone, both
// in each run (a fresh process per run).
import { fileURLToPath } from "node:url";
import { median } from "../support/stats.js";
import { runNode } from "./child-output.js";
import { tsxFlags } from "./copgraph-serve.js";
import { fmt, type MeasureOutcome } from "./measure.js";
import type { SuiteOptions } from "./options.js";
import { budgetedRuns, withCpu } from "./runs.js";

const child = fileURLToPath(new URL("./replay-child.ts", import.meta.url));

interface ReplayRun {
  readonly events: number;
  readonly floorEvents: number;
  readonly floorMs: number;
  /** Into the read model's histories. */
  readonly replayMs: number;
  /** Then the engine's tie index built from them. */
  readonly indexMs: number;
  readonly peakRssBytes: number;
  /** The child's own CPU time over its life. */
  readonly cpuMs: number;
}

async function replayOnce(options: SuiteOptions, dataDir: string): Promise<ReplayRun> {
  const { code, stdout, stderr } = await runNode(
    [...tsxFlags(options.entry), child, dataDir],
    options.requestTimeoutMs,
    "the replay",
  );
  const line = stdout.trim().split("\n").pop() ?? "";
  if (code !== 0 || !line.startsWith("{")) throw new Error(`replay child exited with ${code}: ${stderr}`);
  return JSON.parse(line) as ReplayRun;
}

export async function measureReplay(
  options: SuiteOptions,
  dataDir: string,
  log: (line: string) => void,
): Promise<MeasureOutcome> {
  const perSecond = (events: number, ms: number) => (events / ms) * 1000;
  const result = await budgetedRuns(
    options.runs,
    options.measureBudgetMs,
    // The child's CPU is this process's child: the machine window counts it as "other" unless added.
    () =>
      withCpu(
        [],
        () => replayOnce(options, dataDir),
        (run) => run.cpuMs,
      ),
    (run, label) =>
      log(
        `   ${label}: into the engine ${fmt(perSecond(run.value.events, run.value.replayMs + run.value.indexMs))} events/s (history ${fmt(run.value.replayMs)} ms + tie index ${fmt(run.value.indexMs)} ms), floor ${fmt(perSecond(run.value.floorEvents, run.value.floorMs))} events/s (${fmt(run.value.events)} events, peak ${fmt(run.value.peakRssBytes / 2 ** 20)} MiB; other CPU ${run.cpu.otherPercent} %)`,
      ),
  );
  // Loading the engine: the histories and the index its first query would otherwise build.
  const replay = median(result.runs.map((run) => perSecond(run.value.events, run.value.replayMs + run.value.indexMs)));
  const historyOnly = median(result.runs.map((run) => perSecond(run.value.events, run.value.replayMs)));
  const floor = median(result.runs.map((run) => perSecond(run.value.floorEvents, run.value.floorMs)));
  const share = replay / floor;
  return {
    figure: `${fmt(replay)} events/s (histories alone ${fmt(historyOnly)}); floor ${fmt(floor)} events/s; ${fmt(share * 100)} % of the floor`,
    met: replay >= 500_000 || share >= 0.8,
    raw: {
      replayPerSecond: replay,
      historyOnlyPerSecond: historyOnly,
      floorPerSecond: floor,
      shareOfFloor: share,
      ...result,
    },
  };
}
