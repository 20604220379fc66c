// Runs of one measure: a warm-up, then up to `count` measured runs while the measure's time budget
// lasts. A run during which other processes used more than BENCH_MAX_OTHER_CPU % of a core is
// repeated (at most `count` times over all). Every run carries the CPU of its window.
import { availableParallelism } from "node:os";
import { type CpuWindow, cpuWindow } from "../support/cpu-load.js";
import { envNumber } from "../support/options.js";
import { cpuMsOf } from "./copgraph-serve.js";

export interface Run<T> {
  readonly value: T;
  readonly wallMs: number;
  readonly cpu: CpuWindow;
}

export interface Runs<T> {
  readonly warmup: Run<T>;
  readonly runs: Run<T>[];
  readonly disturbed: Run<T>[];
  /** Why fewer runs than asked were made, if so. */
  readonly cut?: string;
}

/**
 * Times `fn` with the CPU of the machine, of this process and of `pids` (the server, a python child
 * given by its own report through `extraCpuMs`) over its window: `other` is what the rest used.
 */
export async function withCpu<T>(
  pids: readonly number[],
  fn: () => Promise<T>,
  extraCpuMs: (value: T) => number = () => 0,
): Promise<Run<T>> {
  const window = cpuWindow(availableParallelism());
  const before = pids.map(cpuMsOf);
  const started = performance.now();
  const value = await fn();
  const wallMs = performance.now() - started;
  const childMs = pids.reduce((sum, pid, i) => sum + Math.max(0, cpuMsOf(pid) - (before[i] ?? 0)), 0);
  const childPercent = ((childMs + extraCpuMs(value)) / Math.max(1, wallMs)) * 100;
  return { value, wallMs, cpu: window.end(childPercent) };
}

export async function budgetedRuns<T>(
  count: number,
  budgetMs: number,
  once: (index: number) => Promise<Run<T>>,
  report: (run: Run<T>, label: string) => void,
): Promise<Runs<T>> {
  const maxOther = envNumber("BENCH_MAX_OTHER_CPU", 25, 0, 1000);
  const started = performance.now();
  const warmup = await once(0);
  report(warmup, "warm-up");
  const runs: Run<T>[] = [];
  const disturbed: Run<T>[] = [];
  let cut: string | undefined;
  for (let attempt = 1; runs.length < count && attempt <= 2 * count; attempt++) {
    if (performance.now() - started > budgetMs) {
      cut = `stopped after ${runs.length} runs: the measure's budget of ${Math.round(budgetMs / 1000)} s was spent`;
      break;
    }
    const run = await once(attempt);
    const busy = run.cpu.otherPercent > maxOther;
    report(
      run,
      `run ${runs.length + 1}/${count}${busy ? ` (other processes used ${run.cpu.otherPercent}% CPU: repeating)` : ""}`,
    );
    (busy ? disturbed : runs).push(run);
  }
  if (runs.length === 0 && disturbed.length === 0) runs.push(warmup);
  // Out of repeats: the least disturbed runs fill up rather than fewer being reported.
  const fill = [...disturbed].sort((a, b) => a.cpu.otherPercent - b.cpu.otherPercent).slice(0, count - runs.length);
  const kept = [...runs, ...(cut ? [] : fill)];
  return {
    warmup,
    runs: kept.length > 0 ? kept : fill,
    disturbed: disturbed.filter((run) => !kept.includes(run)),
    ...(cut ? { cut } : {}),
  };
}
