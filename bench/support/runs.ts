import { envNumber } from "./options.js";

export interface MeasuredRuns<R> {
  readonly warmup: R;
  /** The runs the medians are taken over. */
  readonly runs: R[];
  /** Runs thrown away because other processes used the CPU meanwhile (kept for the record). */
  readonly disturbed: R[];
}

/**
 * One warm-up run, then `count` measured runs. On a shared machine a run during which other
 * processes used more than BENCH_MAX_OTHER_CPU % of a core (default 25) is repeated, at most
 * `count` extra times; when the retries run out the disturbed runs are used after all.
 */
export async function measureRuns<R extends { readonly cpu: { readonly otherPercent: number } }>(
  count: number,
  once: (index: number) => Promise<R>,
  report: (run: R, label: string) => void,
): Promise<MeasuredRuns<R>> {
  const maxOther = envNumber("BENCH_MAX_OTHER_CPU", 25, 0, 1000);
  const warmup = await once(0);
  report(warmup, "warm-up");
  const runs: R[] = [];
  const disturbed: R[] = [];
  for (let attempt = 1; runs.length < count && attempt <= 2 * count; attempt++) {
    const run = await once(attempt);
    const busy = run.cpu.otherPercent > maxOther;
    report(
      run,
      `run ${runs.length + 1}/${count}${busy ? ` (disturbed: other processes used ${run.cpu.otherPercent}% CPU, repeating)` : ""}`,
    );
    (busy ? disturbed : runs).push(run);
  }
  // Out of retries: fill up with the least disturbed runs rather than report fewer.
  const fill = [...disturbed].sort((a, b) => a.cpu.otherPercent - b.cpu.otherPercent).slice(0, count - runs.length);
  return { warmup, runs: [...runs, ...fill], disturbed: disturbed.filter((run) => !fill.includes(run)) };
}
